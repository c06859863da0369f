"""The reviewer memo: one model (build.py), several renderings."""

"""Evaluation harness: labelled documents, injected errors, per-category precision and recall.

``python -m eval --backend rules --dataset all`` runs the review over the datasets in
``eval/datasets/`` and reports, per category of finding, how many expert labels the review
finds and how many of its findings are spurious. See ``eval/README.md``.
"""

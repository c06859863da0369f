"""The package version, in a module that imports nothing (the memo and ``--version`` read it)."""

__version__ = "0.1.0"

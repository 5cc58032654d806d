"""Tools for the Libya army-unification fact-check dataset: load, validate, check, export."""

__version__ = "0.1.0"

"""Tools for the Libya army-unification fact-check dataset: load, validate, check, export.

The library under the `factcheck` command:

    import factcheck

    result = factcheck.check("path/to/repository")  # every finding: result.findings, result.errors
    dataset = factcheck.load("path/to/repository")  # the records, if they validate (else InvalidDataset)
    for claim in dataset.claims.values():
        print(claim.id, claim.data["statement"]["en"])
"""

__version__ = "0.1.0"

from .checker import InvalidDataset, Result, check, load
from .dataset import Article, Dataset, Record
from .findings import Finding, Location

__all__ = [
    "Article",
    "Dataset",
    "Finding",
    "InvalidDataset",
    "Location",
    "Record",
    "RegistryError",
    "Result",
    "check",
    "load",
]

"""Validation helpers shared by the estimators, and the persistence format check."""

from ._persistence import UnknownFormatError

__all__ = ["UnknownFormatError"]

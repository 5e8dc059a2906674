"""Validation helpers shared by the estimators."""

"""Dataset readers."""

from ._idx import read_idx

__all__ = ["read_idx"]

"""Dataset readers and toy data generators."""

from ._generators import make_logic_gate, make_spiral
from ._idx import read_idx

__all__ = ["read_idx"]
__all__ += ["make_logic_gate", "make_spiral"]

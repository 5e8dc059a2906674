"""Dataset readers and toy data generators."""

from ._generators import make_logic_gate, make_spiral
from ._idx import read_idx
from ._cifar import fetch_cifar10
from ._fetch import get_data_home
from ._loaders import (
    fetch_california_housing,
    fetch_california_housing_raw,
    fetch_fashion_mnist,
    fetch_font_colors,
    fetch_mnist,
)

__all__ = [
    "read_idx",
    "get_data_home",
    "fetch_california_housing",
    "fetch_california_housing_raw",
    "fetch_cifar10",
    "fetch_fashion_mnist",
    "fetch_font_colors",
    "fetch_mnist",
    "make_logic_gate",
    "make_spiral",
]

"""Locating the real data sets for the benchmarks (never bundled)."""

import os
import sys
from pathlib import Path

import numpy as np
from sklearn.impute import SimpleImputer

from skneural.datasets import fetch_california_housing, fetch_font_colors, read_idx


def data_home():
    """The folder of real data: ``$SKNEURAL_DATA`` or ``../shared/data``."""
    default = Path(__file__).resolve().parents[2] / "shared" / "data"
    home = Path(os.environ.get("SKNEURAL_DATA", default))
    if not home.is_dir():
        sys.exit(f"No data folder at {home}: set SKNEURAL_DATA to the shared data.")
    return home


def load_mnist(dtype=np.float32):
    """MNIST as (X_train, y_train, X_test, y_test), pixels scaled to [0, 1]."""
    folder = data_home() / "mnist"

    def images(name):
        X = read_idx(folder / f"{name}-images-idx3-ubyte.gz")
        return (X.reshape(len(X), -1) / np.asarray(255, dtype)).astype(dtype)

    def labels(name):
        return read_idx(folder / f"{name}-labels-idx1-ubyte.gz").astype(np.int64)

    return images("train"), labels("train"), images("t10k"), labels("t10k")


def load_font_colors():
    """The font-colour table as (X, y): RGB / 255 and the light-font label."""
    X, y = fetch_font_colors(data_home=data_home(), return_X_y=True)
    return X / 255.0, y


def load_california(impute_median=False):
    """California housing as (X, y): scikit-learn's 8 features, target in $100,000.

    ``AveBedrms`` is NaN for the 207 districts whose bedroom count the CSV
    lacks; ``impute_median=True`` fills them with the column's median.
    """
    X, y = fetch_california_housing(data_home=data_home(), return_X_y=True)
    if impute_median:
        X = SimpleImputer(strategy="median").fit_transform(X)
    return X, y

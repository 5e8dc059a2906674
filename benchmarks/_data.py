"""Locating the real data sets for the benchmarks (never bundled)."""

import os
import sys
from pathlib import Path

import numpy as np
from sklearn.impute import SimpleImputer
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from skneural.datasets import (
    fetch_california_housing,
    fetch_fashion_mnist,
    fetch_font_colors,
    fetch_mnist,
)


def data_home():
    """The folder of real data: ``$SKNEURAL_DATA`` or ``../shared/data``."""
    default = Path(__file__).resolve().parents[2] / "shared" / "data"
    home = Path(os.environ.get("SKNEURAL_DATA", default))
    if not home.is_dir():
        sys.exit(f"No data folder at {home}: set SKNEURAL_DATA to the shared data.")
    return home


def load_mnist(dtype=np.float32, fetch=fetch_mnist):
    """MNIST as (X_train, y_train, X_test, y_test), pixels scaled to [0, 1];
    ``fetch=fetch_fashion_mnist`` reads Fashion-MNIST instead."""

    def subset(name):
        X, y = fetch(subset=name, data_home=data_home(), download_if_missing=False,
                     return_X_y=True)
        return (X / np.asarray(255, dtype)).astype(dtype), y.astype(np.int64)

    return (*subset("train"), *subset("test"))


def load_fashion_mnist(dtype=np.float32):
    """Fashion-MNIST as :func:`load_mnist` gives MNIST."""
    return load_mnist(dtype, fetch=fetch_fashion_mnist)


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


def california_split(X, y):
    """Train and validation sets by the text's two splits (test set unused)."""
    X_train_full, _, y_train_full, _ = train_test_split(X, y, random_state=42)
    return train_test_split(X_train_full, y_train_full, random_state=42)


def california_pipeline(regressor_class, **settings):
    """The text's California MLP: median imputation, scaling, three layers of 50."""
    regressor = regressor_class(hidden_layer_sizes=[50, 50, 50], **settings)
    return make_pipeline(SimpleImputer(strategy="median"), StandardScaler(), regressor)

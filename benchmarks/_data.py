"""Locating the real data sets for the benchmarks (never bundled)."""

import os
import sys
from pathlib import Path

import numpy as np

from skneural.datasets import read_idx


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
    path = data_home() / "font_colors" / "light_dark_font_training_set.csv"
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    return data[:, :3] / 255.0, data[:, 3].astype(np.int64)


CALIFORNIA_FEATURES = ["MedInc", "HouseAge", "AveRooms", "AveBedrms", "Population",
                       "AveOccup", "Latitude", "Longitude"]


def load_california():
    """California housing as (X, y), with the 8 features of scikit-learn's
    ``fetch_california_housing`` derived from ``housing.csv``.

    The columns are :data:`CALIFORNIA_FEATURES`; the target is the median house
    value in units of 100,000 dollars. ``AveBedrms`` is NaN for the 207
    districts whose bedroom count is missing from the CSV: impute it.
    """
    path = data_home() / "california_housing" / "housing.csv"
    table = np.genfromtxt(path, delimiter=",", names=True, usecols=range(9))
    households = table["households"]
    X = np.column_stack([
        table["median_income"],
        table["housing_median_age"],
        table["total_rooms"] / households,
        table["total_bedrooms"] / households,
        table["population"],
        table["population"] / households,
        table["latitude"],
        table["longitude"],
    ])
    return X, table["median_house_value"] / 100_000

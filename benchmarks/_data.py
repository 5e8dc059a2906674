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


def load_california_housing():
    """California housing as (X, y), from the raw CSV in the data folder.

    The 8 numeric features of scikit-learn's version (MedInc, HouseAge,
    AveRooms, AveBedrms, Population, AveOccup, Latitude, Longitude) derived
    from ``california_housing/housing.csv``; target in units of 100,000 $.
    The raw CSV lacks ``total_bedrooms`` for 207 districts: their AveBedrms
    is the median of the others.
    """
    import pandas as pd

    raw = pd.read_csv(data_home() / "california_housing" / "housing.csv")
    households = raw["households"]
    X = pd.DataFrame({
        "MedInc": raw["median_income"],
        "HouseAge": raw["housing_median_age"],
        "AveRooms": raw["total_rooms"] / households,
        "AveBedrms": raw["total_bedrooms"] / households,
        "Population": raw["population"],
        "AveOccup": raw["population"] / households,
        "Latitude": raw["latitude"],
        "Longitude": raw["longitude"],
    })
    X["AveBedrms"] = X["AveBedrms"].fillna(X["AveBedrms"].median())
    return X, raw["median_house_value"] / 100_000

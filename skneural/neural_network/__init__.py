"""Neural-network estimators: the NumPy multi-layer perceptrons."""

from ._classifier import NumpyMLPClassifier
from ._ensemble import MLPEnsembleRegressor
from ._regressor import NumpyMLPRegressor
from ._stochastic import TrainingDivergedError

__all__ = [
    "NumpyMLPClassifier",
    "NumpyMLPRegressor",
    "TrainingDivergedError",
    "MLPEnsembleRegressor",
]

"""Neural-network estimators: the NumPy multi-layer perceptrons and their
ensemble. The perceptron family lives in :mod:`skneural.perceptron` and is
re-exported here, where it used to be."""

from ._classifier import NumpyMLPClassifier
from ._ensemble import MLPEnsembleRegressor
from ._regressor import NumpyMLPRegressor
from ._stochastic import TrainingDivergedError
from ..perceptron import (
    AveragedPerceptron,
    KernelPerceptron,
    LogicNetwork,
    Perceptron,
    ThresholdLogicUnit,
    VotedPerceptron,
    make_logic_network,
)

__all__ = [
    "NumpyMLPClassifier",
    "NumpyMLPRegressor",
    "TrainingDivergedError",
    "MLPEnsembleRegressor",
    "AveragedPerceptron",
    "KernelPerceptron",
    "LogicNetwork",
    "Perceptron",
    "ThresholdLogicUnit",
    "VotedPerceptron",
    "make_logic_network",
]

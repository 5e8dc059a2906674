"""Neural-network estimators: the NumPy multi-layer perceptrons."""

from ._classifier import NumpyMLPClassifier
from ._ensemble import MLPEnsembleRegressor
from ._regressor import NumpyMLPRegressor
from ._stochastic import TrainingDivergedError
from ._kernel_perceptron import KernelPerceptron
from ._logic import LogicNetwork, ThresholdLogicUnit, make_logic_network
from ._perceptron import AveragedPerceptron, Perceptron, VotedPerceptron

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

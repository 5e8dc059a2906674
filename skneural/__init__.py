"""skneural: neural-network estimators that behave exactly like scikit-learn's own.

The NumPy multi-layer perceptrons live in :mod:`skneural.neural_network`,
the perceptron family in ``skneural.perceptron``, the training machinery
they share in ``skneural.training`` (private); the Keras estimators (which need TensorFlow) in ``skneural.keras``, imported
only on demand.
"""

from .neural_network import NumpyMLPClassifier, NumpyMLPRegressor
from .neural_network import MLPEnsembleRegressor
from .perceptron import (
    AveragedPerceptron,
    KernelPerceptron,
    LogicNetwork,
    Perceptron,
    ThresholdLogicUnit,
    VotedPerceptron,
    make_logic_network,
)

__version__ = "0.1.0"

__all__ = [
    "NumpyMLPClassifier",
    "NumpyMLPRegressor",
    "__version__",
    "MLPEnsembleRegressor",
    "AveragedPerceptron",
    "KernelPerceptron",
    "LogicNetwork",
    "Perceptron",
    "ThresholdLogicUnit",
    "VotedPerceptron",
    "make_logic_network",
]

"""The perceptron family: threshold logic units trained by the perceptron rule."""

from ._kernel_perceptron import KernelPerceptron
from ._logic import LogicNetwork, ThresholdLogicUnit, make_logic_network
from ._perceptron import AveragedPerceptron, Perceptron, VotedPerceptron

__all__ = [
    "AveragedPerceptron",
    "KernelPerceptron",
    "LogicNetwork",
    "Perceptron",
    "ThresholdLogicUnit",
    "VotedPerceptron",
    "make_logic_network",
]

"""Displays that look inside trained networks (matplotlib is imported only
when they draw)."""

from ._samples import ConfusionSamplesDisplay, MisclassifiedDisplay
from ._training import TrainingCurveDisplay, WeightDistributionDisplay
from ._weights import HiddenUnitsDisplay, WeightImagesDisplay

__all__ = [
    "ConfusionSamplesDisplay",
    "HiddenUnitsDisplay",
    "MisclassifiedDisplay",
    "TrainingCurveDisplay",
    "WeightDistributionDisplay",
    "WeightImagesDisplay",
]

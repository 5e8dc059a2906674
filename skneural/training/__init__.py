"""Training machinery shared by every epoch-trained family (private).

The held-out split (:func:`hold_out`), the combination of sample and class
weights (:func:`combined_sample_weight`), the Ctrl-C rollback to the last
whole epoch (:class:`EpochCheckpoint`) and the callbacks a fit runs
(:func:`fit_callbacks`) are each written here once. This package imports the
engine, never an estimator.
"""

from ._callbacks import CALLBACKS_DOC, FitCallbacks, fit_callbacks
from ._checkpoint import EpochCheckpoint, TrainedArrays
from ._held_out import HeldOut, hold_out
from ._weights import combined_sample_weight

__all__ = [
    "CALLBACKS_DOC",
    "EpochCheckpoint",
    "FitCallbacks",
    "HeldOut",
    "TrainedArrays",
    "combined_sample_weight",
    "fit_callbacks",
    "hold_out",
]

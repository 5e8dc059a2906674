"""Training machinery shared by every epoch-trained family (private).

One :class:`TrainingRun` holds a fit's state and runs it epoch by epoch;
every extra behaviour is a :class:`Hook` that owns, saves and restores its
own state: stall stopping (:class:`StallStopping`, :class:`UnitStopping`),
dead-unit revival (:class:`Revival`), weight statistics
(:class:`WeightStatsRecorder`), the user's callbacks (:class:`CallbackHook`
over :class:`FitCallbacks`) and the Ctrl-C rollback (:class:`Checkpoint`).
The held-out split (:func:`hold_out`) and the combination of sample and
class weights (:func:`combined_sample_weight`) are written here once too.
This package imports the engine, never an estimator.
"""

from ._callbacks import CALLBACKS_DOC, FitCallbacks, fit_callbacks
from ._checkpoint import Checkpoint, TrainedArrays
from ._held_out import HeldOut, hold_out, take_rows
from ._revival import Revival
from ._run import CallbackHook, Hook, TrainingRun
from ._stopping import StallStopping, UnitStopping
from ._weight_stats import WeightStatsRecorder
from ._weights import combined_sample_weight

__all__ = [
    "CALLBACKS_DOC",
    "CallbackHook",
    "Checkpoint",
    "FitCallbacks",
    "HeldOut",
    "Hook",
    "Revival",
    "StallStopping",
    "TrainedArrays",
    "TrainingRun",
    "UnitStopping",
    "WeightStatsRecorder",
    "combined_sample_weight",
    "fit_callbacks",
    "hold_out",
    "take_rows",
]

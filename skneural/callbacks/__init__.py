"""Training callbacks shared by every epoch-trained skneural estimator.

Pass a list of them as the ``callbacks`` parameter of a NumPy MLP, a
perceptron or a Keras estimator. Each callback sees the estimator and the
per-epoch ``logs``; the ones that change training (stopping, restoring
weights, scheduling the learning rate) do it through the :class:`Trainer`
handle that the fit hands them with :meth:`Callback.set_trainer`.
"""

from ._base import Callback, Trainer
from ._checkpoint import ModelCheckpoint
from ._progress import ProgressBar
from ._rates import LearningRateScheduler, ReduceLROnPlateau
from ._schedules import CosineSchedule, ExponentialDecay, Schedule, StepDecay
from ._stopping import EarlyStopping
from ._tensorboard import TensorBoard

__all__ = [
    "Callback",
    "CosineSchedule",
    "EarlyStopping",
    "ExponentialDecay",
    "LearningRateScheduler",
    "ModelCheckpoint",
    "ProgressBar",
    "ReduceLROnPlateau",
    "Schedule",
    "StepDecay",
    "TensorBoard",
    "Trainer",
]

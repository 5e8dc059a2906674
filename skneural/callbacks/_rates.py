"""Callbacks that change the learning rate during a fit."""

from ._base import Callback
from ._monitor import Monitor
from ._schedules import Schedule

__all__ = ["LearningRateScheduler", "ReduceLROnPlateau"]


class LearningRateScheduler(Callback):
    """Set the learning rate of every epoch from a schedule.

    Parameters
    ----------
    schedule : Schedule or callable
        A named schedule (:class:`StepDecay`, :class:`ExponentialDecay`,
        :class:`CosineSchedule`), called with the epoch's 0-based index and
        the fit's initial rate; or any callable ``(epoch, lr) -> lr``,
        called with the current rate. Use a named schedule or a module-level
        function when the estimator must pickle or enter a grid search.

    Examples
    --------
    >>> from skneural.callbacks import CosineSchedule, LearningRateScheduler
    >>> LearningRateScheduler(CosineSchedule(total_epochs=50, warmup_epochs=5))
    LearningRateScheduler(schedule=CosineSchedule(total_epochs=50, warmup_epochs=5, min_lr=0.0))
    """

    def __init__(self, schedule):
        self.schedule = schedule

    def __repr__(self):
        return f"{type(self).__name__}(schedule={self.schedule!r})"

    def on_fit_begin(self, estimator):
        """Remember the initial rate and set the first epoch's."""
        if not callable(self.schedule):
            raise TypeError(
                "LearningRateScheduler's schedule must be a Schedule or a callable "
                f"(epoch, lr) -> lr. Got {self.schedule!r}."
            )
        self._base_lr = self.trainer.learning_rate
        self._apply(0)

    def on_epoch_end(self, estimator, epoch, logs):
        """Set the rate of the next epoch (0-based index ``epoch``)."""
        self._apply(epoch)
        return False

    def on_fit_end(self, estimator):
        """Forget the initial rate."""
        self._base_lr = None

    def _apply(self, epoch):
        current = self._base_lr if isinstance(self.schedule, Schedule) else self.trainer.learning_rate
        self.trainer.learning_rate = float(self.schedule(epoch, current))


class ReduceLROnPlateau(Callback):
    """Divide the learning rate when a monitored quantity stops improving.

    Parameters
    ----------
    monitor : str, default="val_loss"
        The ``logs`` key to watch; ``*score`` keys are maximised, the
        others minimised.
    factor : float, default=0.1
        The multiplier applied to the rate on a plateau.
    patience : int, default=10
        Epochs without improvement before the rate drops.
    min_delta : float, default=1e-4
        The smallest change that counts as an improvement.
    min_lr : float, default=0.0
        The rate never drops below this.

    Examples
    --------
    >>> from skneural.callbacks import ReduceLROnPlateau
    >>> ReduceLROnPlateau(monitor="loss", patience=3)
    ReduceLROnPlateau(monitor='loss', factor=0.1, patience=3, min_delta=0.0001, min_lr=0.0)
    """

    def __init__(self, monitor="val_loss", factor=0.1, patience=10, min_delta=1e-4, min_lr=0.0):
        self.monitor = monitor
        self.factor = factor
        self.patience = patience
        self.min_delta = min_delta
        self.min_lr = min_lr

    def __repr__(self):
        return (
            f"{type(self).__name__}(monitor={self.monitor!r}, factor={self.factor!r}, "
            f"patience={self.patience!r}, min_delta={self.min_delta!r}, min_lr={self.min_lr!r})"
        )

    def on_fit_begin(self, estimator):
        """Forget the previous fit's best value."""
        self._monitor = Monitor(self.monitor, self.min_delta)

    def on_epoch_end(self, estimator, epoch, logs):
        """Drop the rate after ``patience`` epochs without improvement."""
        if not self._monitor.update(logs, type(self).__name__) and self._monitor.wait >= self.patience:
            self.trainer.learning_rate = max(self.trainer.learning_rate * self.factor, self.min_lr)
            self._monitor.wait = 0
        return False

    def on_fit_end(self, estimator):
        """Drop the per-fit state."""
        self._monitor = None

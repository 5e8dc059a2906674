"""Early stopping on a monitored logs key, restoring the best weights."""

from ._base import Callback
from ._monitor import Monitor

__all__ = ["EarlyStopping"]


class EarlyStopping(Callback):
    """Stop the fit when a monitored quantity stops improving.

    Parameters
    ----------
    monitor : str, default="val_loss"
        The ``logs`` key to watch. Keys ending in ``score`` are maximised,
        the others minimised. ``val_loss`` and ``val_score`` need held-out
        data (``X_val``/``y_val`` or ``early_stopping=True``).
    patience : int, default=10
        Epochs without improvement before stopping.
    min_delta : float, default=0.0
        The smallest change that counts as an improvement.
    restore_best : bool, default=True
        Whether the fitted weights are those of the best epoch.

    Attributes
    ----------
    best_epoch_ : int or None
        The epoch with the best monitored value in the last fit.
    stopped_epoch_ : int or None
        The epoch after which this callback stopped the last fit, None when
        it did not stop it.

    Examples
    --------
    >>> from skneural.callbacks import EarlyStopping
    >>> EarlyStopping(patience=3)
    EarlyStopping(monitor='val_loss', patience=3, min_delta=0.0, restore_best=True)
    """

    def __init__(self, monitor="val_loss", patience=10, min_delta=0.0, restore_best=True):
        self.monitor = monitor
        self.patience = patience
        self.min_delta = min_delta
        self.restore_best = restore_best

    def __repr__(self):
        return (
            f"{type(self).__name__}(monitor={self.monitor!r}, patience={self.patience!r}, "
            f"min_delta={self.min_delta!r}, restore_best={self.restore_best!r})"
        )

    def on_fit_begin(self, estimator):
        """Forget the previous fit's best value and weights."""
        self._monitor = Monitor(self.monitor, self.min_delta)
        self._best_weights = None
        self.best_epoch_, self.stopped_epoch_ = None, None

    def on_epoch_end(self, estimator, epoch, logs):
        """Record the epoch; True once ``patience`` epochs brought nothing."""
        if self._monitor.update(logs, type(self).__name__):
            self.best_epoch_ = epoch
            if self.restore_best:
                self._best_weights = self.trainer.get_weights()
            return False
        if self._monitor.wait >= self.patience:
            self.stopped_epoch_ = epoch
            return True
        return False

    def on_fit_end(self, estimator):
        """Put the best epoch's weights back and drop the per-fit state."""
        if self._best_weights is not None:
            self.trainer.set_weights(self._best_weights)
        self._best_weights, self._monitor = None, None

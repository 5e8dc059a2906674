"""Saving the estimator to a file during the fit."""

import pickle
from pathlib import Path

from ._base import Callback
from ._monitor import Monitor

__all__ = ["ModelCheckpoint"]


class ModelCheckpoint(Callback):
    """Pickle a fitted copy of the estimator after the epochs that improve.

    The file holds ``trainer.fitted_copy()``; ``pickle.load`` gives back an
    estimator of the same class that predicts like the fit did at that
    epoch.

    Parameters
    ----------
    path : str or path-like
        The file to write; ``{epoch}`` in it is replaced by the epoch.
    monitor : str, default="val_loss"
        The ``logs`` key that decides what "best" means; ``*score`` keys are
        maximised, the others minimised.
    save_best_only : bool, default=True
        Whether to save only after epochs that improve on the best value;
        False saves after every epoch.

    Examples
    --------
    >>> from skneural.callbacks import ModelCheckpoint
    >>> ModelCheckpoint("model-{epoch}.pkl", monitor="loss")
    ModelCheckpoint(path='model-{epoch}.pkl', monitor='loss', save_best_only=True)
    """

    def __init__(self, path, monitor="val_loss", save_best_only=True):
        self.path = path
        self.monitor = monitor
        self.save_best_only = save_best_only

    def __repr__(self):
        return (
            f"{type(self).__name__}(path={self.path!r}, monitor={self.monitor!r}, "
            f"save_best_only={self.save_best_only!r})"
        )

    def on_fit_begin(self, estimator):
        """Forget the previous fit's best value."""
        self._monitor = Monitor(self.monitor, 0.0)

    def on_epoch_end(self, estimator, epoch, logs):
        """Write the fitted copy when the epoch improves (or always)."""
        improved = self._monitor.update(logs, type(self).__name__)
        if improved or not self.save_best_only:
            path = Path(str(self.path).format(epoch=epoch))
            with path.open("wb") as file:
                pickle.dump(self.trainer.fitted_copy(), file)
        return False

    def on_fit_end(self, estimator):
        """Drop the per-fit state."""
        self._monitor = None

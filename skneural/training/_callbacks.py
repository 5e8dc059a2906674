"""The callbacks a fit runs, called in the documented order."""

from ..callbacks import Callback
from ..callbacks._sklearn_bridge import epoch_tasks

__all__ = ["CALLBACKS_DOC", "FitCallbacks", "fit_callbacks"]


def fit_callbacks(estimator):
    """The callbacks ``estimator``'s fit calls, in order.

    Parameters
    ----------
    estimator : estimator instance
        An estimator with a ``callbacks`` parameter (a list or None).

    Returns
    -------
    callbacks : list of Callback
        A new list; empty when there is none.

    Raises
    ------
    TypeError
        When an entry is not a :class:`~skneural.callbacks.Callback`.
    """
    callbacks = list(getattr(estimator, "callbacks", None) or [])
    for callback in callbacks:
        if not isinstance(callback, Callback):
            raise TypeError(
                "The 'callbacks' parameter of "
                f"{type(estimator).__name__} must be a list of "
                f"skneural.callbacks.Callback instances or None. Got {callback!r}."
            )
    return callbacks


class FitCallbacks:
    """The callbacks of one fit, attached to its trainer.

    Besides the estimator's ``callbacks``, the fit's epochs are reported to
    the scikit-learn callbacks (``sklearn.callback``, scikit-learn >= 1.9)
    when the fit runs as a task of theirs (see
    :mod:`skneural.callbacks._sklearn_bridge`); they can stop it too.

    Parameters
    ----------
    estimator : estimator instance
        The estimator being fitted; its callbacks come from
        :func:`fit_callbacks`.
    trainer : Trainer
        The fit's :class:`~skneural.callbacks.Trainer`.
    callbacks : list of Callback or None, default=None
        The callbacks to run, for an estimator whose ``callbacks`` parameter
        also holds other objects (the Keras estimators); None runs
        :func:`fit_callbacks` of ``estimator``.
    """

    def __init__(self, estimator, trainer, callbacks=None):
        self.estimator, self.trainer = estimator, trainer
        self.callbacks = fit_callbacks(estimator) if callbacks is None else list(callbacks)
        self._epoch_tasks = epoch_tasks(estimator, trainer)

    def __bool__(self):
        return bool(self.callbacks) or self._epoch_tasks is not None

    def begin(self):
        """Attach the trainer and call ``on_fit_begin``."""
        for callback in self.callbacks:
            callback.set_trainer(self.trainer)
        for callback in self.callbacks:
            callback.on_fit_begin(self.estimator)

    def epoch_end(self, epoch, logs):
        """Call every ``on_epoch_end``; True when one of them asks to stop."""
        stop = False
        for callback in self.callbacks:
            stop = bool(callback.on_epoch_end(self.estimator, epoch, dict(logs))) or stop
        if self._epoch_tasks is not None:
            stop = self._epoch_tasks.epoch_end() or stop
        return stop

    def end(self):
        """Call ``on_fit_end``."""
        for callback in self.callbacks:
            callback.on_fit_end(self.estimator)

    def detach(self):
        """Take the trainer away from the callbacks (also after a failure)."""
        for callback in self.callbacks:
            callback.set_trainer(None)


CALLBACKS_DOC = """\
callbacks : list of Callback or None, default=None
    ``skneural.callbacks.Callback`` objects called at the start of
    the fit, after every epoch (with the epoch's ``loss``,
    ``learning_rate`` and, with held-out data, ``val_loss`` and
    ``val_score``; any of them can stop the fit) and at its end. None runs
    none. Not in scikit-learn."""

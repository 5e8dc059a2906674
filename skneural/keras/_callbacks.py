"""skneural callbacks inside ``keras.Model.fit``: the adapter to Keras callbacks.

A Keras estimator's ``callbacks`` parameter holds Keras callbacks and
:class:`skneural.callbacks.Callback` objects side by side.
:func:`keras_callbacks` keeps the Keras ones for ``model.fit``;
:class:`SkneuralCallbacks`, one more Keras callback in that list, runs the
skneural ones through :class:`~skneural.training.FitCallbacks`, as the NumPy
estimators do, with :class:`KerasTrainer` as their handle on the model.
Public Keras APIs only.
"""

import copy

import keras

from ..callbacks import Callback, Trainer
from ..training import Checkpoint, FitCallbacks

__all__ = [
    "EpochCheckpoint", "KerasRun", "KerasTrainer", "SkneuralCallbacks",
    "keras_callbacks", "skneural_callbacks",
]


def skneural_callbacks(callbacks):
    """The :class:`~skneural.callbacks.Callback` objects among ``callbacks``.

    Parameters
    ----------
    callbacks : list, dict, callback or None
        A Keras estimator's ``callbacks`` parameter.

    Returns
    -------
    callbacks : list of Callback
        In their order; empty when there is none.
    """
    return [entry for entry in _entries(callbacks) if isinstance(entry, Callback)]


def keras_callbacks(callbacks):
    """``callbacks`` with every skneural callback replaced by a no-op Keras one.

    The replacement keeps each Keras callback at its position in a list, the
    position that routed ``callbacks__<index>__<name>`` parameters refer to.

    Parameters
    ----------
    callbacks : list, dict, callback or None
        A Keras estimator's ``callbacks`` parameter.

    Returns
    -------
    callbacks : list, dict, keras callback or None
        The same shape, holding Keras callbacks (instances or classes) only.
    """
    if isinstance(callbacks, Callback):
        return None
    if isinstance(callbacks, dict):
        return {key: _keras_only(value) for key, value in callbacks.items()}
    if isinstance(callbacks, list):
        return [_keras_only(entry) for entry in callbacks]
    return callbacks


def _entries(callbacks):
    if callbacks is None:
        return []
    if isinstance(callbacks, dict):
        return list(callbacks.values())
    return list(callbacks) if isinstance(callbacks, list) else [callbacks]


def _keras_only(entry):
    return keras.callbacks.Callback() if isinstance(entry, Callback) else entry


class KerasTrainer(Trainer):
    """The :class:`~skneural.callbacks.Trainer` of a Keras estimator's fit.

    The learning rate is the compiled optimiser's, the weights those of
    ``model.get_weights()``.

    Parameters
    ----------
    estimator : estimator instance
        The Keras estimator being fitted; its pickled state (which
        :func:`copy.deepcopy` goes through) must hold the model.
    model : keras.Model
        The compiled model being trained.
    """

    def __init__(self, estimator, model):
        self.estimator, self._model = estimator, model

    @property
    def learning_rate(self):
        return float(self._model.optimizer.learning_rate)

    @learning_rate.setter
    def learning_rate(self, value):
        try:
            self._model.optimizer.learning_rate = float(value)
        except TypeError as error:
            raise TypeError(
                f"The optimizer of {type(self.estimator).__name__} follows a Keras "
                "LearningRateSchedule, so a callback cannot set its learning rate. "
                "Give it a constant learning rate (for KerasWideDeepRegressor, "
                "learning_rate_schedule='constant') to schedule it with callbacks."
            ) from error

    def get_weights(self):
        return self._model.get_weights()

    def set_weights(self, weights):
        self._model.set_weights(weights)

    def fitted_copy(self):
        return copy.deepcopy(self.estimator)


class SkneuralCallbacks(keras.callbacks.Callback):
    """The Keras callback that runs an estimator's skneural callbacks.

    Put it last in the ``callbacks`` of ``model.fit``, and call
    :meth:`detach` once the fit is over, whatever happened; after a
    ``KeyboardInterrupt`` (which ends ``model.fit`` without
    ``on_train_end``) call :meth:`end` first.

    Parameters
    ----------
    estimator : estimator instance
        The Keras estimator being fitted.
    model : keras.Model
        The compiled model it trains.
    val_score : callable or None, default=None
        Returns the estimator's score on the held-out data at this moment;
        called after every epoch that has a ``val_loss``.
    """

    def __init__(self, estimator, model, val_score=None):
        super().__init__()
        self._trainer = KerasTrainer(estimator, model)
        self._fit = FitCallbacks(
            estimator, self._trainer, callbacks=skneural_callbacks(estimator.callbacks)
        )
        self._val_score, self._running = val_score, False

    def on_train_begin(self, logs=None):
        self._fit.begin()
        self._running = True

    def on_epoch_end(self, epoch, logs=None):
        if self._fit and self._fit.epoch_end(epoch + 1, self._epoch_logs(logs or {})):
            self.model.stop_training = True

    def on_train_end(self, logs=None):
        self.end()

    def _epoch_logs(self, keras_logs):
        logs = {name: float(value) for name, value in keras_logs.items()}
        logs["learning_rate"] = self._trainer.learning_rate
        if "val_loss" in logs and self._val_score is not None:
            logs["val_score"] = float(self._val_score())
        return logs

    def end(self):
        """Call ``on_fit_end`` of the callbacks, once, if the fit began."""
        if self._running:
            self._running = False
            self._fit.end()

    def detach(self):
        """Take the trainer away from the callbacks (also after a failure)."""
        self._fit.detach()


class KerasRun:
    """A Keras fit seen as a run that :class:`~skneural.training.Checkpoint` saves.

    It holds the logs of the epochs finished so far; a snapshot holds the
    model's weights, the optimizer's variables and those logs.

    Parameters
    ----------
    model : keras.Model
        The compiled model being trained.
    """

    def __init__(self, model):
        self._model, self.logs = model, []

    @property
    def n_epochs(self):
        """Number of epochs finished in this fit."""
        return len(self.logs)

    def snapshot(self, until=None):
        """The model's and optimizer's state and the logs (``until`` is unused:
        a Keras fit has no hooks of its own)."""
        optimizer = self._model.optimizer
        return (
            self._model.get_weights(),
            [variable.numpy() for variable in optimizer.variables],
            list(self.logs),
        )

    def restore(self, snapshot):
        """Put a :meth:`snapshot` back."""
        weights, optimizer_state, logs = snapshot
        self._model.set_weights(weights)
        for variable, value in zip(self._model.optimizer.variables, optimizer_state):
            variable.assign(value)
        self.logs = list(logs)


class EpochCheckpoint(keras.callbacks.Callback):
    """Records each epoch's logs and saves the run after it (Ctrl-C rollback).

    After each epoch it first calls ``end_epoch(model, logs)`` (which may
    stop training); the epoch counts as finished once that returned. On
    ``KeyboardInterrupt`` call :meth:`roll_back`.

    Parameters
    ----------
    run : KerasRun
        The fit's run.
    end_epoch : callable
        Called as ``end_epoch(model, logs)`` after every epoch.
    """

    def __init__(self, run, end_epoch):
        super().__init__()
        self._run, self._end_epoch = run, end_epoch
        self._checkpoint = Checkpoint()

    def on_train_begin(self, logs=None):
        self._checkpoint.on_train_begin(self._run)

    def on_epoch_end(self, epoch, logs=None):
        logs = {name: float(value) for name, value in (logs or {}).items()}
        self._end_epoch(self.model, logs)
        self._run.logs.append(logs)  # a snapshot holds its own copy
        self._checkpoint.on_epoch_end(self._run)

    def roll_back(self):
        """Restore the run after its last finished epoch, and warn."""
        self._checkpoint.on_interrupt(self._run)

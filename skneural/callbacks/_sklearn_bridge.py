"""The bridge to scikit-learn's experimental callback API, ``sklearn.callback``.

scikit-learn >= 1.9 lets ``est.set_callbacks(ProgressBar(), ...)`` watch a
fit as a tree of tasks, passed down from a ``GridSearchCV`` or a
``Pipeline``. An epoch-trained skneural estimator takes part with
:class:`CallbackSupportMixin` in its bases and :func:`fit_task` on its
``fit`` and ``partial_fit``: each fit is then one task whose subtasks are
its epochs, reported by :class:`~skneural.training.FitCallbacks`, and a
callback that asks to stop at an epoch stops the fit. On an older
scikit-learn the mixin is empty and the decorator returns the method as it
is: the feature is absent. The API is experimental, so everything that
touches it is in this module.
"""

import functools
import weakref

from ._per_fit import planned_epochs

try:
    from sklearn.callback import CallbackSupportMixin, with_callbacks
except ImportError:  # scikit-learn < 1.9

    class CallbackSupportMixin:
        """Empty: this scikit-learn has no ``sklearn.callback``."""

    with_callbacks = None

__all__ = ["CallbackSupportMixin", "EpochTasks", "epoch_tasks", "fit_task"]

# What scikit-learn keeps on an estimator for its callbacks; a fitted copy
# made for a callback must not deep-copy it (it holds the running callbacks).
_CALLBACK_STATE = (
    "_skl_callbacks", "_skl_callbacks_to_teardown", "_callback_fit_ctx", "_parent_callback_ctx",
)
# The running fit tasks, with the data they were given.
_running = weakref.WeakKeyDictionary()


def _takes_part(estimator):
    """Whether a fit of ``estimator`` reports tasks: it has scikit-learn
    callbacks, or runs inside a meta-estimator's task."""
    return bool(getattr(estimator, "_skl_callbacks", None)) or hasattr(
        estimator, "_parent_callback_ctx"
    )


def fit_task(fit_method):
    """Run ``fit_method(self, X, y, ...)`` as one ``sklearn.callback`` fit task.

    The task's subtasks are the fit's epochs (at most :func:`planned_epochs`).
    The callbacks' teardown runs also when the fit fails. Without scikit-learn
    callbacks (or in a task already running) the method runs as it is.
    """
    if with_callbacks is None:
        return fit_method

    @with_callbacks
    def run_task(estimator, X, y, *args, **kwargs):
        context = estimator._init_callback_context(max_subtasks=planned_epochs(estimator))
        context.call_on_fit_task_begin(estimator=estimator, X=X, y=y)
        _running[estimator] = (context, X, y)
        try:
            result = fit_method(estimator, X, y, *args, **kwargs)
        finally:
            del _running[estimator]
        context.call_on_fit_task_end(
            estimator=estimator, X=X, y=y, reconstruction_attributes={}
        )
        return result

    @functools.wraps(fit_method)
    def wrapper(estimator, X, y=None, *args, **kwargs):
        if _takes_part(estimator) and estimator not in _running:
            return run_task(estimator, X, y, *args, **kwargs)
        return fit_method(estimator, X, y, *args, **kwargs)

    return wrapper


def epoch_tasks(estimator, trainer):
    """The reporter of the epochs of ``estimator``'s running fit task, or None."""
    if estimator not in _running:
        return None
    return EpochTasks(estimator, trainer, *_running[estimator])


class EpochTasks:
    """Reports each epoch of a fit as a subtask of its ``sklearn.callback`` task.

    Parameters
    ----------
    estimator : estimator instance
        The estimator being fitted.
    trainer : Trainer
        The fit's trainer; its ``fitted_copy`` is what a callback asking for
        ``fitted_estimator`` (``ScoringMonitor``) gets.
    context : sklearn.callback.CallbackContext
        The fit's task.
    X, y : array-like
        The data given to the fit, handed to the callbacks at every epoch.
    """

    def __init__(self, estimator, trainer, context, X, y):
        self.estimator, self.trainer = estimator, trainer
        self._context, self._data = context, {"X": X, "y": y}

    def epoch_end(self):
        """Report the epoch that just ended; True when a callback asks to stop."""
        epoch = self._context.subcontext(task_name="epoch")
        epoch.call_on_fit_task_begin(estimator=self.estimator, **self._data)
        return epoch.call_on_fit_task_end(
            estimator=self.estimator, **self._data,
            reconstruction_attributes=self._fitted_state,
        )

    def _fitted_state(self):
        """The attributes of a fitted copy, made without scikit-learn's callback state."""
        state = self.estimator.__dict__
        hidden = {name: state.pop(name) for name in _CALLBACK_STATE if name in state}
        try:
            return vars(self.trainer.fitted_copy())
        finally:
            state.update(hidden)

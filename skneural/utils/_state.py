"""Keeping an estimator usable when a fit fails half-way or is interrupted."""

import contextvars
import functools
import warnings
from contextlib import contextmanager

__all__ = [
    "TrainingDivergedError",
    "diverged_error",
    "recording_interruptions",
    "restore_on_failure",
    "warn_interrupted",
]

# The list that warn_interrupted appends to instead of warning, if any.
_INTERRUPTIONS = contextvars.ContextVar("skneural_interruptions", default=None)


class TrainingDivergedError(ValueError):
    """The training loss became NaN or infinite.

    Raised by ``fit`` and ``partial_fit`` of the stochastic solvers and of the
    Keras estimators, with a message naming the learning rate. The estimator is left as
    it was before the call. It is a ``ValueError``, so code that catches
    scikit-learn's errors catches it too.

    Examples
    --------
    >>> from sklearn.datasets import make_regression
    >>> from skneural import NumpyMLPRegressor
    >>> from skneural.neural_network import TrainingDivergedError
    >>> X, y = make_regression(n_samples=100, n_features=3, random_state=0)
    >>> reg = NumpyMLPRegressor(solver="sgd", learning_rate_init=10.0, random_state=0)
    >>> try:
    ...     reg.fit(X, y)
    ... except TrainingDivergedError as error:
    ...     print(str(error).split(":")[0])
    The training loss became inf at epoch 5
    """


def diverged_error(loss, epoch, rate_parameter, rate):
    """The :class:`TrainingDivergedError` for a non-finite training loss.

    Parameters
    ----------
    loss : float
        The non-finite training loss.

    epoch : int
        The (1-based) epoch in which the loss became ``loss``.

    rate_parameter : str
        The name of the estimator's learning-rate parameter.

    rate : float
        Its value, which the message suggests lowering.

    Returns
    -------
    error : TrainingDivergedError
        The exception to raise, with a message naming the learning rate.
    """
    return TrainingDivergedError(
        f"The training loss became {loss} at epoch {epoch}: training diverged. "
        f"The learning rate is likely too large ({rate_parameter}={rate}); lower it, "
        "or scale the inputs (e.g. with StandardScaler). The estimator was left as "
        "it was before this call."
    )


def warn_interrupted(n_iter):
    """Tell the user that Ctrl-C ended training after ``n_iter`` whole epochs.

    Inside :func:`recording_interruptions` the fit is recorded instead, for
    the caller (an ensemble) to stop and say so itself.
    """
    interruptions = _INTERRUPTIONS.get()
    if interruptions is not None:
        interruptions.append(n_iter)
        return
    warnings.warn(
        "Training interrupted by user; the weights are those of the last "
        f"finished epoch ({n_iter}).",
        UserWarning,
        stacklevel=3,
    )


@contextmanager
def recording_interruptions():
    """Record, rather than announce, the fits that Ctrl-C ends inside the block.

    A skneural fit catches ``KeyboardInterrupt``, keeps its last finished
    epoch and calls :func:`warn_interrupted`; inside this block that call
    appends the number of finished epochs to the yielded list. The record is
    per thread (a :mod:`contextvars` variable), so it also works inside
    joblib workers.

    Yields
    ------
    interruptions : list of int
        Empty unless a fit inside the block was interrupted.
    """
    interruptions = []
    token = _INTERRUPTIONS.set(interruptions)
    try:
        yield interruptions
    finally:
        _INTERRUPTIONS.reset(token)


def restore_on_failure(fit_method):
    """Decorate a fit method so that an exception leaves ``self`` as it was.

    The fit method must rebind, never mutate, the attributes that existed
    before it was called (new lists and arrays instead of in-place updates);
    then restoring a shallow copy of ``__dict__`` is enough to undo it.
    """

    @functools.wraps(fit_method)
    def wrapper(self, *args, **kwargs):
        before = self.__dict__.copy()
        try:
            return fit_method(self, *args, **kwargs)
        except BaseException:
            self.__dict__.clear()
            self.__dict__.update(before)
            raise

    return wrapper

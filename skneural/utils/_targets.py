"""The range of the training targets, and predictions clipped to it.

Shared by the NumPy and the Keras MLP regressors (``clip_predictions``): a
ReLU network extrapolates linearly, so a sample far outside the training
inputs can get a prediction far outside any target seen.
"""

import numpy as np

__all__ = ["clip_to_range", "target_range"]


def target_range(Y, sample_weight=None, previous=None):
    """The lowest and highest target of each output, shape (2, n_outputs).

    Samples of zero weight are left out (unless all are zero); ``previous``,
    the range of earlier passes (``partial_fit``, ``warm_start``), is widened.
    """
    Y = np.asarray(Y)
    Y = Y.reshape(-1, 1) if Y.ndim == 1 else Y
    seen = Y if sample_weight is None else Y[np.asarray(sample_weight) > 0]
    if seen.shape[0] == 0:
        seen = Y
    lowest, highest = seen.min(axis=0), seen.max(axis=0)
    if previous is not None:
        lowest, highest = np.minimum(previous[0], lowest), np.maximum(previous[1], highest)
    return np.stack([lowest, highest])


def clip_to_range(y_pred, target_range):
    """``y_pred`` (n_samples, n_outputs) or (n_samples,) clipped in place to
    ``target_range`` (from :func:`target_range`); returns it."""
    lowest, highest = (bound.reshape(y_pred.shape[1:]) for bound in target_range)
    return np.clip(y_pred, lowest, highest, out=y_pred)

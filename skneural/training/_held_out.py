"""The validation data held out of a fit: split once, for every family."""

from typing import NamedTuple

import numpy as np
import scipy.sparse as sp
from sklearn.model_selection import train_test_split

__all__ = ["HeldOut", "hold_out", "take_rows"]


class HeldOut(NamedTuple):
    """The held-out validation set.

    Attributes
    ----------
    X : {ndarray, sparse matrix} of shape (n_samples, n_features)
        The held-out inputs.
    Y : ndarray
        Their targets, in the form the estimator trains on.
    sample_weight : ndarray of shape (n_samples,) or None
        Their weights, or None when all are 1.
    """

    X: np.ndarray | sp.spmatrix
    Y: np.ndarray
    sample_weight: np.ndarray | None


def hold_out(X, Y, sample_weight, *, fraction, rng, stratify=None):
    """Split ``fraction`` of the rows off as validation data.

    The split is scikit-learn's ``train_test_split`` (stratified when
    ``stratify`` is given), so it draws from ``rng`` exactly as scikit-learn's
    own estimators do.

    Parameters
    ----------
    X : {ndarray, sparse matrix} of shape (n_samples, n_features)
        The training inputs.
    Y : ndarray of shape (n_samples, ...)
        Their targets, in any form.
    sample_weight : ndarray of shape (n_samples,) or None
        The weights the held-out data are scored with.
    fraction : float
        The share of the rows held out, in (0, 1).
    rng : RandomState instance or int
        The fit's random state (or a seed drawn from it).
    stratify : array-like of shape (n_samples,) or None
        Class labels to keep the class proportions by, or None.

    Returns
    -------
    rows : ndarray of int
        The rows left for training; index ``X``, ``Y`` and any per-row
        weights with them.
    held_out : HeldOut
        The validation set.

    Raises
    ------
    ValueError
        When fewer than two rows would be held out.
    """
    rows, val = train_test_split(
        np.arange(X.shape[0]), test_size=fraction, random_state=rng, stratify=stratify
    )
    if val.shape[0] < 2:
        raise ValueError(
            "The validation set is too small. Increase 'validation_fraction' "
            "or the size of your dataset."
        )
    weight = None if sample_weight is None else sample_weight[val]
    return rows, HeldOut(X[val], Y[val], weight)


def take_rows(rows, *arrays):
    """Each of ``arrays`` (per-sample arrays or None) restricted to ``rows``.

    Parameters
    ----------
    rows : ndarray of int
        The rows to keep, such as the training rows of :func:`hold_out`.
    *arrays : {ndarray, sparse matrix} or None
        Arrays indexed by sample first; None stays None.

    Returns
    -------
    taken : tuple
        One entry per array.
    """
    return tuple(None if array is None else array[rows] for array in arrays)

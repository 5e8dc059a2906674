"""The validation set that early stopping holds out of the training data."""

from typing import NamedTuple

import numpy as np
import scipy.sparse as sp

__all__ = ["HeldOut"]


class HeldOut(NamedTuple):
    """The early-stopping validation set.

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

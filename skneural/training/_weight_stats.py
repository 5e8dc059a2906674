"""Percentiles of every layer's weights and biases, recorded while training."""

import numpy as np

from ._run import Hook

__all__ = ["WeightStatsRecorder"]

_KINDS = ("coefs", "intercepts")


class WeightStatsRecorder(Hook):
    """Collects per-epoch percentiles of the weights and biases of each layer.

    As a hook of a training run it records the estimator's ``coefs_`` and
    ``intercepts_`` after every epoch.

    Parameters
    ----------
    percentiles : ndarray of shape (n_percentiles,)
        Percentiles to record, in [0, 100].
    n_layers : int
        Number of weight matrices (layers after the input).
    previous : dict or None, default=None
        A former ``weight_stats_`` to continue (warm start, partial fit);
        ignored when it holds other percentiles.
    """

    def __init__(self, percentiles, n_layers, previous=None):
        self.percentiles = percentiles
        self._rows = {kind: [[] for _ in range(n_layers)] for kind in _KINDS}
        if previous is not None and np.array_equal(previous["percentiles"], percentiles):
            for kind in _KINDS:
                for rows, recorded in zip(self._rows[kind], previous[kind]):
                    rows.extend(recorded)

    def record(self, coefs, intercepts):
        """Append the percentiles of the current ``coefs`` and ``intercepts``."""
        for kind, arrays in zip(_KINDS, (coefs, intercepts)):
            for rows, array in zip(self._rows[kind], arrays):
                rows.append(np.percentile(array, self.percentiles))

    def on_epoch_end(self, run):
        self.record(run.estimator.coefs_, run.estimator.intercepts_)

    def snapshot(self):
        """How many rows each layer has, for :meth:`restore` (rows only get appended)."""
        return {kind: [len(rows) for rows in self._rows[kind]] for kind in _KINDS}

    def restore(self, snapshot):
        """Drop the rows recorded since :meth:`snapshot`."""
        for kind in _KINDS:
            for rows, length in zip(self._rows[kind], snapshot[kind]):
                del rows[length:]

    def result(self):
        """The record as the ``weight_stats_`` dict of the estimators."""
        shape = (-1, len(self.percentiles))
        stats = {"percentiles": self.percentiles.copy()}
        for kind in _KINDS:
            stats[kind] = [np.asarray(rows, dtype=float).reshape(shape) for rows in self._rows[kind]]
        return stats

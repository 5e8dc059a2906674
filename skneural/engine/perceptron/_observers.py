"""Observers of the weight changes, behind the averaged and voted perceptrons.

An observer is told before weights change: one sample's update with
``record`` (the regularised, sample-by-sample epochs) or a whole block's
with ``record_block``.
"""

import numpy as np

__all__ = ["SurvivalAverage", "SurvivalVotes"]


class SurvivalAverage:
    """Running sum of each unit's weights weighted by how long they survived.

    The averaged perceptron predicts with ``total / steps``: every weight
    vector counts once for each sample it scored (the one it erred on
    included).

    Parameters
    ----------
    n_units, n_features : int
        Shape of the weights.
    dtype : dtype
        Floating type of the sums.

    Examples
    --------
    >>> import numpy as np
    >>> from skneural.engine.perceptron import LinearUnits, SurvivalAverage
    >>> layer = LinearUnits(np.array([[1.0, 2.0]]), np.zeros((1, 2)), np.zeros(1),
    ...                     fit_intercept=False)
    >>> layer.start_epoch(np.arange(1))
    >>> average = SurvivalAverage(1, 2, np.float64)
    >>> average.record(1, np.array([True]), layer)  # zero weights survived 1 step
    >>> layer.update(0, np.array([True]), np.array([1.0]))
    >>> average.averages(4, layer)  # then [1, 2] survived 3 steps
    (array([[0.75, 1.5 ]]), array([0.]))
    """

    def __init__(self, n_units, n_features, dtype):
        self.coef_sum = np.zeros((n_units, n_features), dtype=np.float64)
        self.intercept_sum = np.zeros(n_units, dtype=np.float64)
        self.since = np.zeros(n_units, dtype=np.int64)
        self.dtype = np.dtype(dtype).name  # a name pickles as plain data

    def record(self, step, units, layer):
        """Weights of ``units`` are about to change after ``step`` samples."""
        self.coef_sum[units], self.intercept_sum[units] = self._sums(step, units, layer)
        self.since[units] = step

    def record_block(self, start, mistakes, deltas, layer):
        """The block of samples after the first ``start`` is about to add
        ``deltas[j, i] * x_i`` to the weights of unit ``j`` wherever
        ``mistakes[j, i]`` (``deltas`` is zero elsewhere)."""
        units, last = _last_updates(mistakes)
        if not units.any():
            return
        steps = start + last[units] + 1
        coef_sum, intercept_sum = self._sums(steps, units, layer)
        # an update counts once for each sample until the unit's last update
        later = (last[:, None] - np.arange(mistakes.shape[1])) * deltas
        coef_change, intercept_change = layer.changes(later[units])
        self.coef_sum[units] = coef_sum + coef_change
        self.intercept_sum[units] = intercept_sum + intercept_change
        self.since[units] = steps

    def averages(self, step, layer):
        """The averaged weights and biases after ``step`` samples.

        The current weights are counted without being recorded, so that
        asking does not change what is averaged later.
        """
        coef_sum, intercept_sum = self._sums(step, slice(None), layer)
        steps = max(step, 1)
        return (coef_sum / steps).astype(self.dtype), (intercept_sum / steps).astype(self.dtype)

    def _sums(self, step, units, layer):
        """The sums of ``units`` with their current weights counted until ``step``."""
        survived = (step - self.since[units]).astype(np.float64)
        return (
            self.coef_sum[units] + survived[:, None] * layer.coef_of(units),
            self.intercept_sum[units] + survived * layer.intercept[units],
        )

    def snapshot(self):
        """A copy of the running sums, for :meth:`restore`."""
        return self.coef_sum.copy(), self.intercept_sum.copy(), self.since.copy()

    def restore(self, snapshot):
        """Put back the running sums of a :meth:`snapshot`."""
        self.coef_sum[...], self.intercept_sum[...], self.since[...] = snapshot


class SurvivalVotes:
    """Every weight vector a unit held, with its survival count (its vote).

    Freund and Schapire's voted perceptron predicts with
    ``sum_k count_k * step(w_k . x + b_k)`` over these vectors.

    Parameters
    ----------
    n_units : int
        Number of units.

    Examples
    --------
    >>> import numpy as np
    >>> from skneural.engine.perceptron import LinearUnits, SurvivalVotes
    >>> layer = LinearUnits(np.array([[1.0, 2.0]]), np.zeros((1, 2)), np.zeros(1),
    ...                     fit_intercept=False)
    >>> layer.start_epoch(np.arange(1))
    >>> votes = SurvivalVotes(1)
    >>> votes.record(1, np.array([True]), layer)
    >>> layer.update(0, np.array([True]), np.array([1.0]))
    >>> coefs, intercepts, units, counts = votes.vectors(4, layer)
    >>> coefs, counts
    (array([[0., 0.],
           [1., 2.]]), array([1, 3]))
    """

    def __init__(self, n_units):
        self.since = np.zeros(n_units, dtype=np.int64)
        self.coefs, self.intercepts, self.units, self.counts = [], [], [], []

    def record(self, step, units, layer):
        """Weights of ``units`` are about to change after ``step`` samples."""
        index = np.flatnonzero(units)
        for record, new in zip(self._records(), self._survivors(step, index, layer)):
            record.append(new)
        self.since[index] = step

    def record_block(self, start, mistakes, deltas, layer):
        """The block of samples after the first ``start`` is about to add
        ``deltas[j, i] * x_i`` to the weights of unit ``j`` wherever
        ``mistakes[j, i]`` (``deltas`` is zero elsewhere)."""
        positions, index = np.nonzero(mistakes.T)  # the updates, in the order made
        steps = start + positions + 1
        coefs = np.empty((len(index), layer.raw.shape[1]), dtype=layer.raw.dtype)
        intercepts = np.empty(len(index), dtype=layer.intercept.dtype)
        counts = np.empty_like(steps)
        for unit in np.unique(index):
            mine = np.flatnonzero(index == unit)
            earlier = positions[mine[:-1]]
            coefs[mine] = np.cumsum(np.vstack(
                [layer.coef_of([unit]), layer.updates(deltas[unit, earlier], earlier)]
            ), axis=0)
            intercepts[mine] = np.cumsum(
                np.r_[layer.intercept[unit], deltas[unit, earlier] * layer.fit_intercept]
            )
            counts[mine] = steps[mine] - np.r_[self.since[unit], steps[mine[:-1]]]
            self.since[unit] = steps[mine[-1]]
        for record, new in zip(self._records(), (coefs, intercepts, index, counts)):
            record.append(new)

    def vectors(self, step, layer):
        """``(coefs, intercepts, units, counts)`` of all vectors so far.

        The current weights are included without being recorded, so that
        asking does not split their vote later.
        """
        current = self._survivors(step, np.arange(len(self.since)), layer)
        return tuple(
            np.concatenate([*record, new]) for record, new in zip(self._records(), current)
        )

    def _survivors(self, step, index, layer):
        """The current weights of the units ``index`` that scored a sample
        since they last changed, as ``(coefs, intercepts, units, counts)``."""
        survived = step - self.since[index]
        kept = survived > 0
        index = index[kept]
        return layer.coef_of(index), layer.intercept[index], index, survived[kept]

    def _records(self):
        return self.coefs, self.intercepts, self.units, self.counts

    def snapshot(self):
        """How far the record went, for :meth:`restore` (the lists only grow)."""
        return self.since.copy(), len(self.coefs)

    def restore(self, snapshot):
        """Forget what was recorded after the :meth:`snapshot`."""
        since, length = snapshot
        self.since[...] = since
        for record in self._records():
            del record[length:]


def _last_updates(mistakes):
    """Which units err in the block, and the position of each unit's last
    mistake in it."""
    return mistakes.any(axis=1), mistakes.shape[1] - 1 - mistakes[:, ::-1].argmax(axis=1)

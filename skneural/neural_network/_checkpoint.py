"""Rolling training back to the end of the last finished epoch (Ctrl-C)."""

import copy
from typing import NamedTuple

import numpy as np

__all__ = ["EpochCheckpoint"]


class EpochCheckpoint:
    """The weights, optimiser state and book-keeping after the last whole epoch.

    A ``KeyboardInterrupt`` can land anywhere in an epoch: inside a batch, in
    the revival of dead units or half-way through the book-keeping.  Restoring
    all three together leaves the estimator as it was after the last epoch
    that finished, with consistent curves and counters.

    Parameters
    ----------
    estimator : object
        The estimator being trained.
    params : ndarray
        Its flat parameter vector, updated in place by training.
    optimizer : object
        Its optimiser; ``optimizer.state`` lists the arrays it updates in place.
    attributes : tuple of str
        The estimator's book-keeping attributes to save (deep-copied).
    """

    def __init__(self, estimator, params, optimizer, attributes):
        self._estimator, self._params, self._optimizer = estimator, params, optimizer
        self._attributes = attributes
        self._snapshot = None
        self.save()

    def save(self):
        """Remember the current state (the previous one stays until the end)."""
        estimator = self._estimator
        snapshot = (
            self._params.copy(),
            [array.copy() for array in self._optimizer.state],
            {
                name: value
                for name, value in vars(self._optimizer).items()
                if not isinstance(value, np.ndarray)
            },
            {
                name: _saved(getattr(estimator, name))
                for name in self._attributes
                if hasattr(estimator, name)
            },
        )
        # One assignment: an interrupt while building keeps the old snapshot.
        self._snapshot = snapshot

    def restore(self):
        """Put the remembered state back."""
        params, state, scalars, attributes = self._snapshot
        self._params[:] = params
        for current, saved in zip(self._optimizer.state, state):
            current[:] = saved
        vars(self._optimizer).update(scalars)
        for name, saved in attributes.items():
            setattr(self._estimator, name, _restored(saved))


class _Snapshot(NamedTuple):
    owner: object
    state: object


def _saved(value):
    """What restores ``value`` later, in time independent of the epoch count.

    Objects with ``snapshot()``/``restore()`` (the weight-stats recorder) save
    only how far they got; lists (the curves) get a shallow copy, since
    training only appends numbers to them; anything else a deep copy.
    """
    if hasattr(value, "snapshot"):
        return _Snapshot(value, value.snapshot())
    if isinstance(value, list):
        return list(value)
    return copy.deepcopy(value)


def _restored(saved):
    if isinstance(saved, _Snapshot):
        saved.owner.restore(saved.state)
        return saved.owner
    if isinstance(saved, list):
        return list(saved)
    return copy.deepcopy(saved)

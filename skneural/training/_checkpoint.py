"""Rolling training back to the end of the last finished epoch (Ctrl-C)."""

import copy
from typing import NamedTuple

import numpy as np

__all__ = ["EpochCheckpoint", "TrainedArrays"]


class EpochCheckpoint:
    """Everything an epoch changes, as it was after the last whole epoch.

    A ``KeyboardInterrupt`` can land anywhere in an epoch: inside a batch, in
    the revival of dead units or half-way through the book-keeping.  Restoring
    everything together leaves the estimator as it was after the last epoch
    that finished, with consistent curves and counters.

    Parameters
    ----------
    estimator : object
        The estimator being trained.
    attributes : tuple of str
        The estimator's book-keeping attributes to save.
    *owners : object or None
        Training state that saves itself: objects with ``snapshot()`` and
        ``restore(snapshot)`` (weights, optimiser, recorders); None is skipped.
    """

    def __init__(self, estimator, attributes, *owners):
        self._estimator, self._attributes = estimator, attributes
        self._owners = [owner for owner in owners if owner is not None]
        self._snapshot = None
        self.save()

    def save(self):
        """Remember the current state (the previous one stays until the end)."""
        estimator = self._estimator
        snapshot = (
            [owner.snapshot() for owner in self._owners],
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
        states, attributes = self._snapshot
        for owner, state in zip(self._owners, states):
            owner.restore(state)
        for name, saved in attributes.items():
            setattr(self._estimator, name, _restored(saved))


class TrainedArrays:
    """A flat parameter vector and its optimiser, saved and restored together.

    Parameters
    ----------
    params : ndarray
        The flat parameter vector, updated in place by training.
    optimizer : object
        Its optimiser; ``optimizer.state`` lists the arrays it updates in
        place, its other attributes are scalars.
    """

    def __init__(self, params, optimizer):
        self._params, self._optimizer = params, optimizer

    def snapshot(self):
        """Copies of the parameters and of the optimiser's state."""
        return (
            self._params.copy(),
            [array.copy() for array in self._optimizer.state],
            {
                name: value
                for name, value in vars(self._optimizer).items()
                if not isinstance(value, np.ndarray)
            },
        )

    def restore(self, snapshot):
        """Copy a :meth:`snapshot` back in place."""
        params, state, scalars = snapshot
        self._params[:] = params
        for current, saved in zip(self._optimizer.state, state):
            current[:] = saved
        vars(self._optimizer).update(scalars)


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

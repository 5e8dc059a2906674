"""Rolling training back to the end of the last finished epoch (Ctrl-C)."""

import numpy as np

from ..utils._state import warn_interrupted
from ._run import Hook

__all__ = ["Checkpoint", "TrainedArrays"]


class Checkpoint(Hook):
    """The Ctrl-C rollback: the run as it was after the last whole epoch.

    A ``KeyboardInterrupt`` can land anywhere in an epoch: inside a batch, in
    the revival of dead units or half-way through the hooks.  After every
    epoch this hook saves the run's :meth:`~TrainingRun.snapshot` (the
    trained arrays, the counters and the own state of every hook before it);
    on Ctrl-C it restores it, so the estimator is left as it was after the
    last epoch that finished, with consistent curves and counters, and a
    warning says so.

    The hooks placed after it (the user's callbacks) see an epoch that has
    already been saved, so they are not rolled back.
    """

    def __init__(self):
        self._saved = None

    def on_train_begin(self, run):
        self._saved = run.snapshot(until=self)

    def on_epoch_end(self, run):
        # One assignment: an interrupt while building keeps the old snapshot.
        self._saved = run.snapshot(until=self)

    def on_interrupt(self, run):
        run.restore(self._saved)
        warn_interrupted(run.n_epochs)
        return True


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

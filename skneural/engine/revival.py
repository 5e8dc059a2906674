"""Reviving dead ReLU units.

A ReLU unit whose input is negative for every training sample outputs zero
everywhere, so its gradient is zero and no optimiser can bring it back: the
unit is dead for good.  When a whole layer dies the network predicts a
constant (a small net trained with a large learning rate and momentum does
this on some seeds).  Redrawing the incoming weights of the dead units from
the initialiser, and forgetting their optimiser state, gives them a fresh
start without disturbing the units that work.
"""

import numpy as np

from .initializers import initialize_layer

__all__ = ["ActivityTracker", "revive_dead_units"]


class ActivityTracker:
    """Records which hidden units were ever active during an epoch.

    Parameters
    ----------
    hidden_layer_sizes : sequence of int

    Examples
    --------
    >>> import numpy as np
    >>> from skneural.engine import ActivityTracker
    >>> tracker = ActivityTracker([3])
    >>> tracker.update([np.array([[0.0, 1.0, 0.0], [0.0, 0.0, 2.0]])])
    >>> tracker.alive[0].tolist()
    [False, True, True]
    """

    def __init__(self, hidden_layer_sizes):
        self.alive = [np.zeros(n, dtype=bool) for n in hidden_layer_sizes]

    def reset(self):
        """Forget what earlier epochs saw."""
        for alive in self.alive:
            alive[:] = False

    def update(self, hidden_activations, sample_weight=None):
        """Mark the units that are positive on at least one sample.

        Samples of zero weight do not count: the network is trained as if
        they were absent.
        """
        counted = None if sample_weight is None else sample_weight > 0
        for alive, A in zip(self.alive, hidden_activations):
            if alive.all():  # the usual case after the first batches: nothing to learn
                continue
            if counted is not None:
                A = A[counted]
            alive |= (A > 0).any(axis=0)


def revive_dead_units(params, layout, alive, method, activation, rng, states=()):
    """Redraw the incoming weights and bias of every dead hidden unit.

    Parameters
    ----------
    params : ndarray of shape (layout.size,)
        Flat parameter vector, updated in place.
    layout : Layout
    alive : list of ndarray of bool
        For each hidden layer, which units were active.
    method, activation : str
        Initialiser and hidden activation, as for the first draw.
    rng : numpy.random.RandomState
    states : sequence of ndarray of shape (layout.size,), default=()
        Optimiser state vectors (momentum, moment estimates) whose entries
        for the revived units are reset to zero.

    Returns
    -------
    n_revived : int
        Number of units redrawn.

    Examples
    --------
    >>> import numpy as np
    >>> from skneural.engine import Layout, revive_dead_units
    >>> layout = Layout([2, 3, 1])
    >>> params = np.zeros(layout.size)
    >>> alive = [np.array([True, False, True])]
    >>> revive_dead_units(params, layout, alive, "glorot_uniform", "relu",
    ...                   np.random.RandomState(0))
    1
    >>> coefs, _ = layout.unpack(params)
    >>> bool(coefs[0][:, 1].any()), bool(coefs[0][:, [0, 2]].any())
    (True, False)
    """
    coefs, intercepts = layout.unpack(params)
    state_views = [layout.unpack(state) for state in states]
    n_revived = 0
    for layer, layer_alive in enumerate(alive):
        dead = np.flatnonzero(~layer_alive)
        if dead.size == 0:
            continue
        fan_in, fan_out = layout.coef_shapes[layer]
        coef, intercept = initialize_layer(
            method, fan_in, fan_out, activation, rng, params.dtype
        )
        coefs[layer][:, dead] = coef[:, dead]
        intercepts[layer][dead] = intercept[dead]
        for state_coefs, state_intercepts in state_views:
            state_coefs[layer][:, dead] = 0
            state_intercepts[layer][dead] = 0
        n_revived += dead.size
    return n_revived

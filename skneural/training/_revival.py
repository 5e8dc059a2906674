"""Dead-unit revival as a hook of a network's training run."""

from ..engine import ActivityTracker, revive_dead_units
from ._run import Hook

__all__ = ["Revival"]


class Revival(Hook):
    """Redraws the ReLU units that were dead throughout the last epoch.

    Revived units start afresh, so the epochs without improvement that their
    death caused no longer count towards stopping.

    Parameters
    ----------
    estimator : estimator instance
        Gives ``weight_init`` and ``activation``; counts the revived units in
        ``n_units_revived_``.
    layout : Layout
    rng : numpy.random.RandomState
        Draws the new weights.
    stall : StallStopping
        Told to count again when units were revived.
    """

    def __init__(self, estimator, layout, rng, stall):
        self._estimator, self._layout, self._rng, self._stall = estimator, layout, rng, stall
        self._tracker = ActivityTracker(layout.layer_units[1:-1])

    def on_batch_end(self, run, n_samples, sample_weight):
        """Note which units the batch of ``n_samples`` rows activated."""
        self._tracker.update(run.step.hidden_activations(n_samples), sample_weight)

    def on_epoch_end(self, run):
        estimator = self._estimator
        revived = revive_dead_units(
            run.params, self._layout, self._tracker.alive, estimator.weight_init,
            estimator.activation, self._rng, run.optimizer.state,
        )
        if revived:
            estimator.n_units_revived_ += revived
            self._stall.reset()
        self._tracker.reset()

    def snapshot(self):
        return self._estimator.n_units_revived_

    def restore(self, state):
        self._estimator.n_units_revived_ = state
        self._tracker.reset()

"""The training run: epochs, hooks that stop it, and the Ctrl-C rollback."""

import numpy as np
import pytest

from skneural.training import Checkpoint, Hook, TrainingRun


class Weights:
    """Trained state that saves itself, as the engine's arrays do."""

    def __init__(self):
        self.values = np.zeros(3)

    def snapshot(self):
        return self.values.copy()

    def restore(self, state):
        self.values[:] = state


class CountingRun(TrainingRun):
    """Each epoch adds 1 to the weights over 10 samples; ``interrupt_in`` raises
    Ctrl-C half-way through that epoch."""

    def __init__(self, hooks, interrupt_in=None):
        self.weights, self.interrupt_in = Weights(), interrupt_in
        super().__init__(None, [self.weights, None], hooks, t=5)

    def epoch(self):
        self.weights.values += 1
        if self.n_epochs + 1 == self.interrupt_in:
            raise KeyboardInterrupt
        self.t += 10
        self.logs["loss"] = 1.0 / (1 + self.n_epochs)


class Tally(Hook):
    """Owns a list of the epochs it saw; stops the run at ``stop_at``."""

    def __init__(self, stop_at=None, interrupt_at=None):
        self.seen, self.stop_at, self.interrupt_at = [], stop_at, interrupt_at

    def on_epoch_end(self, run):
        if run.n_epochs == self.interrupt_at:
            raise KeyboardInterrupt
        self.seen.append(run.n_epochs)
        return run.n_epochs == self.stop_at

    def snapshot(self):
        return len(self.seen)

    def restore(self, state):
        del self.seen[state:]


def test_epochs_run_until_max_epochs():
    tally = Tally()
    run = CountingRun([tally])
    assert run.train(4) is False
    assert run.n_epochs == 4 and run.t == 45 and tally.seen == [1, 2, 3, 4]
    np.testing.assert_array_equal(run.weights.values, 4.0)


def test_a_hook_stops_the_run_and_the_later_hooks_still_see_the_epoch():
    stopper, later = Tally(stop_at=2), Tally()
    run = CountingRun([stopper, later])
    assert run.train(10) is True
    assert run.n_epochs == 2 and later.seen == [1, 2]


def test_snapshot_and_restore_cover_the_arrays_the_counters_and_every_hook():
    tally = Tally()
    run = CountingRun([tally])
    run.train(2)
    saved = run.snapshot()
    run.train(3)
    run.restore(saved)
    assert (run.n_epochs, run.t, tally.seen) == (2, 25, [1, 2])
    np.testing.assert_array_equal(run.weights.values, 2.0)


@pytest.mark.parametrize("where", ["batch", "hook"])
def test_ctrl_c_rolls_everything_back_to_the_last_whole_epoch(where):
    before, after = Tally(interrupt_at=3 if where == "hook" else None), Tally()
    run = CountingRun([before, Checkpoint(), after],
                      interrupt_in=3 if where == "batch" else None)
    with pytest.warns(UserWarning, match="interrupted by user.*epoch \\(2\\)"):
        assert run.train(10) is True
    assert (run.n_epochs, run.t, before.seen, after.seen) == (2, 25, [1, 2], [1, 2])
    np.testing.assert_array_equal(run.weights.values, 2.0)


def test_ctrl_c_in_the_first_epoch_restores_the_start():
    tally = Tally()
    run = CountingRun([tally, Checkpoint()], interrupt_in=1)
    with pytest.warns(UserWarning, match="epoch \\(0\\)"):
        run.train(10)
    assert (run.n_epochs, run.t, tally.seen) == (0, 5, [])
    np.testing.assert_array_equal(run.weights.values, 0.0)


def test_ctrl_c_without_a_checkpoint_is_not_swallowed():
    run = CountingRun([Tally()], interrupt_in=2)
    with pytest.raises(KeyboardInterrupt):
        run.train(10)

"""Each hook of a training run: what it does after an epoch, and that it
snapshots and restores its own state."""

import numpy as np
import pytest

from skneural import NumpyMLPClassifier, NumpyMLPRegressor
from skneural.engine import Layout, make_network_optimizer
from skneural.engine.perceptron import EpochResult
from skneural.training import (
    Revival,
    StallStopping,
    TrainingRun,
    UnitStopping,
    WeightStatsRecorder,
)


class ScriptedRun(TrainingRun):
    """A run whose epochs report the given losses (and perceptron results)."""

    def __init__(self, hooks, losses, results=None):
        super().__init__(None, [], hooks)
        self._losses, self._results = losses, results

    def epoch(self):
        self.logs["loss"] = self._losses[self.n_epochs]
        if self._results is not None:
            self.result = self._results[self.n_epochs]


def _sgd(schedule):
    return make_network_optimizer("sgd", 4, np.float64, alpha=0.0, batch_size=10,
                                  learning_rate_init=0.1, lr_schedule=schedule)


def test_stall_stopping_counts_epochs_without_progress_and_stops():
    estimator = NumpyMLPRegressor(tol=0.1, n_iter_no_change=2)
    stall = StallStopping(estimator, _sgd("constant"), resume=False)
    run = ScriptedRun([stall], [1.0, 0.95, 0.94, 0.93, 0.0])
    assert run.train(5) is True
    assert run.n_epochs == 4
    assert estimator.best_loss_ == 0.93 and estimator._no_improvement_count == 3


def test_stall_stopping_lets_the_adaptive_rate_decay_instead():
    estimator = NumpyMLPRegressor(tol=0.1, n_iter_no_change=1)
    optimizer = _sgd("adaptive")
    run = ScriptedRun([StallStopping(estimator, optimizer, resume=False)], [1.0, 0.99, 0.98])
    assert run.train(3) is False
    assert optimizer.learning_rate == pytest.approx(0.02)
    assert estimator._no_improvement_count == 0


def test_stall_stopping_snapshots_its_state_and_resumes_it():
    estimator = NumpyMLPRegressor(tol=0.1, n_iter_no_change=5)
    stall = StallStopping(estimator, _sgd("constant"), resume=False)
    run = ScriptedRun([stall], [1.0, 0.95, 0.5, 0.45])
    run.train(2)
    saved = stall.snapshot()
    run.train(2)
    assert (estimator.best_loss_, estimator._no_improvement_count) == (0.45, 1)
    stall.restore(saved)
    assert (estimator.best_loss_, estimator._no_improvement_count) == (0.95, 1)
    resumed = StallStopping(estimator, _sgd("constant"), resume=True)
    assert (resumed.best_loss, resumed.count) == (0.95, 1)
    assert StallStopping(estimator, _sgd("constant"), resume=False).count == 0


def test_unit_stopping_stops_each_unit_and_then_the_run():
    results = [EpochResult(np.array([0, 3]), np.array([0.0, 5.0])),
               EpochResult(np.array([1, 2]), np.array([1.0, 5.0])),
               EpochResult(np.array([1, 2]), np.array([1.0, 5.0]))]
    stopping = UnitStopping(2, tol=1e-3, n_iter_no_change=2, n_samples=10)
    run = ScriptedRun([stopping], [0.0] * 3, results)
    run.train(1)
    np.testing.assert_array_equal(stopping.active, [False, True])
    saved = stopping.snapshot()
    assert run.train(2) is True
    assert not stopping.active.any()
    active = stopping.active
    stopping.restore(saved)
    assert stopping.active is active  # the run's mask, restored in place
    np.testing.assert_array_equal(stopping.active, [False, True])
    np.testing.assert_array_equal(stopping.waited, [0, 0])


def test_weight_stats_recorder_drops_what_it_recorded_since_its_snapshot():
    recorder = WeightStatsRecorder(np.array([0.0, 100.0]), n_layers=1)
    weights = [np.array([[1.0, 2.0]])], [np.array([3.0])]
    recorder.record(*weights)
    saved = recorder.snapshot()
    recorder.record(*weights)
    recorder.restore(saved)
    assert recorder.result()["coefs"][0].tolist() == [[1.0, 2.0]]


def test_revival_redraws_dead_units_and_restores_its_count():
    estimator = NumpyMLPClassifier(weight_init="he_uniform", activation="relu")
    estimator.n_units_revived_ = 0
    layout = Layout([2, 3, 1])
    stall = StallStopping(estimator, _sgd("constant"), resume=False)
    stall.count = 4
    revival = Revival(estimator, layout, np.random.RandomState(0), stall)
    saved = revival.snapshot()

    class DeadRun(ScriptedRun):
        params = np.zeros(layout.size)
        optimizer = make_network_optimizer("sgd", layout.size, np.float64, alpha=0.0,
                                           batch_size=10)

    revival.on_epoch_end(DeadRun([revival], [0.0]))  # no batch lit a unit up
    assert estimator.n_units_revived_ == 3 and stall.count == 0
    assert np.any(DeadRun.params[:2 * 3] != 0)
    revival.restore(saved)
    assert estimator.n_units_revived_ == 0

"""The perceptron engine: steps, block scoring, penalties, observers."""

import numpy as np
import pytest

from skneural.engine.perceptron import _epoch, _units
from skneural.engine.perceptron import (
    STEPS,
    DualUnits,
    LinearUnits,
    Penalty,
    SurvivalAverage,
    SurvivalVotes,
    run_epoch,
)


@pytest.fixture
def problem(rng):
    X = rng.normal(size=(200, 5))
    Y = np.where(X @ rng.normal(size=(5, 3)) + 0.3 * rng.normal(size=(200, 3)) > 0, 1.0, -1.0)
    return X, Y


def _train(X, Y, step, epochs=3, **kwargs):
    layer = LinearUnits(X, np.zeros((Y.shape[1], X.shape[1])), np.zeros(Y.shape[1]), True)
    curve = [
        run_epoch(layer, Y, None, STEPS[step], eta0=0.5, order=np.arange(len(X)),
                  active=np.ones(Y.shape[1], dtype=bool), start_step=epoch * len(X),
                  **kwargs).mistakes.sum()
        for epoch in range(epochs)
    ]
    return layer, curve


@pytest.mark.parametrize("gram_size", [0, 2**30], ids=["products", "table"])
@pytest.mark.parametrize("step", sorted(STEPS))
def test_block_scoring_equals_one_sample_at_a_time(problem, step, gram_size, monkeypatch):
    X, Y = problem
    monkeypatch.setattr(_units, "GRAM_SIZE", gram_size)
    blocked, blocked_curve = _train(X, Y, step)
    monkeypatch.setattr(_epoch, "MAX_BLOCK", 1)
    monkeypatch.setattr(_epoch, "MIN_BLOCK", 1)
    single, single_curve = _train(X, Y, step)
    np.testing.assert_allclose(blocked.coef, single.coef)
    assert blocked_curve == single_curve


def _linear_layer(X, n_units):
    return LinearUnits(X, np.zeros((n_units, X.shape[1])), np.zeros(n_units), True)


def _dual_layer(X, n_units):
    return DualUnits(lambda rows: X[rows] @ X.T, len(X), n_units, X.dtype, True)


@pytest.mark.parametrize("new_layer", [_linear_layer, _dual_layer], ids=["primal", "dual"])
def test_units_no_longer_active_are_left_out_of_the_epoch(problem, new_layer):
    X, Y = problem
    active = np.array([True, False, True])
    order = np.random.RandomState(1).permutation(len(X))
    layer, alone = new_layer(X, 3), new_layer(X, 2)
    before = layer.get_weights()
    for epoch in range(2):
        result = run_epoch(layer, Y, None, STEPS["sign"], eta0=1.0, order=order,
                           active=active)
        expected = run_epoch(alone, Y[:, active], None, STEPS["sign"], eta0=1.0, order=order,
                             active=np.ones(2, dtype=bool))
        np.testing.assert_array_equal(result.mistakes, [expected.mistakes[0], 0,
                                                        expected.mistakes[1]])
        np.testing.assert_allclose(result.loss[active], expected.loss)
    # the weights' unit axis: first for coef_, last for dual_coef_ (and intercepts)
    axes = [-1 if new_layer is _dual_layer else 0, 0]
    for weights, first, weights_alone, axis in zip(layer.get_weights(), before,
                                                   alone.get_weights(), axes):
        np.testing.assert_array_equal(np.compress(~active, weights, axis=axis),
                                      np.compress(~active, first, axis=axis))
        np.testing.assert_allclose(np.compress(active, weights, axis=axis), weights_alone)


def test_observers_see_every_unit_when_some_stopped(problem):
    X, Y = problem
    active = np.array([True, False, True])
    layer, average = _linear_layer(X, 3), SurvivalAverage(3, 5, np.float64)
    run_epoch(layer, Y, None, STEPS["sign"], eta0=1.0, order=np.arange(len(X)),
              active=np.ones(3, dtype=bool), observer=average)
    stopped_coef = layer.coef[1].copy()
    run_epoch(layer, Y, None, STEPS["sign"], eta0=1.0, order=np.arange(len(X)),
              active=active, start_step=len(X), observer=average)
    coef, _ = average.averages(2 * len(X), layer)
    np.testing.assert_allclose(layer.coef[1], stopped_coef)
    assert np.all(np.isfinite(coef)) and coef.shape == (3, 5)


def test_step_mistakes_differ_only_at_zero():
    z = np.array([-1.0, 0.0, 0.0, 1.0])
    Y = np.array([1.0, 1.0, -1.0, -1.0])
    np.testing.assert_array_equal(STEPS["sign"].mistakes(z, Y), [True, True, True, True])
    np.testing.assert_array_equal(STEPS["heaviside"].mistakes(z, Y), [True, False, True, True])


def test_l2_penalty_shrinks_in_constant_time():
    X = np.ones((1, 2))
    layer = LinearUnits(X, np.array([[2.0, 4.0]]), np.zeros(1), True)
    Penalty(eta0=1.0, alpha=0.25, l1_ratio=0.0, shape=(1, 2)).before_update(layer)
    np.testing.assert_allclose(layer.coef, [[1.5, 3.0]])
    np.testing.assert_array_equal(layer.raw, [[2.0, 4.0]])


def test_observers_weight_vectors_by_survival(problem):
    X, Y = problem
    average = SurvivalAverage(3, 5, np.float64)
    votes = SurvivalVotes(3)
    layer, _ = _train(X, Y, "sign", epochs=2, observer=average)
    _train(X, Y, "sign", epochs=2, observer=votes)
    coefs, intercepts, units, counts = votes.vectors(400, layer)
    assert np.bincount(units, weights=counts).tolist() == [400, 400, 400]
    voted_mean = np.array([
        np.average(coefs[units == j], axis=0, weights=counts[units == j]) for j in range(3)
    ])
    np.testing.assert_allclose(average.averages(400, layer)[0], voted_mean)


def test_asking_observers_records_nothing(problem):
    X, Y = problem
    average, votes = SurvivalAverage(3, 5, np.float64), SurvivalVotes(3)
    layer, _ = _train(X, Y, "sign", epochs=1, observer=average)
    _train(X, Y, "sign", epochs=1, observer=votes)
    recorded = average.snapshot(), votes.snapshot()
    first = average.averages(200, layer), votes.vectors(200, layer)
    second = average.averages(200, layer), votes.vectors(200, layer)
    for before, after in zip(recorded, (average.snapshot(), votes.snapshot())):
        for array_before, array_after in zip(before, after):
            np.testing.assert_array_equal(array_before, array_after)
    for arrays_first, arrays_second in zip(first, second):
        for array_first, array_second in zip(arrays_first, arrays_second):
            np.testing.assert_array_equal(array_first, array_second)


def test_coef_of_selects_the_weights_of_units():
    layer = LinearUnits(np.ones((1, 2)), np.array([[2.0, 4.0], [1.0, 3.0]]), np.zeros(2), True)
    layer.shrink(0.3)
    units = np.array([False, True])
    np.testing.assert_array_equal(layer.coef_of(units), layer.coef[units])

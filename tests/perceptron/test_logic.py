"""Threshold logic units and the logic networks built from them."""

import numpy as np
import pytest

from skneural import Perceptron, ThresholdLogicUnit, make_logic_network
from skneural.datasets import make_logic_gate

TRUTH_TABLES = {
    "identity": [0, 1],
    "not": [1, 0],
    "and": [0, 0, 0, 1],
    "or": [0, 1, 1, 1],
    "a_and_not_b": [0, 0, 1, 0],
    "xor": [0, 1, 1, 0],
}


@pytest.mark.parametrize("gate, expected", TRUTH_TABLES.items())
def test_networks_compute_their_truth_table(gate, expected):
    X, output = make_logic_network(gate).truth_table()
    np.testing.assert_array_equal(output, expected)
    assert X.shape == (len(expected), 1 if gate in ("identity", "not") else 2)


@pytest.mark.parametrize("gate", ["not", "and", "or", "a_and_not_b", "xor"])
def test_networks_agree_with_make_logic_gate(gate):
    X, y = make_logic_gate(gate)
    np.testing.assert_array_equal(make_logic_network(gate).predict(X), y)


def test_xor_needs_two_layers():
    network = make_logic_network("xor")
    assert [len(layer) for layer in network.layers] == [2, 1]
    X, _ = network.truth_table()
    hidden = np.column_stack([unit.predict(X) for unit in network.layers[0]])
    np.testing.assert_array_equal(hidden, [[0, 0], [0, 1], [1, 0], [0, 0]])


def test_mcculloch_pitts_counting_and_veto():
    X = np.array([[1, 1, 0, 0], [1, 1, 1, 0], [1, 1, 1, 1], [0, 1, 1, 0]])
    unit = ThresholdLogicUnit(threshold=3, inhibitory=[3]).fit(X)
    np.testing.assert_array_equal(unit.predict(X), [0, 1, 0, 0])
    np.testing.assert_array_equal(unit.decision_function(X)[:2], [-1, 0])
    assert unit.decision_function(X)[2] == -np.inf


def test_sign_step_and_weights():
    X = np.array([[0, 0], [1, 0], [0, 1]])
    unit = ThresholdLogicUnit([2, -1], threshold=1, step="sign").fit(X)
    np.testing.assert_array_equal(unit.predict(X), [-1, 1, -1])


def test_wrong_number_of_weights():
    with pytest.raises(ValueError, match="3 features, but the unit has 2 weights"):
        ThresholdLogicUnit([1, 1]).fit(np.zeros((2, 3)))
    with pytest.raises(ValueError, match="gate must be one of"):
        make_logic_network("implies")


def test_learnt_perceptron_matches_the_fixed_and_unit():
    X, y = make_logic_gate("and")
    learnt = Perceptron(step="heaviside", tol=None, shuffle=False).fit(X, y)
    fixed = make_logic_network("and")
    np.testing.assert_array_equal(learnt.predict(X), fixed.predict(X))

import numpy as np
import pytest
import scipy.sparse as sp
from sklearn.model_selection import train_test_split

from skneural.training import combined_sample_weight, hold_out


@pytest.mark.parametrize("sparse", [False, True])
def test_hold_out_matches_train_test_split(sparse):
    X = np.arange(40.0).reshape(20, 2)
    y = np.repeat([0, 1], 10)
    weight = np.linspace(1, 2, 20)
    Xs = sp.csr_matrix(X) if sparse else X
    rows, held = hold_out(Xs, y, weight, fraction=0.25, rng=0, stratify=y)
    X_train, X_val, _, y_val, _, w_val = train_test_split(
        X, y, weight, test_size=0.25, random_state=0, stratify=y
    )
    held_X = held.X.toarray() if sparse else held.X
    np.testing.assert_array_equal(X[rows], X_train)
    np.testing.assert_array_equal(held_X, X_val)
    np.testing.assert_array_equal(held.Y, y_val)
    np.testing.assert_array_equal(held.sample_weight, w_val)


def test_hold_out_refuses_a_tiny_validation_set():
    with pytest.raises(ValueError, match="validation set is too small"):
        hold_out(np.zeros((5, 1)), np.zeros(5), None, fraction=0.1, rng=0)


def test_combined_sample_weight():
    sample, per_class = np.array([1.0, 2.0]), np.array([3.0, 4.0])
    assert combined_sample_weight(None, None) is None
    assert combined_sample_weight(sample, None) is sample
    assert combined_sample_weight(None, per_class) is per_class
    np.testing.assert_array_equal(combined_sample_weight(sample, per_class), [3.0, 8.0])
    per_unit = np.ones((2, 3))
    np.testing.assert_array_equal(
        combined_sample_weight(sample, per_unit), [[1.0] * 3, [2.0] * 3]
    )

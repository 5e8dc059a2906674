"""make_spiral and make_logic_gate."""

import numpy as np
import pytest

from skneural.datasets import make_logic_gate, make_spiral


def test_spiral_follows_the_equation():
    X, y = make_spiral(n_samples=9, n_classes=3, shuffle=False)
    t = np.tile(np.linspace(0, 1, 3), 3)
    k = np.repeat([1, 2, 3], 3)
    angle = 2 * np.pi / 3 * (2 * t + k - 1)
    np.testing.assert_allclose(X, t[:, None] * np.column_stack([np.sin(angle), np.cos(angle)]))
    np.testing.assert_array_equal(y, k - 1)


def test_spiral_splits_samples_like_sklearn():
    _, y = make_spiral(n_samples=10, n_classes=3, random_state=0)
    np.testing.assert_array_equal(np.bincount(y), [4, 3, 3])


def test_spiral_noise_is_angular_and_seeded():
    clean, _ = make_spiral(n_samples=60, shuffle=False)
    noisy, _ = make_spiral(n_samples=60, noise=0.3, shuffle=False, random_state=1)
    again, _ = make_spiral(n_samples=60, noise=0.3, shuffle=False, random_state=1)
    np.testing.assert_array_equal(noisy, again)
    # angular noise keeps every point at its radius t
    np.testing.assert_allclose(np.linalg.norm(noisy, axis=1), np.linalg.norm(clean, axis=1))
    assert not np.allclose(noisy, clean)


@pytest.mark.parametrize("gate, expected", [
    ("and", [0, 0, 0, 1]), ("or", [0, 1, 1, 1]), ("nand", [1, 1, 1, 0]),
    ("nor", [1, 0, 0, 0]), ("xor", [0, 1, 1, 0]), ("xnor", [1, 0, 0, 1]),
    ("a_and_not_b", [0, 0, 1, 0]), ("not", [1, 0]),
])
def test_logic_gate_truth_tables(gate, expected):
    X, y = make_logic_gate(gate)
    np.testing.assert_array_equal(y, expected)
    assert X.shape == (len(expected), 1 if gate == "not" else 2)


def test_logic_gate_repeats_noise_and_shuffle():
    X, y = make_logic_gate("xor", n_repeats=5, noise=0.1, shuffle=True, random_state=0)
    assert X.shape == (20, 2) and np.bincount(y).tolist() == [10, 10]
    corners = np.rint(X).astype(int)
    np.testing.assert_array_equal(corners[:, 0] ^ corners[:, 1], y)
    assert not np.array_equal(X, np.rint(X))


def test_bad_arguments():
    with pytest.raises(ValueError, match="'gate' parameter"):
        make_logic_gate("implies")
    with pytest.raises(ValueError, match="'n_classes' parameter"):
        make_spiral(n_classes=0)

import numpy as np
import pytest
from scipy.special import expit

from skneural.engine import ACTIVATIONS, HIDDEN_ACTIVATIONS, get_activation

REFERENCE = {
    "identity": lambda z: z,
    "logistic": expit,
    "tanh": np.tanh,
    "relu": lambda z: np.maximum(z, 0),
    "leaky_relu": lambda z: np.where(z > 0, z, 0.01 * z),
    "softplus": lambda z: np.log1p(np.exp(z)),
    "elu": lambda z: np.where(z > 0, z, np.expm1(z)),
    "exp": np.exp,
}


@pytest.mark.parametrize("name", sorted(REFERENCE))
def test_forward_matches_reference(name):
    z = np.linspace(-4, 4, 41).reshape(-1, 1)
    np.testing.assert_allclose(get_activation(name).forward(z.copy()), REFERENCE[name](z))


@pytest.mark.parametrize("name", sorted(HIDDEN_ACTIVATIONS | {"exp"}))
def test_derivative_from_output_matches_finite_differences(name):
    # Avoid the kinks at 0 of relu, leaky_relu and elu.
    z = np.concatenate([np.linspace(-3, -0.05, 20), np.linspace(0.05, 3, 20)])[:, None]
    activation = get_activation(name)
    A = activation.forward(z.copy())
    delta = np.ones_like(z)
    activation.derivative(A, delta)
    eps = 1e-6
    numeric = (REFERENCE[name](z + eps) - REFERENCE[name](z - eps)) / (2 * eps)
    np.testing.assert_allclose(delta, numeric, rtol=1e-5, atol=1e-8)


def test_softmax_is_stable_for_extreme_logits():
    Z = np.array([[1000.0, 0.0, -1000.0], [-1e4, -1e4, -1e4]])
    P = get_activation("softmax").forward(Z)
    assert np.isfinite(P).all()
    np.testing.assert_allclose(P.sum(axis=1), 1.0)
    np.testing.assert_allclose(P[1], 1 / 3)


def test_softplus_does_not_overflow():
    with np.errstate(over="raise"):
        A = get_activation("softplus").forward(np.array([[1000.0, -1000.0]]))
    np.testing.assert_allclose(A, [[1000.0, 0.0]])


def test_output_only_activations_are_not_hidden():
    assert "softmax" not in HIDDEN_ACTIVATIONS and "exp" not in HIDDEN_ACTIVATIONS
    assert HIDDEN_ACTIVATIONS < set(ACTIVATIONS)


def test_unknown_activation():
    with pytest.raises(ValueError, match="Unknown activation 'swish'"):
        get_activation("swish")

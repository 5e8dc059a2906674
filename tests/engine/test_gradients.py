"""Analytic gradients of the whole network against central finite differences."""

import numpy as np
import pytest

from skneural.engine import (
    HIDDEN_ACTIVATIONS,
    Layout,
    NetworkSpec,
    Workspace,
    initialize_parameters,
    l2_coefficient,
    loss_and_gradient,
)
from skneural.engine.network import scaled_loss_and_gradient

# Every loss with its canonical output activation (the fused A - y path) and
# with non-canonical ones (the general chain-rule path).
LOSS_OUTPUTS = [
    ("squared_error", "identity"),
    ("squared_error", "logistic"),
    ("squared_error", "tanh"),
    ("squared_error", "relu"),
    ("huber", "identity"),
    ("huber", "softplus"),
    ("absolute_error", "identity"),
    ("absolute_error", "exp"),
    ("poisson", "exp"),
    ("poisson", "softplus"),
    ("log_loss", "softmax"),
    ("binary_log_loss", "logistic"),
]


def _targets(loss, n_samples, n_outputs, rng):
    if loss == "log_loss":
        return np.eye(n_outputs)[rng.randint(n_outputs, size=n_samples)]
    if loss == "binary_log_loss":
        return rng.randint(2, size=(n_samples, n_outputs)).astype(float)
    if loss == "poisson":
        return rng.poisson(2.0, size=(n_samples, n_outputs)).astype(float)
    return rng.normal(size=(n_samples, n_outputs))


def _numerical_gradient(f, params, eps=1e-6):
    grad = np.empty_like(params)
    for i in range(params.size):
        shifted = params.copy()
        shifted[i] += eps
        upper = f(shifted)
        shifted[i] -= 2 * eps
        grad[i] = (upper - f(shifted)) / (2 * eps)
    return grad


def _check_gradient(spec, n_outputs, *, sample_weight=True, dropout_seed=None, seed=0):
    rng = np.random.RandomState(seed)
    layout = Layout([4, 5, 3, n_outputs])
    X = rng.normal(size=(7, 4))
    y = _targets(spec.loss, 7, n_outputs, rng)
    weights = rng.uniform(0.5, 2.0, size=7) if sample_weight else None
    params = initialize_parameters(layout, "glorot_uniform", "tanh", rng, np.float64)
    workspace = Workspace(layout, 7, np.float64)

    def loss(flat):
        dropout_rng = None if dropout_seed is None else np.random.RandomState(dropout_seed)
        return loss_and_gradient(flat, layout, X, y, weights, spec, workspace, dropout_rng)

    loss(params)
    analytic = workspace.grad.copy()
    numeric = _numerical_gradient(loss, params)
    np.testing.assert_allclose(analytic, numeric, rtol=1e-4, atol=1e-7)


@pytest.mark.parametrize("activation", sorted(HIDDEN_ACTIVATIONS))
@pytest.mark.parametrize("loss, output", LOSS_OUTPUTS)
def test_gradient_matches_finite_differences(activation, loss, output):
    n_outputs = 1 if loss == "binary_log_loss" else 3
    spec = NetworkSpec(activation, output, loss, alpha=0.3, huber_delta=0.5)
    _check_gradient(spec, n_outputs)


@pytest.mark.parametrize("activation", ["relu", "tanh", "logistic"])
def test_gradient_with_dropout(activation):
    # With the dropout generator re-seeded at every evaluation the masks are
    # fixed, so the network is a deterministic function of its parameters.
    spec = NetworkSpec(activation, "softmax", "log_loss", alpha=0.1, dropout=0.4)
    _check_gradient(spec, 3, dropout_seed=3)


def test_gradient_without_sample_weight():
    spec = NetworkSpec("elu", "identity", "squared_error", alpha=0.0)
    _check_gradient(spec, 2, sample_weight=False)


def test_gradient_detects_a_wrong_derivative(monkeypatch):
    # The test above must be able to fail: break tanh's derivative.
    from skneural.engine import activations

    broken = activations.Activation(activations._tanh, lambda A, delta: None)
    monkeypatch.setitem(activations.ACTIVATIONS, "tanh", broken)
    spec = NetworkSpec("tanh", "identity", "squared_error")
    with pytest.raises(AssertionError):
        _check_gradient(spec, 2)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_float32_stays_float32(dtype):
    rng = np.random.RandomState(0)
    layout = Layout([3, 4, 2])
    params = initialize_parameters(layout, "he_uniform", "relu", rng, dtype)
    workspace = Workspace(layout, 5, dtype)
    X = rng.normal(size=(5, 3)).astype(dtype)
    y = np.eye(2, dtype=dtype)[[0, 1, 1, 0, 1]]
    spec = NetworkSpec("relu", "softmax", "log_loss", alpha=1e-3)
    loss = loss_and_gradient(params, layout, X, y, None, spec, workspace)
    assert np.isfinite(loss)
    assert params.dtype == dtype and workspace.grad.dtype == dtype
    assert all(A.dtype == dtype for A in workspace.activations)


def test_scaled_gradient_without_the_penalty():
    rng = np.random.RandomState(1)
    layout = Layout([4, 5, 3])
    X, y = rng.normal(size=(6, 4)), np.eye(3)[rng.randint(3, size=6)]
    spec = NetworkSpec("relu", "softmax", "log_loss", alpha=0.2)
    params = initialize_parameters(layout, "glorot_uniform", "relu", rng, np.float64)
    workspace = Workspace(layout, 6, np.float64)
    loss = loss_and_gradient(params, layout, X, y, None, spec, workspace)
    full = workspace.grad.copy()
    scale = l2_coefficient(spec.alpha, 6)
    partial = scaled_loss_and_gradient(params, layout, X, y, None, spec, workspace,
                                       scale=scale)
    rebuilt = workspace.grad * scale
    rebuilt[: layout.n_coef] += scale * params[: layout.n_coef]
    assert partial == loss
    np.testing.assert_allclose(rebuilt, full, rtol=1e-12)

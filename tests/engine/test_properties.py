"""Property-based tests of the engine (hypothesis): gradients and stability."""

import numpy as np
import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from skneural.engine import (  # noqa: E402
    HIDDEN_ACTIVATIONS,
    Layout,
    NetworkSpec,
    Workspace,
    get_activation,
    get_loss,
    initialize_parameters,
    loss_and_gradient,
)
from tests.engine.test_gradients import LOSS_OUTPUTS, _numerical_gradient, _targets  # noqa: E402

SETTINGS = settings(max_examples=40, deadline=None, derandomize=True)

networks = st.fixed_dictionaries({
    "hidden": st.lists(st.integers(1, 5), min_size=0, max_size=3),
    "activation": st.sampled_from(sorted(HIDDEN_ACTIVATIONS)),
    "loss_output": st.sampled_from(LOSS_OUTPUTS),
    "n_outputs": st.integers(1, 3),
    "n_samples": st.integers(1, 6),
    "alpha": st.sampled_from([0.0, 0.1]),
    "seed": st.integers(0, 2**16),
})


def _problem(net, dtype):
    """A network, its data and a function returning (loss, gradient)."""
    loss, output = net["loss_output"]
    n_outputs = 2 if loss == "log_loss" and net["n_outputs"] == 1 else net["n_outputs"]
    rng = np.random.RandomState(net["seed"])
    layout = Layout([3, *net["hidden"], n_outputs])
    X = rng.normal(size=(net["n_samples"], 3)).astype(dtype)
    y = _targets(loss, net["n_samples"], n_outputs, rng).astype(dtype)
    spec = NetworkSpec(net["activation"], output, loss, alpha=net["alpha"], huber_delta=0.7)
    params = initialize_parameters(layout, "glorot_uniform", "tanh", rng, dtype)
    workspace = Workspace(layout, net["n_samples"], dtype)

    def evaluate(flat):
        value = loss_and_gradient(flat, layout, X, y, None, spec, workspace)
        return value, workspace.grad.copy()

    return params, evaluate


@SETTINGS
@given(networks)
def test_analytic_gradient_matches_finite_differences(net):
    params, evaluate = _problem(net, np.float64)
    _, analytic = evaluate(params)
    numeric = _numerical_gradient(lambda flat: evaluate(flat)[0], params)
    np.testing.assert_allclose(analytic, numeric, rtol=1e-3, atol=1e-6)


@SETTINGS
@given(networks)
def test_float32_gradient_agrees_with_float64(net):
    params64, evaluate64 = _problem(net, np.float64)
    params32, evaluate32 = _problem(net, np.float32)
    loss32, grad32 = evaluate32(params32)
    loss64, grad64 = evaluate64(params64)
    assert grad32.dtype == np.float32
    np.testing.assert_allclose(loss32, loss64, rtol=1e-3, atol=1e-5)
    np.testing.assert_allclose(grad32, grad64, rtol=1e-2, atol=1e-4)


extreme_logits = st.lists(
    st.floats(-1e4, 1e4, allow_nan=False), min_size=2, max_size=6
).map(np.array)


@SETTINGS
@given(extreme_logits, st.sampled_from([np.float32, np.float64]))
def test_softmax_and_log_loss_stay_finite_for_extreme_logits(logits, dtype):
    Z = np.vstack([logits, logits * 10, -logits]).astype(dtype)
    probabilities = get_activation("softmax").forward(Z.copy())
    assert np.isfinite(probabilities).all()
    np.testing.assert_allclose(probabilities.sum(axis=1), 1, rtol=1e-5)
    y = np.eye(Z.shape[1], dtype=dtype)[np.argmin(Z, axis=1)]
    assert np.isfinite(get_loss("log_loss")(y, probabilities))


@SETTINGS
@given(st.floats(-1e4, 1e4, allow_nan=False), st.sampled_from([np.float32, np.float64]))
def test_logistic_and_binary_log_loss_stay_finite(logit, dtype):
    A = get_activation("logistic").forward(np.array([[logit]], dtype=dtype))
    for target in (0.0, 1.0):
        assert np.isfinite(get_loss("binary_log_loss")(np.array([[target]], dtype), A))

import numpy as np
import pytest

from skneural.engine import LOSSES, get_loss, output_delta


def test_log_losses_stay_finite_for_certain_wrong_predictions():
    y = np.array([[1.0, 0.0], [0.0, 1.0]])
    A = np.array([[0.0, 1.0], [1.0, 0.0]])
    assert np.isfinite(get_loss("log_loss")(y, A))
    assert np.isfinite(get_loss("binary_log_loss")(y[:, :1], A[:, :1]))


def test_huber_is_quadratic_then_linear():
    huber = get_loss("huber", delta=1.0)
    y = np.zeros((3, 1))
    A = np.array([[0.5], [1.0], [3.0]])
    np.testing.assert_allclose(huber.per_sample(y, A), [0.125, 0.5, 2.5])
    np.testing.assert_allclose(huber.gradient(y, A), [[0.5], [1.0], [1.0]])


def test_poisson_is_zero_at_a_perfect_prediction():
    y = np.array([[0.0], [1.0], [4.0]])
    assert get_loss("poisson")(y, np.where(y == 0, 1e-12, y)) == pytest.approx(0, abs=1e-9)


def test_sample_weights_give_a_weighted_mean():
    loss = get_loss("squared_error")
    y = np.zeros((2, 1))
    A = np.array([[1.0], [2.0]])
    assert loss(y, A, np.array([3.0, 1.0])) == pytest.approx((3 * 0.5 + 1 * 2.0) / 4)


def test_output_delta_is_normalised_by_the_total_weight():
    y = np.zeros((2, 1))
    A = np.array([[1.0], [2.0]])
    out = np.empty_like(A)
    output_delta(LOSSES["squared_error"], "identity", y, A, np.array([1.0, 3.0]), out)
    np.testing.assert_allclose(out, [[0.25], [1.5]])


def test_softmax_needs_its_canonical_loss():
    with pytest.raises(ValueError, match="canonical loss"):
        output_delta(LOSSES["squared_error"], "softmax", np.zeros((1, 2)),
                     np.full((1, 2), 0.5), None, np.empty((1, 2)))


def test_unknown_loss():
    with pytest.raises(ValueError, match="Unknown loss 'hinge'"):
        get_loss("hinge")

import numpy as np
import pytest
from sklearn.neural_network._stochastic_optimizers import AdamOptimizer, SGDOptimizer

from skneural.engine import SGD, Adam, L2Term, make_optimizer


def _gradients(n_steps, size, seed=0):
    return np.random.RandomState(seed).normal(size=(n_steps, size))


def test_adam_matches_the_textbook_update():
    grads = _gradients(20, 6)
    params = np.linspace(-1, 1, 6)
    adam = Adam(6, np.float64, learning_rate_init=0.01)
    expected = params.copy()
    m = np.zeros(6)
    v = np.zeros(6)
    for t, g in enumerate(grads, start=1):
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g**2
        m_hat, v_hat = m / (1 - 0.9**t), v / (1 - 0.999**t)
        expected -= 0.01 * m_hat / (np.sqrt(v_hat) + 1e-8)
        adam.update(params, g.copy())
    np.testing.assert_allclose(params, expected, rtol=1e-6)


@pytest.mark.parametrize("nesterov", [True, False])
@pytest.mark.parametrize("schedule", ["constant", "invscaling"])
def test_sgd_matches_scikit_learn(nesterov, schedule):
    grads = _gradients(15, 5)
    ours = np.linspace(-1, 1, 5)
    theirs = [ours.copy()]
    sgd = SGD(5, np.float64, 0.1, schedule, 0.9, nesterov, 0.5)
    reference = SGDOptimizer(theirs, 0.1, schedule, 0.9, nesterov, 0.5)
    for step, g in enumerate(grads):
        sgd.update(ours, g.copy())
        reference.update_params(theirs, [g])
        sgd.iteration_ends(step * 10)
        reference.iteration_ends(step * 10)
    np.testing.assert_allclose(ours, theirs[0])


def test_adam_matches_scikit_learn():
    grads = _gradients(15, 5, seed=1)
    ours = np.linspace(-1, 1, 5)
    theirs = [ours.copy()]
    adam = Adam(5, np.float64, 0.01)
    reference = AdamOptimizer(theirs, 0.01)
    for g in grads:
        adam.update(ours, g.copy())
        reference.update_params(theirs, [g])
    np.testing.assert_allclose(ours, theirs[0], rtol=1e-7)


def test_adaptive_schedule_divides_by_five_then_stops():
    sgd = SGD(1, np.float64, 1e-5, "adaptive")
    assert sgd.trigger_stopping("no improvement.", verbose=False) is False
    assert sgd.learning_rate == pytest.approx(2e-6)
    assert sgd.trigger_stopping("no improvement.", verbose=False) is False
    assert sgd.trigger_stopping("no improvement.", verbose=False) is True


def test_update_allocates_nothing_visible_and_keeps_dtype():
    params = np.ones(4, dtype=np.float32)
    adam = make_optimizer("adam", 4, np.float32, learning_rate_init=0.1, momentum=0.5)
    adam.update(params, np.full(4, 0.5, dtype=np.float32))
    assert params.dtype == np.float32
    assert adam.first_moment.dtype == np.float32
    assert isinstance(adam.learning_rate, float)


def test_optimizer_state_lists_the_per_parameter_vectors():
    assert len(SGD(3, np.float64).state) == 1
    assert len(Adam(3, np.float64).state) == 2


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_step_flushes_near_subnormal_values_every_interval(dtype):
    from skneural.engine.optimizers import FLUSH_INTERVAL

    tiny = np.finfo(dtype).tiny
    adam = Adam(3, dtype)
    params = np.array([1.0, tiny * 1e3, -tiny * 1e3], dtype=dtype)
    zero_grad = np.zeros(3, dtype=dtype)
    for _ in range(FLUSH_INTERVAL - 1):
        adam.step(params, zero_grad.copy())
    assert (params[1:] != 0).all()  # zero moments: the updates left them alone
    adam.step(params, zero_grad.copy())
    np.testing.assert_array_equal(params, [1.0, 0.0, 0.0])
    adam.first_moment[:] = [1.0, tiny * 1e5, 0.0]
    for _ in range(FLUSH_INTERVAL):
        adam.step(params, zero_grad.copy())
    assert adam.first_moment[0] > 0
    np.testing.assert_array_equal(adam.first_moment[1:], 0.0)


@pytest.mark.parametrize("solver", ["sgd", "adam"])
def test_scaled_gradients_take_the_same_steps(solver):
    grads = _gradients(10, 7, seed=2)
    plain, scaled = np.linspace(-1, 1, 7), np.linspace(-1, 1, 7)
    reference = make_optimizer(solver, 7, np.float64, learning_rate_init=0.01)
    optimizer = make_optimizer(solver, 7, np.float64, learning_rate_init=0.01,
                               gradient_scale=1e-6)
    for g in grads:
        reference.update(plain, g.copy())
        optimizer.update(scaled, g / 1e-6)
    np.testing.assert_allclose(scaled, plain, rtol=1e-12)


def test_chunks_cover_the_vector_without_straddling_the_boundary():
    from skneural.engine.optimizers import CHUNK_SIZE, _chunks

    boundary = CHUNK_SIZE + 5
    chunks = list(_chunks(2 * CHUNK_SIZE + 77, boundary))
    covered = np.concatenate([np.arange(c.start, c.stop) for c in chunks])
    np.testing.assert_array_equal(covered, np.arange(2 * CHUNK_SIZE + 77))
    assert all(c.stop <= boundary or c.start >= boundary for c in chunks)
    assert max(c.stop - c.start for c in chunks) <= CHUNK_SIZE


@pytest.mark.parametrize("coefficient", [1.0, 0.25])
@pytest.mark.parametrize("solver", ["sgd", "adam"])
def test_l2_term_adds_the_penalty_gradient_on_the_weights_only(solver, coefficient):
    from skneural.engine.optimizers import CHUNK_SIZE

    size, stop = 2 * CHUNK_SIZE + 77, CHUNK_SIZE + 5  # the weights end mid-chunk
    rng = np.random.RandomState(0)
    with_term, by_hand = rng.normal(size=size), None
    by_hand = with_term.copy()
    optimizer = make_optimizer(solver, size, np.float64, learning_rate_init=0.01)
    reference = make_optimizer(solver, size, np.float64, learning_rate_init=0.01)
    for _ in range(3):
        g = rng.normal(size=size)
        penalised = g.copy()
        penalised[:stop] += coefficient * by_hand[:stop]
        reference.update(by_hand, penalised)
        optimizer.update(with_term, g, L2Term(stop, coefficient))
    np.testing.assert_allclose(with_term, by_hand, rtol=1e-12)


def test_network_gradient_scale_is_the_penalty_unless_tiny():
    from skneural.engine.step import _gradient_scale

    assert _gradient_scale(1e-4, 200) == 1e-4 / 200
    assert _gradient_scale(1e-12, 200) == 1.0
    assert _gradient_scale(0.0, 200) == 1.0

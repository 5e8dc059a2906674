"""Stochastic optimisers updating a flat parameter vector in place.

They follow scikit-learn's SGD (momentum, Nesterov, and the constant,
invscaling and adaptive learning-rate schedules) and Adam, step for step, but
allocate nothing per batch: the gradient buffer doubles as scratch space, so
callers must treat ``grad`` as consumed by :meth:`~_Optimizer.update`.

A step walks the vectors in chunks of ``CHUNK_SIZE`` entries, doing every
operation of the step on one chunk before the next, so that the chunk of each
vector stays in the CPU cache between operations.  It can add the gradient of
an L2 penalty on the way (:class:`L2Term`), and it accepts gradients that the
caller scaled (``gradient_scale``): with the scale equal to the penalty's
coefficient, the penalty costs a single addition per weight.
:class:`~skneural.engine.TrainingStep` and :func:`make_network_optimizer`
choose the scale, so that no estimator sees it.  The moment
estimates of :class:`Adam` are stored scaled (see :meth:`Adam._update_chunk`).
"""

import math
from typing import NamedTuple

import numpy as np

__all__ = ["SGD", "Adam", "L2Term", "flush_denormals", "make_optimizer"]

# Steps between two flushes of near-denormal values (see _Optimizer.step).
FLUSH_INTERVAL = 64

# Entries per chunk of a step: 256 KiB of float32 per vector, so that the
# chunks of the four or five vectors a step touches fit the L2 cache together.
CHUNK_SIZE = 65536


class L2Term(NamedTuple):
    """The gradient of an L2 penalty, added by the optimiser during its step.

    ``coefficient * params[:stop]`` is added to ``grad[:stop]``, in the units
    of ``grad`` (that is, already divided by the optimiser's
    ``gradient_scale``).

    Attributes
    ----------
    stop : int
        The penalised parameters are ``params[:stop]`` (the weights).
    coefficient : float

    Examples
    --------
    >>> import numpy as np
    >>> from skneural.engine import SGD, L2Term
    >>> params = np.array([1.0, 1.0])
    >>> SGD(2, np.float64, learning_rate_init=0.1, momentum=0.0).update(
    ...     params, np.zeros(2), L2Term(stop=1, coefficient=2.0))
    >>> params.tolist()
    [0.8, 1.0]
    """

    stop: int
    coefficient: float


def _chunks(size, boundary):
    """Slices of at most CHUNK_SIZE covering range(size), none straddling ``boundary``."""
    for first, last in ((0, boundary), (boundary, size)):
        for start in range(first, last, CHUNK_SIZE):
            yield slice(start, min(start + CHUNK_SIZE, last))


def _add_l2(grad, params, coefficient):
    """``grad += coefficient * params`` in place, with no temporary array."""
    if not coefficient:
        return
    if coefficient != 1.0:  # the unit coefficient of scaled gradients takes one pass
        grad *= 1.0 / coefficient
    grad += params
    if coefficient != 1.0:
        grad *= coefficient


def flush_denormals(array):
    """Set the entries of ``array`` within 2**24 of the smallest normal number to 0.

    Arithmetic on subnormal floats takes a slow microcode path on x86 CPUs
    (tens of times slower per operation). Moment estimates that decay
    geometrically and the weights of inputs that are always zero (the border
    pixels of MNIST) drift into that range after a few epochs in float32.
    Values this small carry no information next to any gradient step, so
    flushing them is what frameworks do with the CPU's flush-to-zero mode.

    Parameters
    ----------
    array : ndarray of float
        Modified in place.

    Examples
    --------
    >>> import numpy as np
    >>> from skneural.engine import flush_denormals
    >>> a = np.array([1e-3, 1e-37, -1e-40, 0.5], dtype=np.float32)
    >>> flush_denormals(a)
    >>> a.tolist() == [np.float32(1e-3), 0.0, 0.0, 0.5]
    True
    """
    threshold = np.finfo(array.dtype).tiny * 2.0**24
    np.copyto(array, 0, where=np.abs(array) < threshold)


class _Optimizer:
    """The chunked step and shared learning-rate bookkeeping.

    Parameters
    ----------
    learning_rate_init : float
        The initial step size.
    gradient_scale : float
        The gradients given to :meth:`update` are the true gradients divided
        by this constant.
    """

    # Optimisers pickled before the attribute existed took true gradients.
    gradient_scale = 1.0

    def __init__(self, learning_rate_init, gradient_scale):
        self.learning_rate_init = float(learning_rate_init)
        self.learning_rate = float(learning_rate_init)
        self.gradient_scale = float(gradient_scale)
        self.n_steps = 0

    @property
    def nominal_learning_rate(self):
        """The rate a user sets and a schedule changes: here the step size."""
        return self.learning_rate

    def set_learning_rate(self, value):
        """Make the step size ``value``, now and relative to it in every later
        schedule step (from a step size of 0, the schedule restarts at
        ``value``)."""
        value = float(value)
        if self.learning_rate:
            self.learning_rate_init *= value / self.learning_rate
        else:
            self.learning_rate_init = value
        self.learning_rate = value

    def update(self, params, grad, l2=None):
        """Take one step: ``params`` is updated and ``grad`` overwritten.

        Parameters
        ----------
        params : ndarray of shape (n_params,)
        grad : ndarray of shape (n_params,)
            The gradient divided by ``gradient_scale``.
        l2 : L2Term, default=None
            A penalty whose gradient is added to ``grad`` first.
        """
        scalars = self._start_step()
        stop, coefficient = l2 if l2 is not None else (0, 0.0)
        for chunk in _chunks(params.size, stop):
            step_params, step_grad = params[chunk], grad[chunk]
            if chunk.stop <= stop:
                _add_l2(step_grad, step_params, coefficient)
            state = [array[chunk] for array in self.state]
            self._update_chunk(step_params, step_grad, state, *scalars)

    def _start_step(self):
        """Advance the step count; return the step's scalars for _update_chunk."""
        raise NotImplementedError

    def step(self, params, grad, l2=None):
        """:meth:`update`, and every ``FLUSH_INTERVAL`` steps a flush of the
        values near the subnormal range in ``params`` and the state.

        At the flush threshold a value decaying by 0.9 per step (momentum,
        first moment) needs about 150 steps to become subnormal, so flushing
        every 64 steps keeps every array out of the slow range.
        """
        self.update(params, grad, l2)
        self.n_steps += 1
        if self.n_steps % FLUSH_INTERVAL == 0:
            for array in (params, *self.state):
                flush_denormals(array)

    def iteration_ends(self, time_step):
        """Hook called after each epoch with the number of samples seen."""

    @property
    def state(self):
        """The per-parameter state vectors (momentum, moment estimates)."""
        return ()

    def trigger_stopping(self, msg, verbose):
        """Decide whether to stop when the loss stops improving.

        Returns
        -------
        stop : bool
        """
        if verbose:
            print(msg + " Stopping.")
        return True


class SGD(_Optimizer):
    """Stochastic gradient descent with momentum.

    Parameters
    ----------
    n_params : int
        Length of the flat parameter vector.
    dtype : numpy dtype
    learning_rate_init : float, default=0.1
    lr_schedule : {"constant", "invscaling", "adaptive"}, default="constant"
        ``invscaling`` divides the rate by ``(t + 1) ** power_t`` after each
        epoch (``t`` samples seen); ``adaptive`` divides it by 5 each time the
        loss stops improving, and stops once it falls below 1e-6.
    momentum : float, default=0.9
    nesterov : bool, default=True
    power_t : float, default=0.5
    gradient_scale : float, default=1.0
        The gradients given to :meth:`update` are the true gradients divided
        by this constant.

    Examples
    --------
    >>> import numpy as np
    >>> from skneural.engine import SGD
    >>> params = np.array([1.0, -1.0])
    >>> SGD(2, np.float64, learning_rate_init=0.1, momentum=0.0).update(params, params * 2)
    >>> params.tolist()
    [0.8, -0.8]
    """

    def __init__(
        self,
        n_params,
        dtype,
        learning_rate_init=0.1,
        lr_schedule="constant",
        momentum=0.9,
        nesterov=True,
        power_t=0.5,
        gradient_scale=1.0,
    ):
        super().__init__(learning_rate_init, gradient_scale)
        self.lr_schedule = lr_schedule
        self.momentum = momentum
        self.nesterov = nesterov
        self.power_t = power_t
        self.velocity = np.zeros(n_params, dtype=dtype)

    def _start_step(self):
        return (self.learning_rate * self.gradient_scale,)

    def _update_chunk(self, params, grad, state, step_size):
        (velocity,) = state
        step = grad
        step *= step_size
        velocity *= self.momentum
        velocity -= step
        if self.nesterov:
            params -= step
            np.multiply(velocity, self.momentum, out=step)
            params += step
        else:
            params += velocity

    @property
    def state(self):
        return (self.velocity,)

    def iteration_ends(self, time_step):
        if self.lr_schedule == "invscaling":
            self.learning_rate = self.learning_rate_init / (time_step + 1) ** self.power_t

    def trigger_stopping(self, msg, verbose):
        if self.lr_schedule != "adaptive":
            return super().trigger_stopping(msg, verbose)
        if self.learning_rate <= 1e-6:
            if verbose:
                print(msg + " Learning rate too small. Stopping.")
            return True
        self.learning_rate /= 5.0
        if verbose:
            print(msg + f" Setting learning rate to {self.learning_rate:f}")
        return False


class Adam(_Optimizer):
    """Adam (Kingma & Ba, 2014) with bias-corrected step size.

    Parameters
    ----------
    n_params : int
    dtype : numpy dtype
    learning_rate_init : float, default=0.001
    beta_1, beta_2 : float, default=0.9, 0.999
        Decay rates of the first and second moment estimates.
    epsilon : float, default=1e-8
    gradient_scale : float, default=1.0
        The gradients given to :meth:`update` are the true gradients divided
        by this constant.

    Examples
    --------
    Adam's first step moves every parameter by about the learning rate:

    >>> import numpy as np
    >>> from skneural.engine import Adam
    >>> params = np.array([1.0, -1.0])
    >>> Adam(2, np.float64, learning_rate_init=0.01).update(params, np.array([5.0, -0.1]))
    >>> np.round(params, 6).tolist()
    [0.99, -0.99]
    """

    def __init__(
        self,
        n_params,
        dtype,
        learning_rate_init=0.001,
        beta_1=0.9,
        beta_2=0.999,
        epsilon=1e-8,
        gradient_scale=1.0,
    ):
        super().__init__(learning_rate_init, gradient_scale)
        self.beta_1 = beta_1
        self.beta_2 = beta_2
        self.epsilon = epsilon
        self.t = 0
        # Stored scaled; see _update_chunk.
        self.first_moment = np.zeros(n_params, dtype=dtype)
        self.second_moment = np.zeros(n_params, dtype=dtype)

    @property
    def state(self):
        return (self.first_moment, self.second_moment)

    @property
    def nominal_learning_rate(self):
        """The rate a user sets and a schedule changes: ``learning_rate_init``,
        which every step multiplies by the bias correction (as in Keras)."""
        return self.learning_rate_init

    def set_learning_rate(self, value):
        """Make the nominal rate ``value`` from the next step on."""
        self.learning_rate_init = float(value)

    def _start_step(self):
        self.t += 1
        b1, b2 = self.beta_1, self.beta_2
        # Python floats (not NumPy scalars) keep float32 arithmetic float32.
        self.learning_rate = (
            self.learning_rate_init * math.sqrt(1 - b2**self.t) / (1 - b1**self.t)
        )
        root = math.sqrt(1 - b2)
        step_size = self.learning_rate * (1 - b1) / root
        return step_size, self.epsilon / (root * self.gradient_scale)

    def _update_chunk(self, params, grad, state, step_size, epsilon):
        # With g = s * grad the true gradient (s the gradient scale), the
        # moments are stored as M = m / ((1 - b1) s) and V = v / ((1 - b2) s^2),
        # which makes their updates two passes each (M = b1 M + grad and
        # V = b2 V + grad^2). The constant factors fold into the step size and
        # epsilon: lr_t * m / (sqrt(v) + eps) == c * M / (sqrt(V) + eps'), with
        # c = lr_t (1 - b1) / sqrt(1 - b2) (step_size) and eps' = eps / (s
        # sqrt(1 - b2)) (epsilon), both from _start_step.
        M, V = state
        M *= self.beta_1
        M += grad
        grad *= grad
        V *= self.beta_2
        V += grad
        denominator = np.sqrt(V, out=grad)
        denominator += epsilon
        step = np.divide(M, denominator, out=grad)
        step *= step_size
        params -= step


def make_optimizer(solver, n_params, dtype, **options):
    """Build the optimiser named by ``solver``.

    Parameters
    ----------
    solver : {"sgd", "adam"}
    n_params : int
    dtype : numpy dtype
    **options : dict
        Keyword arguments of :class:`SGD` or :class:`Adam`; those the chosen
        optimiser does not take are ignored.

    Returns
    -------
    optimizer : SGD or Adam

    Examples
    --------
    >>> import numpy as np
    >>> from skneural.engine import make_optimizer
    >>> optimizer = make_optimizer("sgd", 10, np.float32, learning_rate_init=0.05,
    ...                            beta_1=0.9)
    >>> type(optimizer).__name__, optimizer.learning_rate, optimizer.velocity.dtype
    ('SGD', 0.05, dtype('float32'))
    """
    cls = {"sgd": SGD, "adam": Adam}[solver]
    accepted = cls.__init__.__code__.co_varnames[3 : cls.__init__.__code__.co_argcount]
    return cls(n_params, dtype, **{key: options[key] for key in accepted if key in options})

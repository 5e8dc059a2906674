"""Stochastic optimisers updating a flat parameter vector in place.

They follow scikit-learn's SGD (momentum, Nesterov, and the constant,
invscaling and adaptive learning-rate schedules) and Adam, step for step, but
allocate nothing per batch: the gradient buffer doubles as scratch space, so
callers must treat ``grad`` as consumed by :meth:`update`.  The moment
estimates of :class:`Adam` are stored scaled (see :meth:`Adam.update`).
"""

import math

import numpy as np

__all__ = ["SGD", "Adam", "flush_denormals", "make_optimizer"]

# Steps between two flushes of near-denormal values (see _Optimizer.step).
FLUSH_INTERVAL = 64


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
    """Shared learning-rate bookkeeping.

    Parameters
    ----------
    learning_rate_init : float
        The initial step size.
    """

    def __init__(self, learning_rate_init):
        self.learning_rate_init = float(learning_rate_init)
        self.learning_rate = float(learning_rate_init)
        self.n_steps = 0

    def step(self, params, grad):
        """:meth:`update`, and every ``FLUSH_INTERVAL`` steps a flush of the
        values near the subnormal range in ``params`` and the state.

        At the flush threshold a value decaying by 0.9 per step (momentum,
        first moment) needs about 150 steps to become subnormal, so flushing
        every 64 steps keeps every array out of the slow range.
        """
        self.update(params, grad)
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
    ):
        super().__init__(learning_rate_init)
        self.lr_schedule = lr_schedule
        self.momentum = momentum
        self.nesterov = nesterov
        self.power_t = power_t
        self.velocity = np.zeros(n_params, dtype=dtype)

    def update(self, params, grad):
        """Take one step: ``params`` is updated and ``grad`` overwritten."""
        step = grad
        step *= self.learning_rate
        velocity = self.velocity
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
    ):
        super().__init__(learning_rate_init)
        self.beta_1 = beta_1
        self.beta_2 = beta_2
        self.epsilon = epsilon
        self.t = 0
        # Stored scaled by 1 / (1 - beta); see update.
        self.first_moment = np.zeros(n_params, dtype=dtype)
        self.second_moment = np.zeros(n_params, dtype=dtype)

    @property
    def state(self):
        return (self.first_moment, self.second_moment)

    def update(self, params, grad):
        """Take one step: ``params`` is updated and ``grad`` overwritten."""
        self.t += 1
        b1, b2 = self.beta_1, self.beta_2
        # The moments are stored divided by (1 - beta): M = m / (1 - b1) and
        # V = v / (1 - b2), which makes their updates two passes each
        # (M = b1 M + g, V = b2 V + g^2); the constant factors are folded
        # into the step size and epsilon below.
        M, V = self.first_moment, self.second_moment
        M *= b1
        M += grad
        grad *= grad
        V *= b2
        V += grad
        # Python floats (not NumPy scalars) keep float32 arithmetic float32.
        self.learning_rate = (
            self.learning_rate_init * math.sqrt(1 - b2**self.t) / (1 - b1**self.t)
        )
        # lr_t * m / (sqrt(v) + eps) == c * M / (sqrt(V) + eps / sqrt(1 - b2))
        denominator = np.sqrt(V, out=grad)
        denominator += self.epsilon / math.sqrt(1 - b2)
        step = np.divide(M, denominator, out=grad)
        step *= self.learning_rate * (1 - b1) / math.sqrt(1 - b2)
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

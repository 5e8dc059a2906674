"""One training step of a network: loss, gradient, L2 penalty and optimiser step.

The step hides a speed trick: the optimiser receives the gradient of the loss
divided by the L2 coefficient of a full batch, which makes the penalty's
gradient the weights themselves, one addition per weight during the
optimiser's step (see :class:`~skneural.engine.L2Term`).  The divided
gradients and Adam's moments stay inside the optimiser and this module.
"""

import math

from .network import Workspace, l2_coefficient, scaled_loss_and_gradient
from .optimizers import L2Term, make_optimizer

__all__ = ["TrainingStep", "make_network_optimizer"]


def make_network_optimizer(solver, n_params, dtype, *, alpha, batch_size, **options):
    """The optimiser of a :class:`TrainingStep` on batches of ``batch_size``.

    Parameters
    ----------
    solver : {"sgd", "adam"}
    n_params : int
    dtype : numpy dtype
    alpha : float
        The network's L2 penalty (``NetworkSpec.alpha``).
    batch_size : int
        The size of a full batch.
    **options : dict
        The other keyword arguments of :func:`make_optimizer`.

    Returns
    -------
    optimizer : SGD or Adam

    Examples
    --------
    >>> import numpy as np
    >>> from skneural.engine import make_network_optimizer
    >>> optimizer = make_network_optimizer("adam", 10, np.float32, alpha=1e-4,
    ...                                    batch_size=200, learning_rate_init=0.01)
    >>> type(optimizer).__name__, optimizer.learning_rate
    ('Adam', 0.01)
    """
    return make_optimizer(
        solver, n_params, dtype, gradient_scale=_gradient_scale(alpha, batch_size), **options
    )


def _gradient_scale(alpha, batch_size):
    """The scale of the gradients handed to the optimiser.

    Gradients divided by the L2 coefficient of a full batch make the
    penalty's gradient the weights themselves: one addition per weight.
    Below 1e-10 the divided gradients' squares (Adam's second moment) could
    leave float32's range, so tiny penalties keep unscaled gradients.
    """
    coefficient = l2_coefficient(alpha, batch_size)
    return coefficient if coefficient >= 1e-10 else 1.0


class TrainingStep:
    """Gradient steps of one network on batches, in buffers allocated once.

    Parameters
    ----------
    layout : Layout
    spec : NetworkSpec
    batch_size : int
        The largest batch.
    dtype : numpy dtype

    Examples
    --------
    >>> import numpy as np
    >>> from skneural.engine import (Layout, NetworkSpec, TrainingStep,
    ...                              initialize_parameters, make_network_optimizer)
    >>> rng = np.random.RandomState(0)
    >>> X, y = rng.normal(size=(8, 3)), rng.normal(size=(8, 1))
    >>> layout, spec = Layout([3, 4, 1]), NetworkSpec("relu", "identity", "squared_error")
    >>> params = initialize_parameters(layout, "glorot_uniform", "relu", rng, np.float64)
    >>> optimizer = make_network_optimizer("sgd", layout.size, np.float64, alpha=0.0,
    ...                                    batch_size=8)
    >>> step = TrainingStep(layout, spec, batch_size=8, dtype=np.float64)
    >>> first = step(params, optimizer, X, y, None)
    >>> bool(step(params, optimizer, X, y, None) < first)
    True
    """

    def __init__(self, layout, spec, batch_size, dtype):
        self.layout, self.spec = layout, spec
        self._workspace = Workspace(layout, batch_size, dtype)

    def __call__(self, params, optimizer, X, Y, sample_weight, rng=None):
        """Take one step on a batch; return its loss (penalty included).

        ``params`` and ``optimizer`` are updated in place, unless the loss is
        not finite: then nothing changes. ``rng`` draws the dropout masks.
        """
        layout, spec = self.layout, self.spec
        scale = optimizer.gradient_scale
        loss = scaled_loss_and_gradient(
            params, layout, X, Y, sample_weight, spec, self._workspace, rng, scale
        )
        if not math.isfinite(loss):
            return loss
        l2 = None
        if spec.alpha:
            coefficient = l2_coefficient(spec.alpha, X.shape[0], sample_weight)
            l2 = L2Term(layout.n_coef, coefficient / scale)
        optimizer.step(params, self._workspace.grad, l2)
        return loss

    def hidden_activations(self, n_samples):
        """The hidden layers' activations on the last batch of ``n_samples`` rows."""
        return [A[:n_samples] for A in self._workspace.activations[:-1]]

"""Loss functions, each registered beside its gradient.

A loss is the (sample-weighted) mean over samples of a per-sample loss that is
summed over outputs.  ``gradient(y, A)`` returns the element-wise derivative
``dl/dA`` of the per-sample loss, which the backward pass chains with the
derivative of the output activation.  When the output activation is the loss's
canonical link (logistic for binary log-loss, softmax for log-loss, identity
for squared error, exp for Poisson deviance) the two derivatives fuse into
``dl/dZ = A - y``, which is both cheaper and numerically exact;
:func:`output_delta` takes that path.
"""

from functools import partial
from typing import Callable, NamedTuple

import numpy as np
from scipy.special import xlogy

from .activations import get_activation

__all__ = ["LOSSES", "Loss", "get_loss", "output_delta"]


class Loss(NamedTuple):
    """A loss function, its gradient and its canonical output activation.

    Attributes
    ----------
    per_sample : callable
        ``per_sample(y, A)`` returns the loss of each sample, shape (n_samples,).
    gradient : callable
        ``gradient(y, A)`` returns ``dl/dA`` element-wise, shape of ``A``.
    canonical_link : str or None
        Output activation with which ``dl/dZ = A - y``.

    Examples
    --------
    >>> import numpy as np
    >>> from skneural.engine import LOSSES
    >>> loss = LOSSES["squared_error"]
    >>> y, A = np.array([[1.0], [2.0]]), np.array([[1.0], [4.0]])
    >>> loss.per_sample(y, A).tolist(), loss(y, A)
    ([0.0, 2.0], 1.0)
    """

    per_sample: Callable[[np.ndarray, np.ndarray], np.ndarray]
    gradient: Callable[[np.ndarray, np.ndarray], np.ndarray]
    canonical_link: str | None

    def __call__(self, y, A, sample_weight=None):
        """Weighted mean over samples of the per-sample loss."""
        losses = self.per_sample(y, A)
        if sample_weight is None:  # np.average's overhead shows on small batches
            return float(losses.mean())
        return float(np.average(losses, weights=sample_weight))


def _clip_probability(A):
    eps = np.finfo(A.dtype).eps
    return np.clip(A, eps, 1 - eps)


def _squared_error(y, A):
    return 0.5 * ((A - y) ** 2).sum(axis=1)


def _squared_error_gradient(y, A):
    return A - y


def _huber(y, A, delta):
    residual = np.abs(A - y)
    quadratic = np.minimum(residual, delta)
    return (0.5 * quadratic**2 + delta * (residual - quadratic)).sum(axis=1)


def _huber_gradient(y, A, delta):
    return np.clip(A - y, -delta, delta)


def _absolute_error(y, A):
    return np.abs(A - y).sum(axis=1)


def _absolute_error_gradient(y, A):
    return np.sign(A - y)


def _poisson(y, A):
    # Half Poisson deviance, including the y*log(y) - y term that makes a
    # perfect prediction cost zero, as in scikit-learn.
    return (xlogy(y, y / A) - y + A).sum(axis=1)


def _poisson_gradient(y, A):
    return 1 - y / A


def _log_loss(y, A):
    return -xlogy(y, _clip_probability(A)).sum(axis=1)


def _log_loss_gradient(y, A):
    return -y / _clip_probability(A)


def _binary_log_loss(y, A):
    A = _clip_probability(A)
    return -(xlogy(y, A) + xlogy(1 - y, 1 - A)).sum(axis=1)


def _binary_log_loss_gradient(y, A):
    A = _clip_probability(A)
    return (A - y) / (A * (1 - A))


LOSSES = {
    "squared_error": Loss(_squared_error, _squared_error_gradient, "identity"),
    "huber": Loss(_huber, _huber_gradient, None),
    "absolute_error": Loss(_absolute_error, _absolute_error_gradient, None),
    "poisson": Loss(_poisson, _poisson_gradient, "exp"),
    "log_loss": Loss(_log_loss, _log_loss_gradient, "softmax"),
    "binary_log_loss": Loss(_binary_log_loss, _binary_log_loss_gradient, "logistic"),
}

_LOSS_PARAMETERS = {"huber": ("delta",)}


def get_loss(name, **params):
    """Return the :class:`~skneural.engine.losses.Loss` named ``name``, bound to ``params``.

    Parameters
    ----------
    name : str
        One of the keys of ``LOSSES``.
    **params : dict
        Parameters of the loss; only ``delta`` for ``"huber"`` (the residual
        at which the loss turns from quadratic to linear).  Parameters that
        the loss does not take are ignored.

    Returns
    -------
    loss : Loss

    Examples
    --------
    >>> import numpy as np
    >>> from skneural.engine import get_loss
    >>> huber = get_loss("huber", delta=1.0)
    >>> huber.per_sample(np.array([[0.0], [0.0]]), np.array([[0.5], [3.0]])).tolist()
    [0.125, 2.5]
    """
    if name not in LOSSES:
        raise ValueError(f"Unknown loss {name!r}; expected one of {sorted(LOSSES)}.")
    loss = LOSSES[name]
    bound = {key: params[key] for key in _LOSS_PARAMETERS.get(name, ()) if key in params}
    if not bound:
        return loss
    return loss._replace(
        per_sample=partial(loss.per_sample, **bound),
        gradient=partial(loss.gradient, **bound),
    )


def output_delta(loss, output_activation, y, A, sample_weight, out):
    """Write ``dL/dZ`` of the output layer into ``out``.

    ``L`` is the weighted mean loss, so the result is already divided by the
    sum of the sample weights (or the number of samples).

    Parameters
    ----------
    loss : Loss
    output_activation : str
        Name of the output activation that produced ``A``.
    y : ndarray of shape (n_samples, n_outputs)
    A : ndarray of shape (n_samples, n_outputs)
    sample_weight : ndarray of shape (n_samples,) or None
    out : ndarray of shape (n_samples, n_outputs)

    Returns
    -------
    out : ndarray of shape (n_samples, n_outputs)

    Examples
    --------
    Softmax with log-loss fuses into ``(A - y) / n_samples``:

    >>> import numpy as np
    >>> from skneural.engine import get_loss, output_delta
    >>> y, A = np.array([[1.0, 0.0], [0.0, 1.0]]), np.array([[0.75, 0.25], [0.5, 0.5]])
    >>> output_delta(get_loss("log_loss"), "softmax", y, A, None, np.empty((2, 2))).tolist()
    [[-0.125, 0.125], [0.25, -0.25]]
    """
    if loss.canonical_link == output_activation:
        np.subtract(A, y, out=out)
    else:
        derivative = get_activation(output_activation).derivative
        if derivative is None:
            raise ValueError(
                f"The output activation {output_activation!r} can only be used "
                f"with its canonical loss."
            )
        out[...] = loss.gradient(y, A)
        derivative(A, out)
    if sample_weight is None:
        out /= A.shape[0]
    else:
        out *= (sample_weight / sample_weight.sum())[:, np.newaxis]
    return out

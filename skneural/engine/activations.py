"""Activation functions, each registered beside its derivative.

Every activation works in place on the pre-activation array ``Z`` (turning it
into the activation ``A``) so the training loop allocates nothing.  Every
derivative is written in terms of the *output* ``A`` rather than ``Z``, which
is all the backward pass keeps, and multiplies the back-propagated error
``delta`` in place: ``delta *= f'(Z)``.

``softmax`` and ``exp`` are output activations only.  ``softmax`` is never
differentiated on its own: it is always paired with log-loss, whose fused
gradient with respect to ``Z`` is simply ``A - Y`` (see
:mod:`skneural.engine.losses`).
"""

from typing import Callable, NamedTuple

import numpy as np
from scipy.special import expit

__all__ = ["ACTIVATIONS", "HIDDEN_ACTIVATIONS", "Activation", "get_activation"]

LEAKY_RELU_SLOPE = 0.01
ELU_ALPHA = 1.0


class Activation(NamedTuple):
    """An activation function and its derivative.

    Attributes
    ----------
    forward : callable
        ``forward(Z)`` overwrites ``Z`` with ``f(Z)`` and returns it.
    derivative : callable or None
        ``derivative(A, delta)`` multiplies ``delta`` in place by ``f'(Z)``
        computed from the output ``A = f(Z)``.  None for output-only
        activations, which are differentiated jointly with their loss.

    Examples
    --------
    >>> import numpy as np
    >>> from skneural.engine import ACTIVATIONS
    >>> relu = ACTIVATIONS["relu"]
    >>> A = relu.forward(np.array([-1.0, 2.0]))
    >>> delta = np.ones(2)
    >>> relu.derivative(A, delta)
    >>> A.tolist(), delta.tolist()
    ([0.0, 2.0], [0.0, 1.0])
    """

    forward: Callable[[np.ndarray], np.ndarray]
    derivative: Callable[[np.ndarray, np.ndarray], None] | None


def _identity(Z):
    return Z


def _identity_derivative(A, delta):
    """f'(z) = 1: nothing to do."""


def _logistic(Z):
    return expit(Z, out=Z)


def _logistic_derivative(A, delta):
    delta *= A
    delta *= 1 - A


def _tanh(Z):
    return np.tanh(Z, out=Z)


def _tanh_derivative(A, delta):
    delta *= 1 - A * A


def _relu(Z):
    return np.maximum(Z, 0, out=Z)


def _relu_derivative(A, delta):
    np.multiply(delta, A > 0, out=delta)


def _leaky_relu(Z):
    # max(z, slope * z) equals z for z > 0 and slope * z otherwise.
    return np.maximum(Z, LEAKY_RELU_SLOPE * Z, out=Z)


def _leaky_relu_derivative(A, delta):
    # A has the sign of Z, so the slope is chosen from A alone.
    delta[A <= 0] *= LEAKY_RELU_SLOPE


def _softplus(Z):
    # log(1 + exp(z)) without overflow for large z.
    return np.logaddexp(0, Z, out=Z)


def _softplus_derivative(A, delta):
    # f'(z) = expit(z) = 1 - exp(-A) since A = log(1 + exp(z)).
    delta *= -np.expm1(-A)


def _elu(Z):
    negative = Z < 0
    Z[negative] = ELU_ALPHA * np.expm1(Z[negative])
    return Z


def _elu_derivative(A, delta):
    # For z < 0, A = alpha * (exp(z) - 1) so f'(z) = alpha * exp(z) = A + alpha.
    negative = A < 0
    delta[negative] *= A[negative] + ELU_ALPHA


def _softmax(Z):
    Z -= Z.max(axis=1, keepdims=True)
    np.exp(Z, out=Z)
    Z /= Z.sum(axis=1, keepdims=True)
    return Z


def _exp(Z):
    return np.exp(Z, out=Z)


def _exp_derivative(A, delta):
    delta *= A


ACTIVATIONS = {
    "identity": Activation(_identity, _identity_derivative),
    "logistic": Activation(_logistic, _logistic_derivative),
    "tanh": Activation(_tanh, _tanh_derivative),
    "relu": Activation(_relu, _relu_derivative),
    "leaky_relu": Activation(_leaky_relu, _leaky_relu_derivative),
    "softplus": Activation(_softplus, _softplus_derivative),
    "elu": Activation(_elu, _elu_derivative),
    "softmax": Activation(_softmax, None),
    "exp": Activation(_exp, _exp_derivative),
}

OUTPUT_ONLY = frozenset({"softmax", "exp"})
HIDDEN_ACTIVATIONS = frozenset(ACTIVATIONS) - OUTPUT_ONLY


def get_activation(name):
    """Return the :class:`~skneural.engine.activations.Activation` registered under ``name``.

    Parameters
    ----------
    name : str
        One of the keys of ``ACTIVATIONS``.

    Returns
    -------
    activation : Activation
        The forward function and its derivative.

    Examples
    --------
    >>> import numpy as np
    >>> from skneural.engine import get_activation
    >>> get_activation("leaky_relu").forward(np.array([-100.0, 3.0])).tolist()
    [-1.0, 3.0]
    """
    try:
        return ACTIVATIONS[name]
    except KeyError:
        raise ValueError(
            f"Unknown activation {name!r}; expected one of {sorted(ACTIVATIONS)}."
        ) from None

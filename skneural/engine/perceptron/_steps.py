"""The step functions of threshold logic units, as decisions and mistakes."""

from typing import Callable, NamedTuple

import numpy as np

__all__ = ["STEPS", "Step"]


class Step(NamedTuple):
    """A step function, as the decisions and mistakes it implies.

    Attributes
    ----------
    fires : callable
        ``fires(z)``: boolean array, True where a unit votes for the positive
        class (Heaviside: ``z >= 0``; sign: ``z > 0``).
    mistakes : callable
        ``mistakes(z, Y)``: boolean array, True where a unit errs on targets
        ``Y`` in {-1, +1} and the perceptron rule updates it.

    Examples
    --------
    >>> import numpy as np
    >>> from skneural.engine.perceptron import STEPS
    >>> STEPS["heaviside"].fires(np.array([-1.0, 0.0, 2.0]))
    array([False,  True,  True])
    >>> STEPS["heaviside"].mistakes(np.array([0.0, 0.0]), np.array([-1.0, 1.0]))
    array([ True, False])
    """

    fires: Callable[[np.ndarray], np.ndarray]
    mistakes: Callable[[np.ndarray, np.ndarray], np.ndarray]


def _heaviside_fires(z):
    return z >= 0


def _heaviside_mistakes(z, Y):
    """Géron's rule with ``H(0) = 1``: only negatives err at ``z = 0``."""
    return (z >= 0) != (Y > 0)


def _sign_fires(z):
    return z > 0


def _sign_mistakes(z, Y):
    """Rosenblatt's rule (and scikit-learn's): update whenever ``y z <= 0``."""
    return Y * z <= 0


STEPS = {
    "heaviside": Step(_heaviside_fires, _heaviside_mistakes),
    "sign": Step(_sign_fires, _sign_mistakes),
}

"""Toy data generators in the style of ``sklearn.datasets.make_*``."""

import itertools
from numbers import Integral, Real

import numpy as np
from sklearn.utils import check_random_state
from sklearn.utils import shuffle as shuffle_arrays

from ..utils._sklearn import Interval, StrOptions, validate_params

__all__ = ["LOGIC_GATES", "make_logic_gate", "make_spiral"]

LOGIC_GATES = {
    "not": lambda a: 1 - a,
    "and": lambda a, b: a & b,
    "or": lambda a, b: a | b,
    "nand": lambda a, b: 1 - (a & b),
    "nor": lambda a, b: 1 - (a | b),
    "xor": lambda a, b: a ^ b,
    "xnor": lambda a, b: 1 - (a ^ b),
    "a_and_not_b": lambda a, b: a & (1 - b),
}


@validate_params(
    {
        "n_samples": [Interval(Integral, 1, None, closed="left")],
        "n_classes": [Interval(Integral, 1, None, closed="left")],
        "noise": [Interval(Real, 0, None, closed="left")],
        "shuffle": ["boolean"],
        "random_state": ["random_state"],
    },
    prefer_skip_nested_validation=True,
)
def make_spiral(n_samples=300, n_classes=3, *, noise=0.0, shuffle=True, random_state=None):
    """Make intertwined spiral arms, one per class.

    Class ``k = 1..K`` follows, for ``t`` evenly spaced in [0, 1]::

        X_k(t) = t * (sin(2 pi / K * (2 t + k - 1) + e), cos(2 pi / K * (2 t + k - 1) + e))

    with angular noise ``e ~ N(0, noise ** 2)`` (``noise=0`` gives the clean
    spiral). No line separates the arms: a linear model reaches about
    ``1 / K`` to ``1 / 2`` accuracy on three arms, a small MLP or a kernel
    method nearly all.

    Parameters
    ----------
    n_samples : int, default=300
        Total number of points, split evenly between the classes (the first
        ``n_samples % n_classes`` classes get one more).

    n_classes : int, default=3
        Number of arms ``K``.

    noise : float, default=0.0
        Standard deviation of the angular noise ``e``, in radians.

    shuffle : bool, default=True
        Whether to shuffle the samples.

    random_state : int, RandomState instance or None, default=None
        Determines the noise and the shuffling. Pass an int for reproducible
        output across multiple function calls. See :term:`Glossary
        <random_state>`.

    Returns
    -------
    X : ndarray of shape (n_samples, 2)
        The points.

    y : ndarray of shape (n_samples,)
        The arm of each point, ``k - 1``.

    Examples
    --------
    >>> from skneural.datasets import make_spiral
    >>> X, y = make_spiral(n_samples=300, n_classes=3, noise=0.2, random_state=0)
    >>> X.shape, y.shape
    ((300, 2), (300,))
    >>> [int((y == k).sum()) for k in range(3)]
    [100, 100, 100]
    """
    generator = check_random_state(random_state)
    per_class = np.full(n_classes, n_samples // n_classes)
    per_class[: n_samples % n_classes] += 1
    t = np.concatenate([np.linspace(0, 1, count) for count in per_class])
    y = np.repeat(np.arange(n_classes), per_class)
    angle = 2 * np.pi / n_classes * (2 * t + y)
    if noise > 0:
        angle += generator.normal(scale=noise, size=n_samples)
    X = t[:, None] * np.column_stack([np.sin(angle), np.cos(angle)])
    if shuffle:
        X, y = shuffle_arrays(X, y, random_state=generator)
    return X, y


@validate_params(
    {
        "gate": [StrOptions(set(LOGIC_GATES))],
        "n_repeats": [Interval(Integral, 1, None, closed="left")],
        "noise": [Interval(Real, 0, None, closed="left")],
        "shuffle": ["boolean"],
        "random_state": ["random_state"],
    },
    prefer_skip_nested_validation=True,
)
def make_logic_gate(gate, *, n_repeats=1, noise=0.0, shuffle=False, random_state=None):
    """Make the truth table of a logic gate as a classification problem.

    Parameters
    ----------
    gate : {'and', 'or', 'nand', 'nor', 'xor', 'xnor', 'a_and_not_b', 'not'}
        The gate; 'not' has one input, the others two (A, B).

    n_repeats : int, default=1
        Number of copies of the table.

    noise : float, default=0.0
        Standard deviation of Gaussian noise added to the inputs (with
        ``n_repeats > 1`` this gives clouds around the corners).

    shuffle : bool, default=False
        Whether to shuffle the rows. Off by default so that the table reads
        in counting order (00, 01, 10, 11).

    random_state : int, RandomState instance or None, default=None
        Determines the noise and the shuffling. See :term:`Glossary
        <random_state>`.

    Returns
    -------
    X : ndarray of shape (n_repeats * 2 ** n_inputs, n_inputs)
        The inputs as floats (0 and 1 without noise).

    y : ndarray of shape (n_repeats * 2 ** n_inputs,)
        The gate's output, 0 or 1.

    Examples
    --------
    >>> from skneural.datasets import make_logic_gate
    >>> X, y = make_logic_gate("xor")
    >>> X
    array([[0., 0.],
           [0., 1.],
           [1., 0.],
           [1., 1.]])
    >>> y
    array([0, 1, 1, 0])
    """
    function = LOGIC_GATES[gate]
    n_inputs = function.__code__.co_argcount
    table = np.array(list(itertools.product([0, 1], repeat=n_inputs)))
    y = function(*table.T)
    X, y = np.tile(table, (n_repeats, 1)).astype(np.float64), np.tile(y, n_repeats)
    generator = check_random_state(random_state)
    if noise > 0:
        X += generator.normal(scale=noise, size=X.shape)
    if shuffle:
        X, y = shuffle_arrays(X, y, random_state=generator)
    return X, y

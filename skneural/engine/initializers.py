"""Weight initialisers for dense layers.

Each initialiser draws the weights and biases of one layer from the random
generator it is given, so one ``check_random_state`` per fit seeds them all.
"""

import numpy as np

__all__ = ["INITIALIZERS", "initialize_layer"]


def _glorot_uniform(fan_in, fan_out, activation, rng):
    # Glorot & Bengio (2010), as scikit-learn's MLP draws it: weights and
    # biases alike from U(-b, b), with a smaller bound for logistic units.
    factor = 2.0 if activation == "logistic" else 6.0
    bound = np.sqrt(factor / (fan_in + fan_out))
    coef = rng.uniform(-bound, bound, (fan_in, fan_out))
    intercept = rng.uniform(-bound, bound, fan_out)
    return coef, intercept


def _he_uniform(fan_in, fan_out, activation, rng):
    # He et al. (2015): variance 2 / fan_in keeps ReLU activations from
    # shrinking layer after layer; biases start at zero.
    bound = np.sqrt(6.0 / fan_in)
    return rng.uniform(-bound, bound, (fan_in, fan_out)), np.zeros(fan_out)


def _he_normal(fan_in, fan_out, activation, rng):
    scale = np.sqrt(2.0 / fan_in)
    return rng.normal(0.0, scale, (fan_in, fan_out)), np.zeros(fan_out)


INITIALIZERS = {
    "glorot_uniform": _glorot_uniform,
    "he_uniform": _he_uniform,
    "he_normal": _he_normal,
}


def initialize_layer(method, fan_in, fan_out, activation, rng, dtype):
    """Draw the weights and biases of one dense layer.

    Parameters
    ----------
    method : {"glorot_uniform", "he_uniform", "he_normal"}
        The initialisation scheme.
    fan_in, fan_out : int
        Number of units feeding the layer and number of units in it.
    activation : str
        Activation of the layer's units (Glorot uses a smaller range for
        logistic units).
    rng : numpy.random.RandomState
        Source of randomness.
    dtype : numpy dtype
        Floating dtype of the returned arrays.

    Returns
    -------
    coef : ndarray of shape (fan_in, fan_out)
    intercept : ndarray of shape (fan_out,)

    Examples
    --------
    >>> import numpy as np
    >>> from skneural.engine import initialize_layer
    >>> coef, intercept = initialize_layer("he_normal", 784, 100, "relu",
    ...                                    np.random.RandomState(0), np.float32)
    >>> coef.shape, coef.dtype, bool(abs(coef.std() - np.sqrt(2 / 784)) < 1e-3)
    ((784, 100), dtype('float32'), True)
    >>> bool((intercept == 0).all())
    True
    """
    coef, intercept = INITIALIZERS[method](fan_in, fan_out, activation, rng)
    return coef.astype(dtype, copy=False), intercept.astype(dtype, copy=False)

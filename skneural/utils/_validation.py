"""Parameter checks shared by the NumPy and the Keras estimators."""

import numpy as np

__all__ = ["validated_hidden_layer_sizes"]


def validated_hidden_layer_sizes(hidden_layer_sizes):
    """``hidden_layer_sizes`` as a list of positive ints (an int gives one layer).

    Examples
    --------
    >>> from skneural.utils._validation import validated_hidden_layer_sizes
    >>> validated_hidden_layer_sizes(5), validated_hidden_layer_sizes((30, 10))
    ([5], [30, 10])
    """
    if not np.iterable(hidden_layer_sizes):
        hidden_layer_sizes = [hidden_layer_sizes]
    sizes = list(hidden_layer_sizes)
    if any(size <= 0 for size in sizes):
        raise ValueError(f"hidden_layer_sizes must be > 0, got {sizes}.")
    return [int(size) for size in sizes]

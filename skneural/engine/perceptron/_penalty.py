"""Per-sample regularisation of a primal layer, as in SGD."""

import numpy as np

__all__ = ["Penalty"]


class Penalty:
    """Per-sample regularisation of :class:`LinearUnits`, as in SGD.

    L2 multiplies the weights by ``1 - eta0 * alpha * (1 - l1_ratio)``
    before each sample's update; L1 then applies the cumulative truncated
    gradient of Tsuruoka et al. (2009) with strength ``eta0 * alpha *
    l1_ratio``, which drives weights exactly to zero. Biases are not
    penalised.

    Parameters
    ----------
    eta0, alpha, l1_ratio : float
        Learning rate, penalty strength and share of L1 in it.
    shape : tuple of int
        Shape of the weight matrix.

    Examples
    --------
    >>> import numpy as np
    >>> from skneural.engine.perceptron import LinearUnits, Penalty
    >>> layer = LinearUnits(np.eye(2), np.ones((1, 2)), np.zeros(1), fit_intercept=False)
    >>> penalty = Penalty(eta0=1.0, alpha=0.1, l1_ratio=0.0, shape=(1, 2))
    >>> penalty.before_update(layer)
    >>> layer.coef
    array([[0.9, 0.9]])
    """

    def __init__(self, eta0, alpha, l1_ratio, shape):
        self.decay = 1.0 - eta0 * alpha * (1.0 - l1_ratio)
        self.l1_step = eta0 * alpha * l1_ratio
        self.l1_total = 0.0
        self.l1_applied = np.zeros(shape) if self.l1_step > 0 else None

    def before_update(self, units):
        """Apply the L2 decay of one sample."""
        if self.decay != 1.0:
            units.shrink(max(0.0, self.decay))

    def after_update(self, units):
        """Apply the cumulative L1 truncation of one sample."""
        if self.l1_applied is None:
            return
        self.l1_total += self.l1_step
        coef = units.coef
        truncated = np.where(
            coef > 0,
            np.maximum(0.0, coef - (self.l1_total + self.l1_applied)),
            np.where(coef < 0, np.minimum(0.0, coef + (self.l1_total - self.l1_applied)), 0.0),
        )
        self.l1_applied += truncated - coef
        units.set_coef(truncated)

"""Online training of a layer of threshold logic units (TLUs).

Every unit computes ``z = w . x + b`` and fires through a step function. The
perceptron rule visits the samples one at a time and, for each unit that
errs on a sample, moves that unit's weights by ``eta0 * y * x`` (``y`` in
{-1, +1}); this is Rosenblatt's ``w <- w + eta (y - y_hat) x`` written for
both step conventions. All units of the layer are updated together.

Scores are computed for a block of upcoming samples at once; the first
sample in the block on which some unit errs is updated and scoring restarts
just after it. With no penalty the weights only change on mistakes, so this
gives exactly the sample-by-sample result while making clean stretches (the
bulk of late epochs) a single matrix product. A penalty changes the weights
after every sample, so it runs with blocks of one.

The weights live in a :class:`LinearUnits` (primal form, ``w`` stored as a
scale times a raw matrix so that L2 decay costs one multiplication) or a
:class:`DualUnits` (kernel form, one coefficient per training sample and
unit). Observers (:class:`SurvivalAverage`, :class:`SurvivalVotes`) watch
the weight changes to build the averaged and voted perceptrons.
"""

from typing import Callable, NamedTuple

import numpy as np
import scipy.sparse as sp

__all__ = [
    "STEPS",
    "DualUnits",
    "EpochResult",
    "LinearUnits",
    "Penalty",
    "Step",
    "SurvivalAverage",
    "SurvivalVotes",
    "run_epoch",
]

MAX_BLOCK = 256
# Block size right after a mistake: mistakes cluster in early epochs, but
# scoring a few rows costs the same as scoring one.
FIRST_BLOCK = 8
MIN_SCALE = 1e-9


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


class LinearUnits:
    """Primal weights of a layer: ``coef = scale * raw`` and ``intercept``.

    Parameters
    ----------
    X : {ndarray, csr_matrix} of shape (n_samples, n_features)
        The training inputs.
    coef : ndarray of shape (n_units, n_features)
        Initial weights (copied).
    intercept : ndarray of shape (n_units,)
        Initial biases (copied).
    fit_intercept : bool
        Whether the biases are learnt.

    Examples
    --------
    >>> import numpy as np
    >>> from skneural.engine.perceptron import LinearUnits
    >>> X = np.array([[1.0, 2.0], [3.0, 4.0]])
    >>> layer = LinearUnits(X, np.zeros((1, 2)), np.zeros(1), fit_intercept=True)
    >>> layer.start_epoch(np.array([1, 0]))  # visit sample 1, then sample 0
    >>> layer.update(0, np.array([True]), np.array([0.5]))  # adds 0.5 * X[1]
    >>> layer.coef, layer.intercept
    (array([[1.5, 2. ]]), array([0.5]))
    >>> layer.scores(0, 2)
    array([[13.],
           [ 6.]])
    >>> layer.shrink(0.5)
    >>> layer.coef
    array([[0.75, 1.  ]])
    """

    def __init__(self, X, coef, intercept, fit_intercept):
        self.X = X
        self.raw = np.array(coef, dtype=X.dtype, order="C")
        self.intercept = np.array(intercept, dtype=X.dtype)
        self.scale = 1.0
        self.fit_intercept = fit_intercept
        self._order = None

    @property
    def coef(self):
        """The current weights, of shape (n_units, n_features)."""
        return self.raw * self.scale

    def coef_of(self, units):
        """The current weights of ``units`` only (a mask, index or slice)."""
        return self.raw[units] * self.scale

    def start_epoch(self, order):
        """Visit the samples in ``order`` during the coming epoch."""
        self._order = order

    def scores(self, start, stop):
        """``z`` of the samples at positions ``start:stop`` of the epoch."""
        rows = self.X[self._order[start:stop]]
        return self.scale * (rows @ self.raw.T) + self.intercept

    def update(self, position, units, delta):
        """Add ``delta * x`` to the weights of ``units`` (a boolean mask)."""
        index = self._order[position]
        if sp.issparse(self.X):
            start, stop = self.X.indptr[index], self.X.indptr[index + 1]
            columns = self.X.indices[start:stop]
            self.raw[np.ix_(units, columns)] += np.outer(
                delta / self.scale, self.X.data[start:stop]
            )
        else:
            self.raw[units] += np.outer(delta / self.scale, self.X[index])
        if self.fit_intercept:
            self.intercept[units] += delta

    def shrink(self, factor):
        """Multiply every weight by ``factor`` (L2 decay), in O(1)."""
        self.scale *= factor
        if self.scale < MIN_SCALE:
            self.raw *= self.scale
            self.scale = 1.0

    def set_coef(self, coef):
        """Replace the weights by ``coef``."""
        self.raw[...] = coef
        self.scale = 1.0

    def snapshot(self):
        """A copy of the weights, for :meth:`restore`."""
        return self.raw.copy(), self.intercept.copy(), self.scale

    def restore(self, snapshot):
        """Put back the weights of a :meth:`snapshot`."""
        raw, intercept, self.scale = snapshot
        self.raw[...], self.intercept[...] = raw, intercept

    def get_weights(self):
        """Copies of the weights and biases: ``[coef, intercept]``."""
        return [self.coef, self.intercept.copy()]

    def set_weights(self, weights):
        """Put back what :meth:`get_weights` returned."""
        coef, intercept = weights
        self.set_coef(coef)
        self.intercept[...] = intercept


class DualUnits:
    """Kernel weights of a layer: ``z(x) = sum_i coef[i] K(x_i, x) + b``.

    Parameters
    ----------
    gram : callable
        ``gram(rows)``: the kernel between the training samples ``rows`` and
        all training samples, of shape (len(rows), n_samples).
    n_samples : int
        Number of training samples.
    n_units : int
        Number of threshold units.
    dtype : dtype
        Floating type of the coefficients.
    fit_intercept : bool
        Whether the biases are learnt.

    Examples
    --------
    >>> import numpy as np
    >>> from skneural.engine.perceptron import DualUnits
    >>> X = np.array([[1.0, 2.0], [3.0, 4.0]])
    >>> layer = DualUnits(lambda rows: (X @ X.T)[rows], 2, 1, np.float64, fit_intercept=False)
    >>> layer.start_epoch(np.arange(2))
    >>> layer.update(1, np.array([True]), np.array([1.0]))
    >>> layer.dual_coef.ravel()
    array([0., 1.])
    >>> layer.scores(0, 2)  # linear kernel: X @ X[1]
    array([[11.],
           [25.]])
    """

    def __init__(self, gram, n_samples, n_units, dtype, fit_intercept):
        self.gram = gram
        self.dual_coef = np.zeros((n_samples, n_units), dtype=dtype)
        self.intercept = np.zeros(n_units, dtype=dtype)
        self.fit_intercept = fit_intercept
        self._order = None

    def start_epoch(self, order):
        """Visit the samples in ``order`` during the coming epoch."""
        self._order = order

    def scores(self, start, stop):
        """``z`` of the samples at positions ``start:stop`` of the epoch."""
        return self.gram(self._order[start:stop]) @ self.dual_coef + self.intercept

    def update(self, position, units, delta):
        """Add ``delta`` to the coefficients of this sample for ``units``."""
        self.dual_coef[self._order[position], units] += delta
        if self.fit_intercept:
            self.intercept[units] += delta

    def snapshot(self):
        """A copy of the coefficients, for :meth:`restore`."""
        return self.dual_coef.copy(), self.intercept.copy()

    def restore(self, snapshot):
        """Put back the coefficients of a :meth:`snapshot`."""
        self.dual_coef[...], self.intercept[...] = snapshot

    def get_weights(self):
        """Copies of the coefficients and biases: ``[dual_coef, intercept]``."""
        return list(self.snapshot())

    def set_weights(self, weights):
        """Put back what :meth:`get_weights` returned."""
        self.restore(tuple(weights))


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


class SurvivalAverage:
    """Running sum of each unit's weights weighted by how long they survived.

    The averaged perceptron predicts with ``total / steps``: every weight
    vector counts once for each sample it scored (the one it erred on
    included).

    Parameters
    ----------
    n_units, n_features : int
        Shape of the weights.
    dtype : dtype
        Floating type of the sums.

    Examples
    --------
    >>> import numpy as np
    >>> from skneural.engine.perceptron import LinearUnits, SurvivalAverage
    >>> layer = LinearUnits(np.array([[1.0, 2.0]]), np.zeros((1, 2)), np.zeros(1),
    ...                     fit_intercept=False)
    >>> layer.start_epoch(np.arange(1))
    >>> average = SurvivalAverage(1, 2, np.float64)
    >>> average.record(1, np.array([True]), layer)  # zero weights survived 1 step
    >>> layer.update(0, np.array([True]), np.array([1.0]))
    >>> average.averages(4, layer)  # then [1, 2] survived 3 steps
    (array([[0.75, 1.5 ]]), array([0.]))
    """

    def __init__(self, n_units, n_features, dtype):
        self.coef_sum = np.zeros((n_units, n_features), dtype=np.float64)
        self.intercept_sum = np.zeros(n_units, dtype=np.float64)
        self.since = np.zeros(n_units, dtype=np.int64)
        self.dtype = np.dtype(dtype).name  # a name pickles as plain data

    def record(self, step, units, layer):
        """Weights of ``units`` are about to change after ``step`` samples."""
        self.coef_sum[units], self.intercept_sum[units] = self._sums(step, units, layer)
        self.since[units] = step

    def averages(self, step, layer):
        """The averaged weights and biases after ``step`` samples.

        The current weights are counted without being recorded, so that
        asking does not change what is averaged later.
        """
        coef_sum, intercept_sum = self._sums(step, slice(None), layer)
        steps = max(step, 1)
        return (coef_sum / steps).astype(self.dtype), (intercept_sum / steps).astype(self.dtype)

    def _sums(self, step, units, layer):
        """The sums of ``units`` with their current weights counted until ``step``."""
        survived = (step - self.since[units]).astype(np.float64)
        return (
            self.coef_sum[units] + survived[:, None] * layer.coef_of(units),
            self.intercept_sum[units] + survived * layer.intercept[units],
        )

    def snapshot(self):
        """A copy of the running sums, for :meth:`restore`."""
        return self.coef_sum.copy(), self.intercept_sum.copy(), self.since.copy()

    def restore(self, snapshot):
        """Put back the running sums of a :meth:`snapshot`."""
        self.coef_sum[...], self.intercept_sum[...], self.since[...] = snapshot


class SurvivalVotes:
    """Every weight vector a unit held, with its survival count (its vote).

    Freund and Schapire's voted perceptron predicts with
    ``sum_k count_k * step(w_k . x + b_k)`` over these vectors.

    Parameters
    ----------
    n_units : int
        Number of units.

    Examples
    --------
    >>> import numpy as np
    >>> from skneural.engine.perceptron import LinearUnits, SurvivalVotes
    >>> layer = LinearUnits(np.array([[1.0, 2.0]]), np.zeros((1, 2)), np.zeros(1),
    ...                     fit_intercept=False)
    >>> layer.start_epoch(np.arange(1))
    >>> votes = SurvivalVotes(1)
    >>> votes.record(1, np.array([True]), layer)
    >>> layer.update(0, np.array([True]), np.array([1.0]))
    >>> coefs, intercepts, units, counts = votes.vectors(4, layer)
    >>> coefs, counts
    (array([[0., 0.],
           [1., 2.]]), array([1, 3]))
    """

    def __init__(self, n_units):
        self.since = np.zeros(n_units, dtype=np.int64)
        self.coefs, self.intercepts, self.units, self.counts = [], [], [], []

    def record(self, step, units, layer):
        """Weights of ``units`` are about to change after ``step`` samples."""
        index = np.flatnonzero(units)
        for record, new in zip(self._records(), self._survivors(step, index, layer)):
            record.append(new)
        self.since[index] = step

    def vectors(self, step, layer):
        """``(coefs, intercepts, units, counts)`` of all vectors so far.

        The current weights are included without being recorded, so that
        asking does not split their vote later.
        """
        current = self._survivors(step, np.arange(len(self.since)), layer)
        return tuple(
            np.concatenate([*record, new]) for record, new in zip(self._records(), current)
        )

    def _survivors(self, step, index, layer):
        """The current weights of the units ``index`` that scored a sample
        since they last changed, as ``(coefs, intercepts, units, counts)``."""
        survived = step - self.since[index]
        kept = survived > 0
        index = index[kept]
        return layer.coef_of(index), layer.intercept[index], index, survived[kept]

    def _records(self):
        return self.coefs, self.intercepts, self.units, self.counts

    def snapshot(self):
        """How far the record went, for :meth:`restore` (the lists only grow)."""
        return self.since.copy(), len(self.coefs)

    def restore(self, snapshot):
        """Forget what was recorded after the :meth:`snapshot`."""
        since, length = snapshot
        self.since[...] = since
        for record in self._records():
            del record[length:]


class EpochResult(NamedTuple):
    """What one epoch did, per unit: updates made and perceptron loss.

    Examples
    --------
    >>> import numpy as np
    >>> from skneural.engine.perceptron import EpochResult
    >>> EpochResult(mistakes=np.array([2]), loss=np.array([0.5])).mistakes
    array([2])
    """

    mistakes: np.ndarray
    loss: np.ndarray


def run_epoch(layer, Y, weights, step, *, eta0, order, active, start_step=0,
              penalty=None, observer=None):
    """One pass of the perceptron rule over the samples in ``order``.

    Parameters
    ----------
    layer : LinearUnits or DualUnits
        The weights, updated in place.
    Y : ndarray of shape (n_samples, n_units)
        Targets in {-1, +1}.
    weights : ndarray of shape (n_samples, n_units) or None
        Per-sample, per-unit weights multiplying the updates (class and
        sample weights); samples of zero weight never count as mistakes.
    step : Step
        The step function.
    eta0 : float
        The learning rate.
    order : ndarray of int
        The order in which to visit the samples.
    active : ndarray of bool of shape (n_units,)
        Units still learning; the others are left alone.
    start_step : int, default=0
        Number of samples processed before this epoch (for the observer).
    penalty : Penalty or None, default=None
        Regularisation applied after every sample.
    observer : SurvivalAverage, SurvivalVotes or None, default=None
        Told before any weights change.

    Returns
    -------
    result : EpochResult
        Number of updates and summed perceptron loss ``max(0, -y z)``
        (unweighted, as scikit-learn's stopping rule sums it) of each unit.

    Examples
    --------
    >>> import numpy as np
    >>> from skneural.engine.perceptron import STEPS, LinearUnits, run_epoch
    >>> X = np.array([[1.0, 1.0], [-1.0, -1.0]])
    >>> Y = np.array([[1.0], [-1.0]])
    >>> layer = LinearUnits(X, np.zeros((1, 2)), np.zeros(1), fit_intercept=False)
    >>> run_epoch(layer, Y, None, STEPS["sign"], eta0=1.0, order=np.arange(2),
    ...           active=np.array([True])).mistakes
    array([1])
    >>> layer.coef
    array([[1., 1.]])
    """
    layer.start_epoch(order)
    n_samples, n_units = len(order), Y.shape[1]
    Y, weights = Y[order], None if weights is None else weights[order]
    mistakes = np.zeros(n_units, dtype=np.int64)
    loss = np.zeros(n_units)
    every_unit = np.ones(n_units, dtype=bool)
    max_block = 1 if penalty is not None else MAX_BLOCK
    position, block = 0, min(FIRST_BLOCK, max_block)
    while position < n_samples:
        stop = min(n_samples, position + block)
        Z = layer.scores(position, stop)
        erring = step.mistakes(Z, Y[position:stop]) & active
        if weights is not None:
            erring &= weights[position:stop] > 0
        erring_rows = erring.any(axis=1)
        first = int(erring_rows.argmax())
        if not erring_rows[first]:
            if penalty is not None:
                _regularise(layer, penalty, observer, start_step + stop, every_unit)
            position, block = stop, min(2 * block, max_block)
            continue
        at = position + first
        units = erring[first]
        y = Y[at, units]
        size = 1.0 if weights is None else weights[at, units]
        if observer is not None:
            changing = units if penalty is None else every_unit
            observer.record(start_step + at + 1, changing, layer)
        if penalty is not None:
            penalty.before_update(layer)
        layer.update(at, units, eta0 * size * y)
        if penalty is not None:
            penalty.after_update(layer)
        mistakes[units] += 1
        loss[units] += np.maximum(0.0, -y * Z[first, units])
        position, block = at + 1, min(FIRST_BLOCK, max_block)
    return EpochResult(mistakes, loss)


def _regularise(layer, penalty, observer, scored, every_unit):
    """Penalty step after a sample without mistakes (all weights change)."""
    if observer is not None:
        observer.record(scored, every_unit, layer)
    penalty.before_update(layer)
    penalty.after_update(layer)

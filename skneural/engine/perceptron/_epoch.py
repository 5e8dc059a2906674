"""One epoch of the perceptron rule over a layer of threshold units."""

from functools import lru_cache
from typing import NamedTuple

import numpy as np

__all__ = ["EpochResult", "run_epoch"]

# Samples scored together: at most MAX_BLOCK, and few enough that a product
# over the block (units x block x the layer's inner_size) stays under
# PRODUCT_SIZE multiply-adds, which OpenBLAS computes on one thread (on a
# busy machine a threaded product of that size can take 30 times longer).
MAX_BLOCK = 256
MIN_BLOCK = 16
PRODUCT_SIZE = 2**19


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

    Without a penalty the weights only change on mistakes, and each unit's
    updates depend on its own weights only. So a block of upcoming samples
    is scored at once; each unit's first mistake in the block moves that
    unit's scores on the later samples of the block (through
    ``layer.shifts``), every unit at its own place, until no unit errs
    on the rest of the block; then the block's updates are applied together.
    This is exactly the sample-by-sample rule, with as many rounds per block
    as the busiest unit makes mistakes in it; the units no longer ``active``
    stay out of the blocks. A penalty changes the weights after every
    sample, so it runs sample by sample.

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
    if penalty is not None:
        layer.start_epoch(order)
        Y, sizes, learning = _visiting(Y, weights, eta0, order, slice(None))
        learning = active[:, None] if learning is None else learning & active[:, None]
        learning = np.broadcast_to(learning, Y.shape)
        return _penalised_epoch(layer, Y.T, sizes.T, learning.T, step, start_step, penalty,
                                observer)
    # the units that stopped learning stay out of the blocks
    units = None if active.all() else np.flatnonzero(active)
    layer.start_epoch(order, units)
    Y, sizes, learning = _visiting(Y, weights, eta0, order,
                                   slice(None) if units is None else units)
    mistakes = np.zeros(len(Y), dtype=np.int64)
    loss = np.zeros(len(Y))
    # sized for every unit: the same blocks (and float rounding) all along
    size = min(MAX_BLOCK, max(MIN_BLOCK, PRODUCT_SIZE // (len(active) * layer.inner_size)))
    for start in range(0, len(order), size):
        block = np.s_[:, start:start + size]
        Z = layer.start_block(start, start + size)
        erring = _scan_block(layer, Z, Y[block], sizes[block],
                             None if learning is None else learning[block], step)
        deltas = sizes[block] * erring
        if observer is not None:
            observer.record_block(start_step + start, _of_every_unit(erring, units, active),
                                  _of_every_unit(deltas, units, active), layer)
        layer.add_block(deltas)
        mistakes += erring.sum(axis=1)
        # -y z >= 0 wherever a unit errs
        loss -= (Y[block] * Z * erring).sum(axis=1)
    return EpochResult(_of_every_unit(mistakes, units, active),
                       _of_every_unit(loss, units, active))


def _visiting(Y, weights, eta0, order, units):
    """The targets, update sizes and learning mask of ``units`` in the
    order of the visit, as units x samples (a unit's samples are one
    contiguous row); the mask is None when every sample learns."""
    Y = Y.T[units].take(order, axis=1)
    if weights is None:
        return Y, eta0 * Y, None
    weights = weights.T[units].take(order, axis=1)
    learning = weights > 0
    return Y, eta0 * weights * Y, None if learning.all() else learning


def _of_every_unit(array, units, active):
    """``array`` of the epoch's ``units`` (rows), with zero rows added for
    the units left out of the epoch."""
    if units is None:
        return array
    every_unit = np.zeros((len(active), *array.shape[1:]), dtype=array.dtype)
    every_unit[units] = array
    return every_unit


def _mistakes(step, Z, Y, learning):
    """Where the units err and learn."""
    erring = step.mistakes(Z, Y)
    if learning is not None:
        erring &= learning
    return erring


def _scan_block(layer, Z, Y, sizes, learning, step):
    """The mistakes of the block, shaped like ``Z``, with ``Z`` turned in
    place into the scores each sample gets when its turn comes.

    Each round moves every unit still erring in the block past its next
    mistake; the last unit left goes on alone, on plain vectors.
    """
    erring = _mistakes(step, Z, Y, learning)
    live = np.flatnonzero(erring.any(axis=1))
    at = erring[live].argmax(axis=1)
    while len(live) > 1:
        live, at = _scan_units(layer, Z, Y, sizes, learning, step, live, at)
    if len(live):
        unit = live[0]
        _scan_unit(layer, Z[unit], Y[unit], sizes[unit],
                   None if learning is None else learning[unit], step, at[0])
    return _mistakes(step, Z, Y, learning)


def _scan_units(layer, Z, Y, sizes, learning, step, live, at):
    """Rounds of the units ``live``, just past their mistakes ``at``, until
    at most half of them err further; those and their next mistakes.

    A unit done meanwhile stays in the rounds with nothing left to visit.
    (Looking only past the earliest of the units' places saves product
    time but costs more in operations on strided arrays.)
    """
    later, last = _later(Z.shape[1]), Z.shape[1] - 1
    # where each unit's row starts in the flattened arrays (a flat take is
    # quicker than indexing with [range, at])
    row_starts = np.arange(0, len(live) * Z.shape[1], Z.shape[1])
    Z_live, Y_live, sizes_live = Z[live], Y[live], sizes[live]
    learning_live = None if learning is None else learning[live]
    while True:
        after = later.take(at, axis=0)
        shift = layer.shifts(at, sizes_live.take(row_starts + at))
        np.add(Z_live, shift, out=Z_live, where=after)
        erring = step.mistakes(Z_live, Y_live)
        erring &= after
        if learning_live is not None:
            erring &= learning_live
        at = erring.argmax(axis=1)
        erred = erring.take(row_starts + at)
        if 2 * np.count_nonzero(erred) <= len(live):
            Z[live] = Z_live
            return live[erred], at[erred]
        at = np.where(erred, at, last)  # nothing after the last position: done


@lru_cache(maxsize=4)
def _later(size):
    """``later[a, p]``: whether position ``p`` of a block of ``size``
    samples comes after position ``a`` (read-only)."""
    later = np.triu(np.ones((size, size), dtype=bool), 1)
    later.flags.writeable = False
    return later


def _scan_unit(layer, z, y, sizes, learning, step, at):
    """The rest of the block for one unit just past its mistake ``at``,
    with its scores ``z`` updated in place."""
    while at < len(z) - 1:
        start = at + 1
        rest = z[start:]
        rest += layer.shift_row(at, sizes[at], start)
        erring = _mistakes(step, rest, y[start:],
                           None if learning is None else learning[start:])
        following = erring.argmax()
        if not erring[following]:
            return
        at = start + following


def _penalised_epoch(layer, Y, sizes, learning, step, start_step, penalty, observer):
    """The epoch sample by sample: the penalty changes every weight after
    every sample."""
    n_samples, n_units = Y.shape
    mistakes = np.zeros(n_units, dtype=np.int64)
    loss = np.zeros(n_units)
    every_unit = np.ones(n_units, dtype=bool)
    for position in range(n_samples):
        z = layer.scores(position, position + 1)[0]
        units = step.mistakes(z, Y[position]) & learning[position]
        if observer is not None:
            observer.record(start_step + position + 1, every_unit, layer)
        penalty.before_update(layer)
        if units.any():
            layer.update(position, units, sizes[position, units])
            mistakes[units] += 1
            loss[units] += np.maximum(0.0, -Y[position, units] * z[units])
        penalty.after_update(layer)
    return EpochResult(mistakes, loss)

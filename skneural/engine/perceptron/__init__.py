"""Online training of a layer of threshold logic units (TLUs).

Every unit computes ``z = w . x + b`` and fires through a step function. The
perceptron rule visits the samples one at a time and, for each unit that
errs on a sample, moves that unit's weights by ``eta0 * y * x`` (``y`` in
{-1, +1}); this is Rosenblatt's ``w <- w + eta (y - y_hat) x`` written for
both step conventions. All units of the layer are updated together.

:func:`run_epoch` scores a block of upcoming samples at once and follows
each unit through its mistakes in the block by moving its scores on the
later samples, then applies the block's updates in one product: exactly
the sample-by-sample result, in a few NumPy operations per round of
mistakes rather than per sample. A penalty changes the weights after every
sample, so it runs sample by sample.

The weights live in a :class:`LinearUnits` (primal form, ``w`` stored as a
scale times a raw matrix so that L2 decay costs one multiplication) or a
:class:`DualUnits` (kernel form, one coefficient per training sample and
unit). Observers (:class:`SurvivalAverage`, :class:`SurvivalVotes`) watch
the weight changes to build the averaged and voted perceptrons.
"""

from ._epoch import EpochResult, run_epoch
from ._observers import SurvivalAverage, SurvivalVotes
from ._penalty import Penalty
from ._steps import STEPS, Step
from ._units import DualUnits, LinearUnits

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

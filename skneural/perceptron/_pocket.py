"""Gallant's pocket: the weights of the best epoch, not those of the last."""

import numpy as np
from sklearn.utils.class_weight import compute_sample_weight

from ..engine.perceptron import STEPS
from ..training import Hook

__all__ = ["Pocket"]

# Rows are scored in chunks of at most SCORING_SIZE multiply-adds. OpenBLAS
# threads products of this size well (on 2 cores, 1347 x 64 digits rows
# against 10 units take 40 us in one product, 73 us in chunks a thread
# each); past it, as on 4000 MNIST rows, chunks are quicker again.
SCORING_SIZE = 2**24


class Pocket(Hook):
    """Keeps the published weights of the epoch whose predictions erred least.

    On data that are not linearly separable the perceptron rule never
    settles: the last weights are those of wherever the final epoch left
    them. After every epoch this hook scores the data it is given with the
    estimator's published weights and keeps a copy of ``coef_`` and
    ``intercept_`` whenever they make no more mistakes than the best so far
    (Gallant, 1990, "Perceptron-based learning algorithms"). A mistake is a
    wrongly predicted label, weighted by the sample weight and by the
    estimator's ``class_weight`` of the true label; ties go to the later
    epoch, so separated data keep their last weights.

    Parameters
    ----------
    estimator : BasePerceptron
        Publishes the weights, scores inputs and decodes unit scores.
    X : {ndarray, sparse matrix} of shape (n_samples, n_features)
        The data to count mistakes on: the training data, or the held-out
        data with early stopping.
    Y : ndarray of shape (n_samples, n_units)
        Their unit targets in {-1, +1}.
    sample_weight : ndarray of shape (n_samples,) or None

    Attributes
    ----------
    mistakes : float
        The fewest mistakes of an epoch so far.
    """

    def __init__(self, estimator, X, Y, sample_weight):
        self._estimator, self._X = estimator, X
        self._fires = STEPS[estimator.step].fires
        self._labels = estimator._coder.decode(Y, self._fires)
        if estimator.class_weight is not None:
            weight = compute_sample_weight(estimator.class_weight, self._labels)
            sample_weight = weight if sample_weight is None else weight * sample_weight
        self._sample_weight = sample_weight
        self.mistakes, self._weights = np.inf, None

    def on_epoch_end(self, run):
        estimator = self._estimator
        estimator._publish(run.trainer.layer, run.trainer.observer)
        wrong = self._wrong(estimator)
        weight = self._sample_weight
        mistakes = float(wrong.sum() if weight is None else wrong @ weight)
        if mistakes <= self.mistakes:
            self.mistakes = mistakes
            self._weights = estimator.coef_.copy(), estimator.intercept_.copy()

    def _wrong(self, estimator):
        """How many labels the published weights get wrong on each sample."""
        X = self._X
        rows = max(1, SCORING_SIZE // (X.shape[1] * len(estimator.intercept_)))
        wrong = []
        for start in range(0, X.shape[0], rows):
            scores = estimator._unit_scores(X[start:start + rows])
            predicted = estimator._coder.decode(scores, self._fires)
            wrong.append(predicted != self._labels[start:start + rows])
        wrong = np.concatenate(wrong)
        return wrong.sum(axis=1) if wrong.ndim == 2 else wrong

    def apply(self):
        """Publish the kept weights (after the estimator published the last)."""
        if self._weights is not None:
            coef, intercept = self._weights
            self._estimator.coef_, self._estimator.intercept_ = coef.copy(), intercept.copy()

    def snapshot(self):
        return self.mistakes, self._weights

    def restore(self, state):
        self.mistakes, self._weights = state

"""The training run of the perceptrons and the hooks that know their attributes."""

import numpy as np

from ..engine.perceptron import STEPS, run_epoch
from ..training import Hook, TrainingRun

__all__ = ["EpochHistory", "HeldOutAccuracy", "PerceptronRun"]


class PerceptronRun(TrainingRun):
    """Epochs of the perceptron rule over one engine layer.

    As scikit-learn's SGD does, one random permutation is drawn per fit and
    applied again before each epoch; fresh permutations every epoch make the
    last weights markedly more seed-dependent.

    Parameters
    ----------
    estimator : BasePerceptron
    trainer : _PerceptronTrainer
        Holds the layer, the observer and the learning rate.
    Y : ndarray of shape (n_samples, n_units)
        Targets in {-1, +1}.
    weights : ndarray of shape (n_samples, n_units) or None
    rng : numpy.random.RandomState
    hooks : list of Hook
    active : ndarray of bool of shape (n_units,)
        The units still learning (a stopping hook updates it in place).

    Attributes
    ----------
    result : EpochResult
        The engine's account of the last epoch.
    """

    def __init__(self, estimator, trainer, Y, weights, rng, hooks, active):
        layer, observer = trainer.layer, trainer.observer
        super().__init__(estimator, [layer, observer], hooks, t=estimator.t_)
        self.trainer, self.active, self.n_samples = trainer, active, Y.shape[0]
        self._Y, self._weights = Y, weights
        self._step, self._penalty = STEPS[estimator.step], estimator._penalty(layer)
        self._order, self._reshuffle = np.arange(self.n_samples), rng.permutation(self.n_samples)
        self.result = None

    def epoch(self):
        """One pass of the perceptron rule over the training data."""
        if self.estimator.shuffle:
            self._order = self._order[self._reshuffle]
        trainer = self.trainer
        self.result = run_epoch(
            trainer.layer, self._Y, self._weights, self._step, eta0=trainer.learning_rate,
            order=self._order, active=self.active, start_step=self.t - 1,
            penalty=self._penalty, observer=trainer.observer,
        )
        self.t += self.n_samples


class EpochHistory(Hook):
    """``t_``, ``n_iter_`` and ``mistakes_curve_``, and the verbose line per epoch."""

    def __init__(self, estimator):
        self._estimator = estimator
        estimator.mistakes_curve_ = list(estimator.mistakes_curve_)
        estimator.n_iter_ = 0

    def on_epoch_end(self, run):
        estimator, result = self._estimator, run.result
        estimator.t_, estimator.n_iter_ = run.t, run.n_epochs
        estimator.mistakes_curve_.append(int(result.mistakes.sum()))
        run.logs["loss"] = loss = result.loss.sum() / run.n_samples
        if estimator.verbose:
            print(f"-- Epoch {run.n_epochs}: {estimator.mistakes_curve_[-1]} mistakes, "
                  f"avg. loss {loss:.6f}, {int(run.active.sum())} unit(s) learning")

    def snapshot(self):
        estimator = self._estimator
        return estimator.t_, estimator.n_iter_, len(estimator.mistakes_curve_)

    def restore(self, state):
        estimator = self._estimator
        estimator.t_, estimator.n_iter_, length = state
        del estimator.mistakes_curve_[length:]


class HeldOutAccuracy(Hook):
    """Each unit's accuracy and the mean perceptron loss on the held-out data.

    Parameters
    ----------
    estimator : BasePerceptron
        Publishes the weights and scores the held-out inputs.
    held_out : HeldOut

    Attributes
    ----------
    scores : ndarray of shape (n_units,)
        The last epoch's accuracy of every unit.
    """

    def __init__(self, estimator, held_out):
        self._estimator, self._held_out = estimator, held_out
        self.scores = None

    def on_epoch_end(self, run):
        estimator, held_out = self._estimator, self._held_out
        estimator._publish(run.trainer.layer, run.trainer.observer)
        z = estimator._unit_scores(held_out.X)
        fires = STEPS[estimator.step].fires(z)
        positive = held_out.Y > 0
        correct = (fires == positive).astype(np.float64)
        loss = np.maximum(0.0, np.where(positive, -z, z)).sum(axis=1)
        self.scores = np.average(correct, axis=0, weights=held_out.sample_weight)
        run.logs["val_score"] = float(np.mean(self.scores))
        run.logs["val_loss"] = float(np.average(loss, weights=held_out.sample_weight))

"""The hooks of a NumPy MLP's training run that know its fitted attributes."""

import numpy as np

from ..engine import predict
from ..training import Hook

__all__ = ["EpochHistory", "HeldOutScoring"]


class EpochHistory(Hook):
    """``n_iter_``, ``t_``, ``loss_`` and ``loss_curve_``, one entry per epoch.

    Parameters
    ----------
    estimator : estimator instance
    resume : bool
        Whether ``loss_curve_`` continues the previous fit's (a copy of it).
    """

    def __init__(self, estimator, resume):
        self._estimator = estimator
        previous = getattr(estimator, "loss_curve_", None) if resume else None
        estimator.loss_curve_ = list(previous or [])
        estimator.n_iter_ = 0

    def on_epoch_end(self, run):
        estimator = self._estimator
        estimator.n_iter_, estimator.t_, estimator.loss_ = run.n_epochs, run.t, run.loss
        estimator.loss_curve_.append(run.loss)
        run.logs["loss"] = run.loss
        if estimator.verbose:
            print(f"Iteration {run.n_epochs}, loss = {run.loss:.8f}")

    def snapshot(self):
        estimator = self._estimator
        return (estimator.n_iter_, estimator.t_, getattr(estimator, "loss_", None),
                len(estimator.loss_curve_))

    def restore(self, state):
        estimator = self._estimator
        estimator.n_iter_, estimator.t_, loss, length = state
        if loss is None:
            estimator.__dict__.pop("loss_", None)
        else:
            estimator.loss_ = loss
        del estimator.loss_curve_[length:]


class HeldOutScoring(Hook):
    """Scores the held-out data after every epoch.

    Fills ``validation_scores_``, ``validation_loss_curve_`` and
    ``best_validation_score_``, and the logs' ``val_score`` and
    ``val_loss``; with ``keep_best`` (early stopping) it keeps a copy of the
    parameters of the best epoch in ``best_params``.

    Parameters
    ----------
    estimator : estimator instance
        Scores the network's output (``_validation_score``).
    held_out : HeldOut
    spec : NetworkSpec
    keep_best : bool

    Attributes
    ----------
    score : float
        The last epoch's score.
    previous_best : float
        The best score before it.
    """

    def __init__(self, estimator, held_out, spec, keep_best):
        self._estimator, self._held_out, self._spec = estimator, held_out, spec
        self._keep_best = keep_best
        self.best_params = self.score = self.previous_best = None
        estimator.validation_scores_, estimator.validation_loss_curve_ = [], []
        estimator.best_validation_score_ = -np.inf

    def on_epoch_end(self, run):
        estimator = self._estimator
        self.score, loss = self._scores()
        estimator.validation_scores_.append(self.score)
        estimator.validation_loss_curve_.append(loss)
        run.logs["val_loss"], run.logs["val_score"] = loss, self.score
        if estimator.verbose:
            print(f"Validation score: {self.score:f}")
        self.previous_best = best = estimator.best_validation_score_
        if not self._keep_best:
            estimator.best_validation_score_ = max(best, self.score)
        elif self.score > best or self.best_params is None:
            estimator.best_validation_score_ = self.score
            self.best_params = run.params.copy()

    def _scores(self):
        estimator, held_out, spec = self._estimator, self._held_out, self._spec
        output = predict(estimator.coefs_, estimator.intercepts_, held_out.X, spec)
        if not np.isfinite(output).all():
            return np.nan, np.nan
        score = estimator._validation_score(output, held_out.Y, held_out.sample_weight)
        return score, spec.loss_function(held_out.Y, output, held_out.sample_weight)

    def snapshot(self):
        estimator = self._estimator
        return (len(estimator.validation_scores_), estimator.best_validation_score_,
                self.best_params)

    def restore(self, state):
        estimator = self._estimator
        length, estimator.best_validation_score_, self.best_params = state
        del estimator.validation_scores_[length:]
        del estimator.validation_loss_curve_[length:]

"""The mini-batch training loop: fit -> epoch -> batch, with early stopping."""

import copy
import math
import warnings

import numpy as np
import scipy.sparse as sp
from sklearn.exceptions import ConvergenceWarning

from ..engine import (
    ActivityTracker,
    L2Term,
    Workspace,
    l2_coefficient,
    loss_and_gradient,
    make_optimizer,
    predict,
    revive_dead_units,
)
from ..utils._state import TrainingDivergedError, diverged_error, warn_interrupted
from ..callbacks import Trainer
from ..training import EpochCheckpoint, FitCallbacks, TrainedArrays, hold_out

__all__ = ["StochasticTrainingMixin", "TrainingDivergedError"]


# What an epoch updates besides the weights and the optimiser, rolled back
# together with them when training is interrupted.
_BOOKKEEPING = (
    "n_iter_", "t_", "loss_", "loss_curve_", "validation_scores_",
    "validation_loss_curve_", "best_loss_", "best_validation_score_",
    "_best_params", "_no_improvement_count", "n_units_revived_", "_weight_recorder",
)


class StochasticTrainingMixin:
    """Mini-batch training with SGD or Adam for :class:`BaseNumpyMLP`."""

    def _fit_stochastic(self, X, Y, sample_weight, params, layout, spec, rng, incremental,
                        held_out=None):
        if self.early_stopping and incremental:
            raise ValueError("partial_fit does not support early_stopping=True")
        if held_out is None:
            X, Y, sample_weight, held_out = self._split_validation(X, Y, sample_weight, rng)
        self._start_curves(incremental, held_out is not None)
        batch_size = self._effective_batch_size(X.shape[0])
        optimizer = self._prepare_optimizer(params, incremental, batch_size)
        workspace = Workspace(layout, batch_size, X.dtype)
        batches = _Batches(X, Y, sample_weight, batch_size)
        self.coefs_, self.intercepts_ = layout.unpack(params)
        tracker = self._activity_tracker(layout)
        # Revival draws from its own stream so that how the data are shuffled
        # (which depends on their number) does not change the redrawn weights.
        revival_rng = np.random.RandomState(rng.randint(np.iinfo(np.int32).max))
        self.n_iter_ = 0
        run = (batches, params, layout, spec, optimizer, workspace, rng, tracker)
        callbacks = FitCallbacks(self, _NetworkTrainer(self, params, optimizer))
        try:
            callbacks.begin()
            self._run_epochs(run, revival_rng, held_out, incremental, callbacks)
            self._optimizer = optimizer
            if self.early_stopping:
                params[:] = self._best_params
            callbacks.end()
        finally:
            callbacks.detach()

    def _run_epochs(self, run, revival_rng, held_out, incremental, callbacks):
        """Train epoch after epoch until a stopping rule, a callback or Ctrl-C."""
        batches, params, layout, spec, optimizer, _, _, tracker = run
        checkpoint = EpochCheckpoint(self, _BOOKKEEPING, TrainedArrays(params, optimizer))
        for _ in range(self.max_iter):
            try:
                loss = self._fit_epoch(*run)
                if tracker is not None:
                    self._revive(params, layout, tracker, optimizer, revival_rng)
                stop = self._end_epoch(loss, params, batches.n_samples, optimizer, held_out, spec)
                checkpoint.save()
                if callbacks:
                    stop |= callbacks.epoch_end(self.n_iter_, self._epoch_logs(optimizer))
            except KeyboardInterrupt:
                checkpoint.restore()
                warn_interrupted(self.n_iter_)
                return
            if stop or incremental:
                return
        self._warn_max_iter()

    def _epoch_logs(self, optimizer):
        """What the callbacks see after an epoch."""
        logs = {"loss": self.loss_, "learning_rate": optimizer.learning_rate}
        if self.validation_scores_:
            logs["val_loss"] = self.validation_loss_curve_[-1]
            logs["val_score"] = self.validation_scores_[-1]
        return logs

    def _start_curves(self, incremental, validated):
        """Fresh curve lists, so a failed fit never touches the old ones."""
        resume = incremental or self.warm_start
        self.loss_curve_ = list(getattr(self, "loss_curve_", None) or []) if resume else []
        self.validation_scores_ = [] if validated else None
        self.validation_loss_curve_ = [] if validated else None
        self.best_validation_score_ = -np.inf if validated else None
        self._best_params = None
        if self.early_stopping:
            self.best_loss_ = None
        else:
            previous = getattr(self, "best_loss_", None) if resume else None
            self.best_loss_ = np.inf if previous is None else previous
        if not resume or not hasattr(self, "_no_improvement_count"):
            self._no_improvement_count = 0
        if not resume or not hasattr(self, "n_units_revived_"):
            self.n_units_revived_ = 0

    def _prepare_optimizer(self, params, incremental, batch_size):
        if incremental and hasattr(self, "_optimizer"):
            return copy.deepcopy(self._optimizer)
        return make_optimizer(
            self.solver,
            params.size,
            params.dtype,
            learning_rate_init=self.learning_rate_init,
            lr_schedule=self.learning_rate,
            momentum=self.momentum,
            nesterov=self.nesterovs_momentum,
            power_t=self.power_t,
            beta_1=self.beta_1,
            beta_2=self.beta_2,
            epsilon=self.epsilon,
            gradient_scale=_gradient_scale(self.alpha, batch_size),
        )

    def _split_validation(self, X, Y, sample_weight, rng):
        if not self.early_stopping:
            return X, Y, sample_weight, None
        rows, held_out = hold_out(
            X, Y, sample_weight, fraction=self.validation_fraction, rng=rng,
            stratify=self._stratification(Y),
        )
        weight = None if sample_weight is None else sample_weight[rows]
        return X[rows], Y[rows], weight, held_out

    def _activity_tracker(self, layout):
        if not (self.revive_dead_units and self.activation == "relu"):
            return None
        return ActivityTracker(layout.layer_units[1:-1])

    def _revive(self, params, layout, tracker, optimizer, rng):
        """Redraw the ReLU units that were dead throughout the last epoch.

        Revived units start afresh, so the epochs without improvement that
        their death caused no longer count towards stopping.
        """
        revived = revive_dead_units(
            params, layout, tracker.alive, self.weight_init, self.activation, rng,
            optimizer.state,
        )
        if revived:
            self.n_units_revived_ += revived
            self._no_improvement_count = 0
        tracker.reset()

    def _effective_batch_size(self, n_samples):
        if self.batch_size == "auto":
            return min(200, n_samples)
        if self.batch_size > n_samples:
            warnings.warn(
                "Got `batch_size` less than 1 or larger than sample size. It is "
                "going to be clipped"
            )
        return int(np.clip(self.batch_size, 1, n_samples))

    def _fit_epoch(self, batches, params, layout, spec, optimizer, workspace, rng, tracker):
        """One pass over the training data; returns the mean batch loss."""
        n_samples = batches.n_samples
        batch_size = workspace.activations[0].shape[0]
        order = rng.permutation(n_samples) if self.shuffle else None
        accumulated_loss = 0.0
        for start in range(0, n_samples, batch_size):
            stop = min(start + batch_size, n_samples)
            rows = slice(start, stop) if order is None else order[start:stop]
            X_batch, Y_batch, weight_batch = batches.take(rows)
            batch_loss = self._fit_batch(
                X_batch, Y_batch, weight_batch, params, layout, spec, optimizer,
                workspace, rng,
            )
            accumulated_loss += batch_loss * (stop - start)
            if tracker is not None:
                hidden = [A[: stop - start] for A in workspace.activations[:-1]]
                tracker.update(hidden, weight_batch)
        return accumulated_loss / n_samples

    def _fit_batch(self, X, Y, sample_weight, params, layout, spec, optimizer,
                   workspace, rng):
        """One gradient step; returns the batch loss.

        The optimiser adds the L2 penalty's gradient during its step, where
        the weights are in cache anyway.
        """
        scale = optimizer.gradient_scale
        loss = loss_and_gradient(
            params, layout, X, Y, sample_weight, spec, workspace, rng,
            gradient_scale=scale, penalty_gradient=False,
        )
        if not math.isfinite(loss):
            raise diverged_error(
                loss, self.n_iter_ + 1, "learning_rate_init", self.learning_rate_init
            )
        l2 = None
        if spec.alpha:
            coefficient = l2_coefficient(spec.alpha, X.shape[0], sample_weight)
            l2 = L2Term(layout.n_coef, coefficient / scale)
        optimizer.step(params, workspace.grad, l2)
        return loss

    def _end_epoch(self, loss, params, n_samples, optimizer, held_out, spec):
        """Book-keeping after an epoch; returns True when training should stop."""
        self.n_iter_ += 1
        self.t_ += n_samples
        self.loss_ = loss
        self.loss_curve_.append(loss)
        self._record_weight_stats(self.coefs_, self.intercepts_)
        if self.verbose:
            print(f"Iteration {self.n_iter_}, loss = {loss:.8f}")
        self._update_no_improvement_count(params, held_out, spec)
        optimizer.iteration_ends(self.t_)
        if self._no_improvement_count <= self.n_iter_no_change:
            return False
        stop = optimizer.trigger_stopping(self._no_improvement_message(held_out), self.verbose)
        if not stop:
            self._no_improvement_count = 0
        return stop

    def _update_no_improvement_count(self, params, held_out, spec):
        if self.early_stopping:
            score = self._score_held_out(held_out, spec)
            improved = score >= self.best_validation_score_ + self.tol
            if score > self.best_validation_score_ or self._best_params is None:
                self.best_validation_score_ = score
                self._best_params = params.copy()
        else:
            if held_out is not None:
                score = self._score_held_out(held_out, spec)
                self.best_validation_score_ = max(self.best_validation_score_, score)
            last = self.loss_curve_[-1]
            improved = last <= self.best_loss_ - self.tol
            self.best_loss_ = min(self.best_loss_, last)
        self._no_improvement_count = 0 if improved else self._no_improvement_count + 1

    def _score_held_out(self, held_out, spec):
        output = predict(self.coefs_, self.intercepts_, held_out.X, spec)
        if np.isfinite(output).all():
            score = self._validation_score(output, held_out.Y, held_out.sample_weight)
            loss = spec.loss_function(held_out.Y, output, held_out.sample_weight)
        else:
            score = loss = np.nan
        self.validation_scores_.append(score)
        self.validation_loss_curve_.append(loss)
        if self.verbose:
            print(f"Validation score: {score:f}")
        return score

    def _no_improvement_message(self, held_out):
        what = "Validation score" if self.early_stopping else "Training loss"
        return (
            f"{what} did not improve more than tol={self.tol:f} for "
            f"{self.n_iter_no_change} consecutive epochs."
        )

    def _warn_max_iter(self):
        warnings.warn(
            f"Stochastic Optimizer: Maximum iterations ({self.max_iter}) reached and "
            "the optimization hasn't converged yet. Increase max_iter, or check "
            "that the inputs are scaled (e.g. with StandardScaler).",
            ConvergenceWarning,
        )


def _gradient_scale(alpha, batch_size):
    """The scale of the gradients handed to the optimiser.

    Gradients divided by the L2 coefficient of a full batch make the
    penalty's gradient the weights themselves: one addition per weight.
    Below 1e-10 the divided gradients' squares (Adam's second moment) could
    leave float32's range, so tiny penalties keep unscaled gradients.
    """
    coefficient = l2_coefficient(alpha, batch_size)
    return coefficient if coefficient >= 1e-10 else 1.0


class _NetworkTrainer(Trainer):
    """The :class:`~skneural.callbacks.Trainer` of a NumPy MLP's fit.

    The weights are ``coefs_`` and ``intercepts_``, views of the flat
    parameter vector; the learning rate is the optimiser's.
    """

    def __init__(self, estimator, params, optimizer):
        self.estimator, self._params, self._optimizer = estimator, params, optimizer

    @property
    def learning_rate(self):
        return self._optimizer.learning_rate

    @learning_rate.setter
    def learning_rate(self, value):
        self._optimizer.set_learning_rate(value)

    def _arrays(self):
        return [*self.estimator.coefs_, *self.estimator.intercepts_]

    def get_weights(self):
        return [array.copy() for array in self._arrays()]

    def set_weights(self, weights):
        for array, saved in zip(self._arrays(), weights, strict=True):
            array[...] = saved

    def fitted_copy(self):
        return copy.deepcopy(self.estimator)


class _Batches:
    """Gathers the rows of a batch of ``X``, ``Y`` and the sample weights into
    buffers allocated once per fit (sparse ``X`` is sliced instead)."""

    def __init__(self, X, Y, sample_weight, batch_size):
        self.n_samples = X.shape[0]
        self._arrays = (X, Y, sample_weight)
        self._buffers = [
            None if array is None or sp.issparse(array)
            else np.empty((batch_size, *array.shape[1:]), array.dtype)
            for array in self._arrays
        ]

    def take(self, rows):
        """``(X, Y, sample_weight)`` of the batch ``rows`` (a slice or indices)."""
        return tuple(
            None if array is None else _take_rows(array, rows, out)
            for array, out in zip(self._arrays, self._buffers)
        )


def _take_rows(array, rows, out):
    """Rows of ``array``, copied into ``out`` unless ``rows`` is a slice or
    ``array`` is sparse (``out`` None)."""
    if out is None or isinstance(rows, slice):
        return array[rows]
    # The rows come from a permutation, so they are in bounds; mode="clip"
    # spares NumPy the extra buffered copy that mode="raise" makes with out.
    return np.take(array, rows, axis=0, out=out[: len(rows)], mode="clip")

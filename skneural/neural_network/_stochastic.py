"""The mini-batch training of the NumPy MLPs: one training run with hooks."""

import copy
import math
import warnings

import numpy as np
import scipy.sparse as sp
from sklearn.exceptions import ConvergenceWarning

from ..callbacks import Trainer
from ..engine import TrainingStep, make_network_optimizer
from ..training import (
    CallbackHook,
    Checkpoint,
    FitCallbacks,
    Revival,
    StallStopping,
    TrainedArrays,
    TrainingRun,
    hold_out,
    take_rows,
)
from ..utils._state import TrainingDivergedError, diverged_error
from ._hooks import EpochHistory, HeldOutScoring

__all__ = ["StochasticTrainingMixin", "TrainingDivergedError"]


class StochasticTrainingMixin:
    """Mini-batch training with SGD or Adam for :class:`BaseNumpyMLP`."""

    def _fit_stochastic(self, X, Y, sample_weight, params, layout, spec, rng, incremental,
                        held_out=None, recorder=None):
        if self.early_stopping and incremental:
            raise ValueError("partial_fit does not support early_stopping=True")
        if held_out is None:
            X, Y, sample_weight, held_out = self._split_validation(X, Y, sample_weight, rng)
        batch_size = self._effective_batch_size(X.shape[0])
        optimizer = self._prepare_optimizer(params, spec, incremental, batch_size)
        self.coefs_, self.intercepts_ = layout.unpack(params)
        # Revival draws from its own stream so that how the data are shuffled
        # (which depends on their number) does not change the redrawn weights.
        # Its seed is read off a copy of ``rng``: the shuffles then draw from
        # ``rng`` exactly as scikit-learn's do, the same orders for a seed.
        revival_rng = np.random.RandomState(copy.deepcopy(rng).randint(np.iinfo(np.int32).max))
        callbacks = FitCallbacks(self, _NetworkTrainer(self, params, optimizer))
        scoring = None if held_out is None else HeldOutScoring(
            self, held_out, spec, keep_best=self.early_stopping
        )
        hooks = self._hooks(layout, optimizer, scoring, recorder, revival_rng,
                            incremental or self.warm_start, callbacks)
        run = _NetworkRun(self, params, optimizer, TrainingStep(layout, spec, batch_size, X.dtype),
                          _Batches(X, Y, sample_weight, batch_size), rng, hooks)
        try:
            callbacks.begin()
            if not run.train(1 if incremental else self.max_iter) and not incremental:
                self._warn_max_iter()
            self._optimizer = optimizer
            if self.early_stopping and scoring.best_params is not None:
                params[:] = scoring.best_params
            callbacks.end()
        finally:
            callbacks.detach()

    def _hooks(self, layout, optimizer, scoring, recorder, rng, resume, callbacks):
        """The hooks of a run, in the order they act after an epoch."""
        if not resume or not hasattr(self, "n_units_revived_"):
            self.n_units_revived_ = 0
        if scoring is None:
            self.validation_scores_ = self.validation_loss_curve_ = None
            self.best_validation_score_ = None
        stall = StallStopping(self, optimizer, resume, scoring if self.early_stopping else None)
        revival = None
        if self.revive_dead_units and self.activation == "relu":
            revival = Revival(self, layout, rng, stall)
        hooks = [revival, EpochHistory(self, resume), recorder, scoring, stall, Checkpoint(),
                 CallbackHook(callbacks) if callbacks else None]
        return [hook for hook in hooks if hook is not None]

    def _prepare_optimizer(self, params, spec, incremental, batch_size):
        if incremental and hasattr(self, "_optimizer"):
            return copy.deepcopy(self._optimizer)
        return make_network_optimizer(
            self.solver,
            params.size,
            params.dtype,
            alpha=spec.alpha,
            batch_size=batch_size,
            learning_rate_init=self.learning_rate_init,
            lr_schedule=self.learning_rate,
            momentum=self.momentum,
            nesterov=self.nesterovs_momentum,
            power_t=self.power_t,
            beta_1=self.beta_1,
            beta_2=self.beta_2,
            epsilon=self.epsilon,
        )

    def _split_validation(self, X, Y, sample_weight, rng):
        if not self.early_stopping:
            return X, Y, sample_weight, None
        rows, held_out = hold_out(
            X, Y, sample_weight, fraction=self.validation_fraction, rng=rng,
            stratify=self._stratification(Y),
        )
        return (*take_rows(rows, X, Y, sample_weight), held_out)

    def _effective_batch_size(self, n_samples):
        if self.batch_size == "auto":
            return min(200, n_samples)
        if self.batch_size > n_samples:
            warnings.warn(
                "Got `batch_size` less than 1 or larger than sample size. It is "
                "going to be clipped"
            )
        return int(np.clip(self.batch_size, 1, n_samples))

    def _warn_max_iter(self):
        warnings.warn(
            f"Stochastic Optimizer: Maximum iterations ({self.max_iter}) reached and "
            "the optimization hasn't converged yet. Increase max_iter, or check "
            "that the inputs are scaled (e.g. with StandardScaler).",
            ConvergenceWarning,
        )


class _NetworkRun(TrainingRun):
    """The training run of a NumPy MLP: mini-batch epochs over flat parameters.

    Parameters
    ----------
    estimator : BaseNumpyMLP
    params : ndarray
        The flat parameter vector, trained in place.
    optimizer : SGD or Adam
    step : TrainingStep
        The engine's gradient step, with its buffers.
    batches : _Batches
        The training data.
    rng : numpy.random.RandomState
        Shuffles the data and draws the dropout masks.
    hooks : list of Hook
        Hooks with an ``on_batch_end(run, n_samples, sample_weight)`` method
        are also called after every batch.

    Attributes
    ----------
    loss : float
        The mean batch loss of the last epoch.
    """

    def __init__(self, estimator, params, optimizer, step, batches, rng, hooks):
        super().__init__(estimator, [TrainedArrays(params, optimizer)], hooks, t=estimator.t_)
        self.params, self.optimizer, self.step = params, optimizer, step
        self._batches, self._rng = batches, rng
        self._order = None  # the last epoch's order of the samples
        self._batch_hooks = [hook for hook in self.hooks if hasattr(hook, "on_batch_end")]
        self.loss = None

    def epoch(self):
        """One pass over the training data, in batches."""
        batches, n_samples = self._batches, self._batches.n_samples
        order = self._next_order(n_samples) if self.estimator.shuffle else None
        accumulated_loss = 0.0
        for start in range(0, n_samples, batches.batch_size):
            stop = min(start + batches.batch_size, n_samples)
            rows = slice(start, stop) if order is None else order[start:stop]
            accumulated_loss += self.batch(*batches.take(rows)) * (stop - start)
        self.t += n_samples
        self.optimizer.iteration_ends(self.t)
        self.loss = accumulated_loss / n_samples

    def _next_order(self, n_samples):
        """The order of this epoch: the previous one, shuffled again, as
        scikit-learn's MLPs do, so that a seed gives their orders."""
        shuffled = self._rng.permutation(n_samples)
        self._order = shuffled if self._order is None else self._order[shuffled]
        return self._order

    def batch(self, X, Y, sample_weight):
        """One gradient step; returns the batch loss."""
        loss = self.step(self.params, self.optimizer, X, Y, sample_weight, self._rng)
        if not math.isfinite(loss):
            rate = self.estimator.learning_rate_init
            raise diverged_error(loss, self.n_epochs + 1, "learning_rate_init", rate)
        for hook in self._batch_hooks:
            hook.on_batch_end(self, X.shape[0], sample_weight)
        return loss


class _NetworkTrainer(Trainer):
    """The :class:`~skneural.callbacks.Trainer` of a NumPy MLP's fit.

    The weights are ``coefs_`` and ``intercepts_``, views of the flat
    parameter vector; the learning rate is the optimiser's nominal rate
    (SGD's current step size, Adam's rate before its bias correction).
    """

    def __init__(self, estimator, params, optimizer):
        self.estimator, self._params, self._optimizer = estimator, params, optimizer

    @property
    def learning_rate(self):
        return self._optimizer.nominal_learning_rate

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
        self.n_samples, self.batch_size = X.shape[0], batch_size
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

"""What every trained perceptron shares: parameters, validation, the epoch
loop with its two stopping rules, and prediction from the unit scores."""

import copy
import warnings
from abc import ABC, abstractmethod
from numbers import Integral, Real

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.exceptions import ConvergenceWarning
from sklearn.utils import check_random_state
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import check_is_fitted, column_or_1d, validate_data

from ..engine.perceptron import STEPS, LinearUnits
from ..utils._persistence import VersionedStateMixin
from ..utils._sklearn import Interval, StrOptions, _check_sample_weight
from ..callbacks import Trainer
from ..callbacks._sklearn_bridge import CallbackSupportMixin, fit_task
from ..training import (
    CallbackHook,
    Checkpoint,
    FitCallbacks,
    UnitStopping,
    combined_sample_weight,
    hold_out,
    take_rows,
)
from ._perceptron_run import EpochHistory, HeldOutAccuracy, PerceptronRun
from ._perceptron_targets import TargetCoder
from ._pocket import Pocket

__all__ = ["BasePerceptron", "PrimalLayerMixin"]

_PROBABILITY_METHODS = ("predict_proba", "predict_log_proba")


class BasePerceptron(
    VersionedStateMixin, CallbackSupportMixin, ClassifierMixin, BaseEstimator, ABC
):
    """Base class of the perceptrons trained by the perceptron rule.

    Warning: this class should not be used directly; use the derived
    classes. Subclasses provide the weights (``_new_layer``), publish the
    fitted attributes (``_publish``) and score new data (``_unit_scores``).
    """

    _parameter_constraints: dict = {
        "step": [StrOptions(set(STEPS))],
        "fit_intercept": ["boolean"],
        "max_iter": [Interval(Integral, 1, None, closed="left")],
        "tol": [Interval(Real, 0, None, closed="left"), None],
        "shuffle": ["boolean"],
        "verbose": ["verbose"],
        "callbacks": [list, None],
        "eta0": [Interval(Real, 0, None, closed="neither")],
        "random_state": ["random_state"],
        "early_stopping": ["boolean"],
        "validation_fraction": [Interval(Real, 0, 1, closed="neither")],
        "n_iter_no_change": [Interval(Integral, 1, None, closed="left")],
        "class_weight": [StrOptions({"balanced"}), dict, list, None],
    }

    # -- hooks -------------------------------------------------------------------

    @abstractmethod
    def _publish(self, layer, observer):
        """Set the fitted attributes from the trained ``layer``."""

    @abstractmethod
    def _unit_scores(self, X):
        """Scores ``z`` of every unit on validated ``X``: (n_samples, n_units)."""

    def _new_observer(self, n_units, n_features, dtype):
        """An engine observer of the weight changes, or None."""
        return None

    def _penalty(self, layer):
        """The engine's per-sample regularisation, or None."""
        return None

    def _can_resume(self, incremental):
        """Whether this call continues the previous fit."""
        return False

    def _keeps_pocket(self):
        """Whether ``fit`` keeps the weights of the best epoch (``pocket``)."""
        return False

    @abstractmethod
    def _new_layer(self, X, n_units, coef_init, intercept_init):
        """Fresh engine weights for training on ``X``."""

    # -- fitting -------------------------------------------------------------------

    @fit_task
    def _fit(self, X, y, sample_weight, *, incremental, classes=None,
             coef_init=None, intercept_init=None):
        resume = self._can_resume(incremental) and hasattr(self, "_coder")
        X, y = validate_data(
            self, X, y, accept_sparse="csr", multi_output=True,
            dtype=(np.float64, np.float32), reset=not resume,
        )
        if y.ndim == 2 and y.shape[1] == 1:
            y = column_or_1d(y, warn=True)
        check_classification_targets(y)
        coder = self._coder if resume else TargetCoder(y, classes)
        Y = coder.encode(y)
        if sample_weight is not None:
            sample_weight = _check_sample_weight(
                sample_weight, X, dtype=np.float64, ensure_non_negative=True
            )
        weights = self._update_weights(coder, y, sample_weight)
        rng = check_random_state(self.random_state)
        X, Y, weights, held_out = self._split_validation(
            X, Y, y, weights, sample_weight, rng, incremental
        )
        if resume:
            # a copy, so that a failing call leaves the fitted state as it was
            layer, observer = self._resumed_layer(X), copy.deepcopy(self._observer)
        else:
            layer = self._new_layer(X, coder.n_units, coef_init, intercept_init)
            observer = self._new_observer(coder.n_units, X.shape[1], X.dtype)
            self.t_ = 1
            self.mistakes_curve_ = []
        self._coder, self.classes_ = coder, coder.classes_
        self._observer = observer
        callbacks = FitCallbacks(self, _PerceptronTrainer(self, layer, observer))
        pocket = self._pocket(X, Y, sample_weight, held_out, incremental)
        run = self._training_run(Y, weights, rng, held_out, incremental, callbacks, pocket)
        try:
            callbacks.begin()
            if not run.train(1 if incremental else self.max_iter) and not incremental:
                self._warn_not_converged()
            self._publish_fitted(layer, observer, pocket)
            if callbacks:
                self._end_callbacks(callbacks, layer, observer, pocket)
        finally:
            callbacks.detach()
        return self

    def _update_weights(self, coder, y, sample_weight):
        """Sample times class weights per unit, or None when all are 1."""
        class_weight = None
        if self.class_weight is not None:
            class_weight = coder.unit_weights(y, self.class_weight)
        elif sample_weight is not None:
            class_weight = np.ones((len(sample_weight), coder.n_units))
        return combined_sample_weight(sample_weight, class_weight)

    def _split_validation(self, X, Y, y, weights, sample_weight, rng, incremental):
        if not self.early_stopping or incremental:
            return X, Y, weights, None
        rows, held_out = hold_out(
            X, Y, sample_weight, fraction=self.validation_fraction, rng=rng,
            stratify=None if y.ndim == 2 else y,
        )
        return (*take_rows(rows, X, Y, weights), held_out)

    def _pocket(self, X, Y, sample_weight, held_out, incremental):
        """The :class:`Pocket` of this fit (on the held-out data when there are
        some), or None: ``partial_fit`` runs one epoch and keeps it."""
        if incremental or not self._keeps_pocket():
            return None
        if held_out is not None:
            return Pocket(self, held_out.X, held_out.Y, held_out.sample_weight)
        return Pocket(self, X, Y, sample_weight)

    def _end_callbacks(self, callbacks, layer, observer, pocket):
        """Tell the callbacks the fit ended; weights they set win over the pocket's."""
        before = callbacks.trainer.get_weights()
        callbacks.end()
        after = callbacks.trainer.get_weights()
        changed = any(not np.array_equal(old, new) for old, new in zip(before, after))
        self._publish_fitted(layer, observer, None if changed else pocket)

    def _publish_fitted(self, layer, observer, pocket):
        """Publish the last weights, then the pocket's when there is one."""
        self._publish(layer, observer)
        if pocket is not None:
            pocket.apply()

    def _training_run(self, Y, weights, rng, held_out, incremental, callbacks, pocket):
        """The run of this fit, with its hooks in the order they act."""
        n_samples, n_units = Y.shape
        scoring = None if held_out is None else HeldOutAccuracy(self, held_out)
        stopping = None if incremental else UnitStopping(
            n_units, self.tol, self.n_iter_no_change, n_samples, scoring
        )
        hooks = [EpochHistory(self), scoring, pocket, stopping, Checkpoint(),
                 CallbackHook(callbacks) if callbacks else None]
        active = np.ones(n_units, dtype=bool) if stopping is None else stopping.active
        return PerceptronRun(self, callbacks.trainer, Y, weights, rng,
                             [hook for hook in hooks if hook is not None], active)

    def _warn_not_converged(self):
        warnings.warn(
            f"Maximum number of iterations ({self.max_iter}) reached with "
            f"{self.mistakes_curve_[-1]} training mistake(s) in the last epoch: "
            "the data may not be linearly separable (a perceptron cannot learn "
            "XOR, for instance). Increase max_iter, or for non-linear problems "
            "use KernelPerceptron or NumpyMLPClassifier.",
            ConvergenceWarning,
        )

    # -- prediction ------------------------------------------------------------------

    def _validated_scores(self, X):
        check_is_fitted(self)
        X = validate_data(
            self, X, accept_sparse="csr", reset=False, dtype=(np.float64, np.float32)
        )
        return self._unit_scores(X)

    def decision_function(self, X):
        """Signed scores of the threshold units.

        Parameters
        ----------
        X : {array-like, sparse matrix} of shape (n_samples, n_features)
            The input samples.

        Returns
        -------
        scores : ndarray of shape (n_samples,), (n_samples, n_units) or list
            For a binary problem, the score of the positive class
            ``classes_[1]`` (positive means that class is predicted); for a
            multiclass problem, one column per class; for multilabel ``y``,
            one column per label; for multi-output ``y`` with more than two
            classes in some output, a list of one such array per output.
        """
        scores = self._validated_scores(X)
        return self._coder.decision(scores)

    def predict(self, X):
        """Predict class labels for samples in X.

        Parameters
        ----------
        X : {array-like, sparse matrix} of shape (n_samples, n_features)
            The input samples.

        Returns
        -------
        y_pred : ndarray of shape (n_samples,) or (n_samples, n_outputs)
            The predicted labels: the class whose unit fires (binary), has
            the highest score (one-vs-rest), or one label per output.
        """
        scores = self._validated_scores(X)
        return self._coder.decode(scores, STEPS[self.step].fires)

    def __getattr__(self, name):
        if name in _PROBABILITY_METHODS:
            raise AttributeError(
                f"{type(self).__name__} has no {name}: threshold units give hard "
                "decisions, not class probabilities. Use decision_function for "
                "scores, wrap the model in sklearn.calibration.CalibratedClassifierCV, "
                "or use NumpyMLPClassifier (logistic outputs)."
            )
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.sparse = True
        tags.target_tags.multi_output = True
        tags.classifier_tags.multi_label = True
        return tags


class _PerceptronTrainer(Trainer):
    """The :class:`~skneural.callbacks.Trainer` of a perceptron's fit.

    The weights are the engine layer's, followed by the observer's record
    (averages, votes) when there is one; the learning rate starts at
    ``eta0`` and applies from the next epoch on.
    """

    def __init__(self, estimator, layer, observer):
        self.estimator, self.layer, self.observer = estimator, layer, observer
        self.learning_rate = estimator.eta0

    @property
    def learning_rate(self):
        return self._learning_rate

    @learning_rate.setter
    def learning_rate(self, value):
        self._learning_rate = float(value)

    def get_weights(self):
        # The observer's record (averages, votes) is part of the fitted model.
        observed = () if self.observer is None else self.observer.snapshot()
        return [*self.layer.get_weights(), *map(np.asarray, observed)]

    def set_weights(self, weights):
        n_layer = len(self.layer.get_weights())
        self.layer.set_weights(weights[:n_layer])
        if self.observer is not None:
            self.observer.restore(tuple(weights[n_layer:]))

    def fitted_copy(self):
        self.estimator._publish(self.layer, self.observer)
        return copy.deepcopy(self.estimator)


class PrimalLayerMixin:
    """Weights ``coef_`` and ``intercept_`` over the input features."""

    def _new_layer(self, X, n_units, coef_init, intercept_init):
        coef = np.zeros((n_units, X.shape[1])) if coef_init is None else coef_init
        intercept = np.zeros(n_units) if intercept_init is None else intercept_init
        coef = np.asarray(coef, dtype=X.dtype)
        intercept = np.asarray(intercept, dtype=X.dtype).reshape(-1)
        if coef.shape != (n_units, X.shape[1]) or intercept.shape != (n_units,):
            raise ValueError(
                "Provided coef_init and intercept_init must have shapes "
                f"{(n_units, X.shape[1])} and {(n_units,)}; got {coef.shape} and "
                f"{intercept.shape}."
            )
        return LinearUnits(X, coef, intercept, self.fit_intercept)

    def _resumed_layer(self, X):
        coef, intercept = self._training_weights
        return LinearUnits(X, coef, intercept, self.fit_intercept)

    def _publish(self, layer, observer):
        """Publish the last weights, and remember them for resuming."""
        self.coef_, self.intercept_ = layer.coef, layer.intercept.copy()
        self._training_weights = (layer.coef, layer.intercept.copy())

    def _unit_scores(self, X):
        # (``@`` gives an ndarray for CSR input too; safe_sparse_dot's array
        # API dispatch costs as much as the product itself on small data,
        # and the pocket scores the training data after every epoch)
        return X @ self.coef_.T + self.intercept_

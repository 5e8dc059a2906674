"""What the NumPy MLP classifier and regressor share: parameters, validation,
initialisation, the L-BFGS path and prediction."""

import warnings
from abc import ABC, abstractmethod
from numbers import Integral, Real

import numpy as np
from sklearn.base import BaseEstimator
from sklearn.exceptions import ConvergenceWarning
from sklearn.utils import check_random_state
from sklearn.utils.validation import check_is_fitted, validate_data

from ..engine import (
    HIDDEN_ACTIVATIONS,
    INITIALIZERS,
    Layout,
    NetworkSpec,
    Workspace,
    initialize_parameters,
    loss_and_gradient,
    minimize_lbfgs,
    predict,
)
from ..utils._sklearn import (
    Interval,
    Options,
    StrOptions,
    _check_sample_weight,
    _fit_context,
)
from ..callbacks._sklearn_bridge import CallbackSupportMixin, fit_task
from ..training import HeldOut, WeightStatsRecorder
from ..utils._persistence import VersionedStateMixin
from ..utils._state import restore_on_failure
from ..utils._validation import validated_hidden_layer_sizes
from ._stochastic import StochasticTrainingMixin

__all__ = ["BaseNumpyMLP", "is_stochastic"]


def is_stochastic(estimator):
    """``available_if`` check: partial_fit needs a stochastic solver."""
    if estimator.solver == "lbfgs":
        raise AttributeError(
            "partial_fit is only available for stochastic optimizers. "
            f"{estimator.solver} is not stochastic."
        )
    return True


class BaseNumpyMLP(
    VersionedStateMixin, CallbackSupportMixin, StochasticTrainingMixin, BaseEstimator, ABC
):
    """Base class of the NumPy multi-layer perceptrons.

    Warning: this class should not be used directly; use
    :class:`NumpyMLPClassifier` or :class:`NumpyMLPRegressor`.
    """

    _parameter_constraints: dict = {
        "hidden_layer_sizes": ["array-like", Interval(Integral, 1, None, closed="left")],
        "activation": [StrOptions(set(HIDDEN_ACTIVATIONS))],
        "solver": [StrOptions({"lbfgs", "sgd", "adam"})],
        "alpha": [Interval(Real, 0, None, closed="left")],
        "batch_size": [StrOptions({"auto"}), Interval(Integral, 1, None, closed="left")],
        "learning_rate": [StrOptions({"constant", "invscaling", "adaptive"})],
        "learning_rate_init": [Interval(Real, 0, None, closed="neither")],
        "power_t": [Interval(Real, 0, None, closed="left")],
        "max_iter": [Interval(Integral, 1, None, closed="left")],
        "shuffle": ["boolean"],
        "random_state": ["random_state"],
        "tol": [Interval(Real, 0, None, closed="left")],
        "verbose": ["verbose"],
        "callbacks": [list, None],
        "warm_start": ["boolean"],
        "momentum": [Interval(Real, 0, 1, closed="both")],
        "nesterovs_momentum": ["boolean"],
        "early_stopping": ["boolean"],
        "validation_fraction": [Interval(Real, 0, 1, closed="left")],
        "beta_1": [Interval(Real, 0, 1, closed="left")],
        "beta_2": [Interval(Real, 0, 1, closed="left")],
        "epsilon": [Interval(Real, 0, None, closed="neither")],
        "n_iter_no_change": [
            Interval(Integral, 1, None, closed="left"),
            Options(Real, {np.inf}),
        ],
        "max_fun": [Interval(Integral, 1, None, closed="left")],
        "dropout": [Interval(Real, 0, 1, closed="left")],
        "weight_init": [StrOptions(set(INITIALIZERS))],
        "revive_dead_units": ["boolean"],
        "weight_percentiles": ["array-like", None],
    }

    # -- hooks for the classifier and the regressor ---------------------------

    @abstractmethod
    def _validate_input(self, X, y, sample_weight, incremental, reset):
        """Validate the data; return ``X``, 2-D targets and sample weights."""

    @abstractmethod
    def _output_layer(self, Y):
        """Return the output activation and the loss name for targets ``Y``."""

    @abstractmethod
    def _validation_score(self, output, Y, sample_weight):
        """Score the network ``output`` against held-out targets ``Y``."""

    def _stratification(self, Y):
        """Labels to stratify the early-stopping split on, or None."""
        return None

    def _record_targets(self, Y, sample_weight, first_pass):
        """Note what prediction needs to know of the training targets."""

    # -- fitting ---------------------------------------------------------------

    @_fit_context(prefer_skip_nested_validation=True)
    @restore_on_failure
    def fit(self, X, y, sample_weight=None, *, X_val=None, y_val=None):
        """Fit the model to data matrix X and target(s) y.

        Parameters
        ----------
        X : {array-like, sparse matrix} of shape (n_samples, n_features)
            The input data.

        y : array-like of shape (n_samples,) or (n_samples, n_outputs)
            The target values: class labels (or a label indicator matrix for
            multilabel classification), or real numbers for regression.

        sample_weight : array-like of shape (n_samples,), default=None
            Sample weights.

        X_val : {array-like, sparse matrix} of shape (n_val_samples, n_features), \
default=None
            Held-out inputs, scored after every epoch of a stochastic solver
            into ``validation_scores_`` and ``validation_loss_curve_`` and
            passed to the callbacks as ``val_score`` and ``val_loss``. With
            ``early_stopping=True`` they replace the ``validation_fraction``
            split. Not in scikit-learn.

        y_val : array-like of shape (n_val_samples,) or (n_val_samples, n_outputs), \
default=None
            Their targets (for a classifier, among the classes of ``y``).

        Returns
        -------
        self : object
            The fitted estimator.
        """
        return self._fit(
            X, y, sample_weight=sample_weight, incremental=False, validation=(X_val, y_val)
        )

    def _held_out(self, X_val, y_val):
        """The user's held-out data, validated like the training data, or None."""
        if X_val is None and y_val is None:
            return None
        if X_val is None or y_val is None:
            raise ValueError("X_val and y_val must be given together.")
        if self.solver == "lbfgs":
            raise ValueError(
                "X_val and y_val need a stochastic solver: 'lbfgs' has no epochs to "
                "score. Use solver='adam' or 'sgd'."
            )
        X_val, Y_val, weight = self._validate_input(
            X_val, y_val, None, incremental=True, reset=False
        )
        return HeldOut(X_val, Y_val, weight)

    @fit_task
    def _fit(self, X, y, sample_weight=None, incremental=False, validation=(None, None)):
        if self.solver == "lbfgs" and self.dropout > 0:
            raise ValueError(
                "dropout needs a stochastic solver: L-BFGS minimises a deterministic "
                f"full-batch loss. Use solver='adam' or 'sgd', or dropout=0 "
                f"(got dropout={self.dropout})."
            )
        hidden_layer_sizes = validated_hidden_layer_sizes(self.hidden_layer_sizes)
        first_pass = not hasattr(self, "coefs_") or (
            not self.warm_start and not incremental
        )
        X, Y, sample_weight = self._validate_input(
            X, y, sample_weight, incremental, reset=first_pass
        )
        self._record_targets(Y, sample_weight, first_pass)
        held_out = self._held_out(*validation)
        rng = check_random_state(self.random_state)
        layout = Layout([X.shape[1], *hidden_layer_sizes, Y.shape[1]])
        if first_pass:
            params = self._initialize(Y, layout, X.dtype, rng)
        else:
            params = self._resume(layout, X.dtype)
        spec = self._network_spec()
        recorder = self._start_weight_stats(layout, first_pass)
        with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
            if self.solver == "lbfgs":
                params = self._fit_lbfgs(X, Y, sample_weight, params, layout, spec, recorder)
            else:
                self._fit_stochastic(
                    X, Y, sample_weight, params, layout, spec, rng, incremental, held_out,
                    recorder,
                )
        if not np.isfinite(params).all():
            raise ValueError(
                "Solver produced non-finite parameter weights. The input data may "
                "contain large values and need to be preprocessed (e.g. with "
                "StandardScaler), or learning_rate_init may be too large."
            )
        self.coefs_, self.intercepts_ = layout.unpack(params)
        self.weight_stats_ = None if recorder is None else recorder.result()
        return self

    def _start_weight_stats(self, layout, first_pass):
        """A recorder of ``weight_stats_``, or None when not asked for."""
        if self.weight_percentiles is None:
            return None
        percentiles = np.asarray(self.weight_percentiles, dtype=float).ravel()
        if percentiles.size == 0 or not np.all((percentiles >= 0) & (percentiles <= 100)):
            raise ValueError(
                "weight_percentiles must be a non-empty list of numbers in [0, 100], "
                f"got {self.weight_percentiles!r}."
            )
        previous = None if first_pass else getattr(self, "weight_stats_", None)
        return WeightStatsRecorder(percentiles, len(layout.coef_shapes), previous)

    def _check_sample_weight(self, sample_weight, X):
        if sample_weight is None:
            return None
        return _check_sample_weight(sample_weight, X, dtype=X.dtype, ensure_non_negative=True)

    def _initialize(self, Y, layout, dtype, rng):
        self.n_iter_ = 0
        self.t_ = 0
        self.n_outputs_ = Y.shape[1]
        self.n_layers_ = len(layout.layer_units)
        self.out_activation_, self._loss = self._output_layer(Y)
        if hasattr(self, "_optimizer"):
            del self._optimizer
        return initialize_parameters(layout, self.weight_init, self.activation, rng, dtype)

    def _resume(self, layout, dtype):
        shapes = [coef.shape for coef in self.coefs_]
        if shapes != layout.coef_shapes:
            raise ValueError(
                f"The network has layers of shapes {shapes} but the data and "
                f"hidden_layer_sizes call for {layout.coef_shapes}; "
                "warm_start and partial_fit cannot change the architecture."
            )
        return layout.pack(self.coefs_, self.intercepts_, dtype)

    def _network_spec(self):
        return NetworkSpec(
            hidden_activation=self.activation,
            output_activation=self.out_activation_,
            loss=self._loss,
            alpha=self.alpha,
            dropout=self.dropout,
            **self._loss_parameters(),
        )

    def _loss_parameters(self):
        """Extra keyword arguments of :class:`NetworkSpec` for the loss."""
        return {}

    def _fit_lbfgs(self, X, Y, sample_weight, params, layout, spec, recorder):
        workspace = Workspace(layout, X.shape[0], X.dtype)

        def objective(flat):
            loss = loss_and_gradient(flat, layout, X, Y, sample_weight, spec, workspace)
            return loss, workspace.grad

        def record(flat):
            recorder.record(*layout.unpack(flat))

        result = minimize_lbfgs(
            objective,
            params,
            max_iter=self.max_iter,
            max_fun=self.max_fun,
            tol=self.tol,
            verbose=self.verbose,
            callback=None if recorder is None else record,
        )
        if result.status != 0:
            warnings.warn(
                f"lbfgs failed to converge after {result.nit} iteration(s) "
                f"(status={result.status}): {result.message}. Increase max_iter "
                "(and max_fun) or scale the data, e.g. with StandardScaler.",
                ConvergenceWarning,
            )
        self.n_iter_ = result.nit
        self.loss_ = float(result.fun)
        self.loss_curve_ = result.loss_curve
        return result.x

    # -- prediction --------------------------------------------------------------

    def _forward_pass_fast(self, X):
        """Output of the network for ``X`` (after the output activation)."""
        check_is_fitted(self)
        X = validate_data(
            self, X, accept_sparse=["csr", "csc"], reset=False,
            dtype=(np.float64, np.float32),
        )
        with np.errstate(over="ignore", under="ignore"):
            return predict(self.coefs_, self.intercepts_, X, self._network_spec())

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.sparse = True
        return tags

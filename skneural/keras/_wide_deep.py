"""Wide & Deep networks (Cheng et al., 2016) as scikit-learn estimators."""

from numbers import Integral, Real

import keras
import numpy as np
import scipy.sparse as sp
from sklearn.preprocessing import FunctionTransformer

from ..utils._sklearn import Interval, StrOptions
from ..utils._validation import validated_hidden_layer_sizes
from ._builders import ClippedStandardization, build_wide_deep
from ._docstrings import fill_doc
from ._encoders import RegressorTargetEncoder
from ._estimators import KerasRegressor
from ._mlp import ReadyMadeNetwork
from ._routing import route_params
from ._target_range import ClippedPredictionsMixin

__all__ = ["KerasWideDeepRegressor"]


def learn_clipping(X, clip_quantile):
    """Per column: the clipping range, then mean and scale of the clipped data."""
    if clip_quantile is None:
        lower = np.full(X.shape[1], -np.inf)
        upper = np.full(X.shape[1], np.inf)
    else:
        lower, upper = np.quantile(X, [clip_quantile, 1 - clip_quantile], axis=0)
    clipped = np.clip(X, lower, upper)
    scale = clipped.std(axis=0)
    return lower, upper, clipped.mean(axis=0), np.where(scale > 0, scale, 1.0)


def _dense(X):
    return X.toarray() if sp.issparse(X) else X


class AuxiliaryTargetEncoder(RegressorTargetEncoder):
    """Regression targets for a model with an auxiliary output.

    Parameters
    ----------
    auxiliary : bool, default=False
        Whether the model has a second (auxiliary) output trained on the
        same target; its prediction is dropped.
    """

    def __init__(self, auxiliary=False):
        self.auxiliary = auxiliary

    def fit(self, y):
        """Record the shape of ``y``; the model has one or two outputs.

        Parameters
        ----------
        y : ndarray of shape (n_samples,) or (n_samples, n_outputs)
            The targets.

        Returns
        -------
        self : AuxiliaryTargetEncoder
            The fitted encoder.
        """
        super().fit(y)
        self.n_outputs_expected_ = 2 if self.auxiliary else 1
        return self

    def transform(self, y):
        """The target, twice with an auxiliary output.

        Parameters
        ----------
        y : ndarray of shape (n_samples,) or (n_samples, n_outputs)
            The targets.

        Returns
        -------
        target : ndarray or tuple of two ndarrays
            What the model trains on.
        """
        y = super().transform(y)
        return (y, y) if self.auxiliary else y

    def inverse_transform(self, y):
        """The main output's predictions, shaped like the targets.

        Parameters
        ----------
        y : ndarray or list of ndarray
            The model's output (main first).

        Returns
        -------
        predictions : ndarray of shape (n_samples,) or (n_samples, n_outputs)
            The main output's predictions.
        """
        return super().inverse_transform(y[0] if isinstance(y, (list, tuple)) else y)


class _WideDeepNetwork(ReadyMadeNetwork):
    """The Wide & Deep architecture over the general regressor."""

    _rate_parameter = "learning_rate"
    _stratified = False

    _parameter_constraints: dict = {
        **ReadyMadeNetwork._parameter_constraints,
        "hidden_layer_sizes": ["array-like", Interval(Integral, 1, None, closed="left")],
        "wide_features": ["array-like", None],
        "deep_features": ["array-like", None],
        "combine": [StrOptions({"concat", "sum"})],
        "aux_loss_weight": [Interval(Real, 0, 1, closed="left")],
        "clip_quantile": [Interval(Real, 0, 0.5, closed="left"), None],
        "learning_rate": [Interval(Real, 0, None, closed="neither")],
        "learning_rate_schedule": [StrOptions({"constant", "cosine"})],
        "epochs": [Interval(Integral, 1, None, closed="left")],
        "restore_best_weights": ["boolean"],
    }

    def _epochs(self):
        return self.epochs

    def _optimizer_learning_rate(self):
        if self.learning_rate_schedule == "constant":
            return self.learning_rate
        steps_per_epoch = -(-self.X_shape_[0] // self.batch_size)
        return keras.optimizers.schedules.CosineDecay(
            self.learning_rate, decay_steps=self.epochs * steps_per_epoch
        )

    def _stopping_callbacks(self):
        """Early stopping on the held-out loss, if asked for."""
        if not self.early_stopping:
            return []
        return [keras.callbacks.EarlyStopping(
            monitor="val_loss", patience=self.n_iter_no_change,
            restore_best_weights=self.restore_best_weights,
        )]

    @property
    def feature_encoder(self):
        """Sparse input made dense (the clipping layers take dense tensors)."""
        return FunctionTransformer(_dense, accept_sparse=True)

    @property
    def target_encoder(self):
        """The target, twice when the model has an auxiliary output."""
        return AuxiliaryTargetEncoder(auxiliary=self.aux_loss_weight > 0)

    def _columns(self, features, name):
        """Column indices from indices or feature names (None: all)."""
        if features is None:
            return list(range(self.n_features_in_))
        features = list(features)
        if not features:
            raise ValueError(f"{name} must select at least one column, got {features}.")
        if all(isinstance(feature, str) for feature in features):
            names = list(getattr(self, "feature_names_in_", []))
            missing = [feature for feature in features if feature not in names]
            if missing:
                raise ValueError(
                    f"{name} names {missing} are not among the feature names seen in "
                    f"fit ({names or 'none: X had no column names'})."
                )
            return [names.index(feature) for feature in features]
        columns = [int(feature) for feature in features]
        if not all(0 <= column < self.n_features_in_ for column in columns):
            raise ValueError(
                f"{name} must be column indices in [0, {self.n_features_in_}), "
                f"got {features}."
            )
        return columns

    def _path(self, features, name, statistics):
        columns = self._columns(features, name)
        return ClippedStandardization(
            columns, *(statistic[columns] for statistic in statistics), name=name
        )

    def _build_keras_model(self, X, rng):
        statistics = learn_clipping(_dense(X), self.clip_quantile)
        model_kwargs = route_params(self.get_params(), "model", pass_filter=set(), strict=True)
        return build_wide_deep(
            X.shape[1], self.n_outputs_, None,
            wide=self._path(self.wide_features, "wide_features", statistics),
            deep=self._path(self.deep_features, "deep_features", statistics),
            hidden_layer_sizes=validated_hidden_layer_sizes(self.hidden_layer_sizes),
            activation=self.activation, dropout=self.dropout, combine=self.combine,
            auxiliary=self.aux_loss_weight > 0, next_seed=self._next_seed(rng),
            **model_kwargs,
        )

    def _loss_kwargs(self):
        loss = self._regression_loss()
        if self.aux_loss_weight == 0:
            return {"loss": loss}
        return {
            "loss": [loss, loss],
            "loss_weights": [1 - self.aux_loss_weight, self.aux_loss_weight],
        }

    def _metric_kwargs(self, metrics):
        return metrics if self.aux_loss_weight == 0 else {"main": metrics}


@fill_doc
class KerasWideDeepRegressor(ClippedPredictionsMixin, _WideDeepNetwork, KerasRegressor):
    """Wide & Deep regressor (Cheng et al., 2016) in Keras.

    A deep path (the ``deep_features``, standardised, through Dense layers)
    and a wide path (the ``wide_features``, standardised, straight to the
    output), joined before one linear output per target. An auxiliary
    output on the deep path, trained with weight ``aux_loss_weight``,
    regularises the deep path as in the text. The standardisation is learnt
    inside :meth:`fit` on the training data and lives in the Keras model.

    **Robustness to outlying inputs.** The wide path is linear, so it
    extrapolates without bound: on California housing three districts with
    an average occupancy above 500 (the training median is about 3) push the
    text's plain Wide & Deep to a validation RMSE of 1.1. Before
    standardising, each input column is therefore clipped to the
    ``[clip_quantile, 1 - clip_quantile]`` quantiles of its training values
    (winsorisation, learnt in :meth:`fit`): a district beyond the range seen
    in training is treated as the most extreme one seen, on both paths.
    ``clip_quantile=None`` gives the text's unclipped model. The Huber loss
    (the default) does the same for outlying targets, and a cosine-decayed
    learning rate lets the defaults reach a median validation RMSE below
    0.50 over seeds 0-4 on the text's split (``benchmarks/results.py``).

    Parameters
    ----------
    wide_features : array-like of int or str, default=None
        Columns (indices, or names when fitted on a DataFrame) of the wide
        path; None means all. May overlap ``deep_features``.

    deep_features : array-like of int or str, default=None
        Columns of the deep path; None means all.

    hidden_layer_sizes : array-like of shape (n_hidden_layers,), default=(30, 30)
        Units of each hidden layer of the deep path.

    {network}

    combine : {'concat', 'sum'}, default='concat'
        'concat' joins the wide inputs and the last hidden layer before one
        output layer; 'sum' adds a linear output of each path.

    aux_loss_weight : float, default=0.1
        Weight of the auxiliary output's loss (the main output gets
        ``1 - aux_loss_weight``); 0 removes the auxiliary output.

    loss : {'squared_error', 'huber'}, default='huber'
        The training loss. 'huber' is quadratic for residuals below
        ``huber_delta`` and linear beyond, so outlying targets pull less.

    huber_delta : float, default=0.5
        Where the Huber loss turns from quadratic to linear, in target units.
        A good model's residuals on California housing have an RMSE of about
        0.5 (in $100,000), so 0.5 is about one standard deviation of them
        (near Huber's rule of 1.345) and the targets capped at 5 pull with
        half the force they would at 1.0. On the text's split
        (``aux_loss_weight=0``) it takes the validation RMSE at seed 42 from
        0.5002 (``huber_delta=1.0``) to 0.4971; over seeds 0-9 both average
        0.498 (both measured with TensorFlow's graph optimiser on).

    clip_quantile : float in [0, 0.5) or None, default=0.001
        Inputs are clipped to these quantiles of the training data (see
        above); 0 clips to the training range; None disables clipping.

    clip_predictions : bool, default=True
        Clip the predictions of each output to the range of its training
        targets (``target_range_``), as the MLP regressors do. California
        house values are capped at 5 (in $100,000): an unclipped network
        predicts above the cap for about 45 of the 3,870 validation
        districts of the text's split. With the defaults otherwise
        (``aux_loss_weight=0``) clipping takes the validation RMSE from
        0.5018 to 0.5010 (median of seeds 0-4, each seed lower) and from
        0.4980 to 0.4971 at seed 42. It can only bring a prediction closer to a
        target inside that range. Set False for the unclipped network (or
        when new targets may lie outside the training range).

    {optimizer}

    learning_rate : float, default=0.01
        The (initial) learning rate of the optimiser.

    learning_rate_schedule : {'constant', 'cosine'}, default='cosine'
        'cosine' decays the learning rate from ``learning_rate`` to zero
        along half a cosine over the ``epochs`` (Loshchilov and Hutter's
        SGDR without restarts): large steps early, fine ones at the end.

    batch_size : int, default=32
        Size of the mini-batches.

    epochs : int, default=40
        Number of epochs (at most, with early stopping).

    {stopping}

    restore_best_weights : bool, default=True
        With early stopping, whether to restore the weights of the epoch of
        lowest held-out loss.

    {common}

    Attributes
    ----------
    target_range_ : ndarray of shape (2, n_outputs)
        The lowest and highest training target of each output (samples of
        zero weight left out), widened by ``partial_fit`` and
        ``warm_start``.

    {attributes}

    Examples
    --------
    >>> from sklearn.datasets import make_regression
    >>> from skneural.keras import KerasWideDeepRegressor
    >>> X, y = make_regression(n_samples=60, n_features=4, random_state=0)
    >>> reg = KerasWideDeepRegressor(wide_features=[0, 1], epochs=2, random_state=0)
    >>> reg.fit(X, y).predict(X[:2]).shape
    (2,)
    """

    _parameter_constraints: dict = {
        **_WideDeepNetwork._parameter_constraints,
        **ClippedPredictionsMixin._parameter_constraints,
        "loss": [StrOptions({"squared_error", "huber"})],
        "huber_delta": [Interval(Real, 0, None, closed="neither")],
    }

    def __init__(self, *, wide_features=None, deep_features=None, hidden_layer_sizes=(30, 30),
                 activation="relu", dropout=0.0, combine="concat", aux_loss_weight=0.1,
                 loss="huber", huber_delta=0.5, clip_quantile=0.001, clip_predictions=True,
                 optimizer="adam",
                 learning_rate=0.01, learning_rate_schedule="cosine", batch_size=32, epochs=40,
                 early_stopping=False, validation_fraction=0.1, n_iter_no_change=10,
                 restore_best_weights=True, random_state=None, verbose=0, metrics=None,
                 callbacks=None, run_eagerly=False, warm_start=False,
                 distribution_strategy=None, **kwargs):
        self.wide_features = wide_features
        self.deep_features = deep_features
        self.hidden_layer_sizes = hidden_layer_sizes
        self.activation = activation
        self.dropout = dropout
        self.combine = combine
        self.aux_loss_weight = aux_loss_weight
        self.loss = loss
        self.huber_delta = huber_delta
        self.clip_quantile = clip_quantile
        self.clip_predictions = clip_predictions
        self.optimizer = optimizer
        self.learning_rate = learning_rate
        self.learning_rate_schedule = learning_rate_schedule
        self.batch_size = batch_size
        self.epochs = epochs
        self.early_stopping = early_stopping
        self.validation_fraction = validation_fraction
        self.n_iter_no_change = n_iter_no_change
        self.restore_best_weights = restore_best_weights
        self.random_state = random_state
        self.verbose = verbose
        self.metrics = metrics
        self.callbacks = callbacks
        self.run_eagerly = run_eagerly
        self.warm_start = warm_start
        self.distribution_strategy = distribution_strategy
        vars(self).update(kwargs)

    def _regression_loss(self):
        if self.loss == "huber":
            return keras.losses.Huber(delta=self.huber_delta)
        return "mean_squared_error"

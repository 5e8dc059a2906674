"""NumpyMLPRegressor: a drop-in superset of scikit-learn's MLPRegressor."""

from numbers import Real

import numpy as np
from sklearn.base import RegressorMixin
from sklearn.metrics import r2_score
from sklearn.utils.metaestimators import available_if
from sklearn.utils.validation import column_or_1d, validate_data

from ..utils._sklearn import Interval, StrOptions, _fit_context
from ..utils._state import restore_on_failure
from ..utils._targets import clip_to_range, target_range
from ._base import BaseNumpyMLP, is_stochastic
from ._docstrings import fill_doc

__all__ = ["NumpyMLPRegressor"]

_POSITIVE_OUTPUTS = ("exp", "softplus")


@fill_doc
class NumpyMLPRegressor(RegressorMixin, BaseNumpyMLP):
    """Multi-layer perceptron regressor on a pure NumPy engine.

    Accepts every parameter of :class:`sklearn.neural_network.MLPRegressor`
    with the same meaning and exposes the same fitted attributes, so code
    switches by changing the import. It adds the Huber and absolute-error
    losses, an output activation (for positive or bounded targets), more
    hidden activations, dropout, a choice of weight initialisation and a
    validation loss curve, and trains float32 data in float32.

    Parameters
    ----------
    loss : {'squared_error', 'huber', 'absolute_error', 'poisson'}, \
default='squared_error'
        The loss minimised, per sample summed over outputs and averaged over
        samples: half the squared error; the Huber loss (quadratic up to
        ``huber_delta``, linear beyond, so outliers weigh less); the absolute
        error; or half the Poisson deviance, which needs ``y >= 0`` and a
        positive output activation. For a single output the squared error
        and Poisson losses equal scikit-learn's; for several outputs
        scikit-learn also averages the squared error over outputs while its
        gradient does not, and ours sums both consistently.

    {parameters}
    output_activation : {'identity', 'relu', 'softplus', 'logistic', 'tanh', \
'exp'} or None, default=None
        Activation of the output units: 'relu' or 'softplus' for positive
        targets, 'logistic' or 'tanh' for targets in (0, 1) or (-1, 1).
        None picks the loss's natural link: 'exp' for 'poisson' (as
        scikit-learn does), 'identity' otherwise. Not in scikit-learn.

    huber_delta : float, default=1.0
        Residual at which the Huber loss turns from quadratic to linear.
        Used only with ``loss='huber'``.

    clip_predictions : bool, default=True
        Clip the predictions of each output to the range of its training
        targets (``target_range_``). A ReLU network extrapolates linearly, so
        a sample far outside the training inputs can get a prediction far
        outside any target seen: in the California housing data three
        validation districts with an average occupancy above 500 (none in
        training above 231) made single seeds' validation RMSE swing up to
        0.81 (scikit-learn: 3.53). Clipping can only bring a prediction
        closer to a target inside that range, so it never hurts there; on
        California (the text's split, seeds 0-9) it takes our median
        validation RMSE from 0.545 to 0.514 and the worst seed from 0.814
        to 0.517 (scikit-learn: 0.536 and 3.530).
        Set False for scikit-learn's behaviour (or when the targets of new
        data may lie outside the training range). Not in scikit-learn.

    {callbacks}

    Attributes
    ----------
    out_activation_ : str
        Name of the output activation.

    target_range_ : ndarray of shape (2, n_outputs)
        The lowest and highest training target of each output (samples of
        zero weight left out), widened by ``partial_fit`` and
        ``warm_start``. Not in scikit-learn.

    {attributes}

    See Also
    --------
    NumpyMLPClassifier : The classification counterpart.
    sklearn.neural_network.MLPRegressor : scikit-learn's implementation.

    Examples
    --------
    >>> from sklearn.datasets import make_regression
    >>> from sklearn.model_selection import train_test_split
    >>> from skneural import NumpyMLPRegressor
    >>> X, y = make_regression(n_samples=300, n_features=5, noise=1, random_state=0)
    >>> X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
    >>> reg = NumpyMLPRegressor(hidden_layer_sizes=(50,), solver="lbfgs",
    ...                         max_iter=500, random_state=0)
    >>> reg.fit(X_train, y_train).score(X_test, y_test) > 0.95
    True
    """

    _parameter_constraints: dict = {
        **BaseNumpyMLP._parameter_constraints,
        "loss": [StrOptions({"squared_error", "huber", "absolute_error", "poisson"})],
        "output_activation": [
            StrOptions({"identity", "relu", "softplus", "logistic", "tanh", "exp"}),
            None,
        ],
        "huber_delta": [Interval(Real, 0, None, closed="neither")],
        "clip_predictions": ["boolean"],
    }

    def __init__(
        self,
        loss="squared_error",
        hidden_layer_sizes=(100,),
        activation="relu",
        *,
        solver="adam",
        alpha=0.0001,
        batch_size="auto",
        learning_rate="constant",
        learning_rate_init=0.001,
        power_t=0.5,
        max_iter=200,
        shuffle=True,
        random_state=None,
        tol=1e-4,
        verbose=False,
        warm_start=False,
        momentum=0.9,
        nesterovs_momentum=True,
        early_stopping=False,
        validation_fraction=0.1,
        beta_1=0.9,
        beta_2=0.999,
        epsilon=1e-8,
        n_iter_no_change=10,
        max_fun=15000,
        dropout=0.0,
        weight_init="glorot_uniform",
        revive_dead_units=True,
        weight_percentiles=None,
        output_activation=None,
        huber_delta=1.0,
        clip_predictions=True,
        callbacks=None,
    ):
        self.loss = loss
        self.hidden_layer_sizes = hidden_layer_sizes
        self.activation = activation
        self.solver = solver
        self.alpha = alpha
        self.batch_size = batch_size
        self.learning_rate = learning_rate
        self.learning_rate_init = learning_rate_init
        self.power_t = power_t
        self.max_iter = max_iter
        self.shuffle = shuffle
        self.random_state = random_state
        self.tol = tol
        self.verbose = verbose
        self.warm_start = warm_start
        self.momentum = momentum
        self.nesterovs_momentum = nesterovs_momentum
        self.early_stopping = early_stopping
        self.validation_fraction = validation_fraction
        self.beta_1 = beta_1
        self.beta_2 = beta_2
        self.epsilon = epsilon
        self.n_iter_no_change = n_iter_no_change
        self.max_fun = max_fun
        self.dropout = dropout
        self.weight_init = weight_init
        self.revive_dead_units = revive_dead_units
        self.weight_percentiles = weight_percentiles
        self.output_activation = output_activation
        self.huber_delta = huber_delta
        self.clip_predictions = clip_predictions
        self.callbacks = callbacks

    @available_if(is_stochastic)
    @_fit_context(prefer_skip_nested_validation=True)
    @restore_on_failure
    def partial_fit(self, X, y, sample_weight=None):
        """Update the model with a single epoch over the given data.

        Parameters
        ----------
        X : {array-like, sparse matrix} of shape (n_samples, n_features)
            The input data.

        y : array-like of shape (n_samples,) or (n_samples, n_outputs)
            The target values.

        sample_weight : array-like of shape (n_samples,), default=None
            Sample weights.

        Returns
        -------
        self : object
            The updated estimator.
        """
        return self._fit(X, y, sample_weight=sample_weight, incremental=True)

    def _validate_input(self, X, y, sample_weight, incremental, reset):
        X, y = validate_data(
            self,
            X,
            y,
            accept_sparse=["csr", "csc"],
            multi_output=True,
            y_numeric=True,
            dtype=(np.float64, np.float32),
            reset=reset,
        )
        if y.ndim == 2 and y.shape[1] == 1:
            y = column_or_1d(y, warn=True)
        if self.loss == "poisson" and np.any(y < 0):
            raise ValueError(
                "Some value(s) of y are negative which is not allowed for Poisson "
                "regression."
            )
        Y = y.reshape(-1, 1) if y.ndim == 1 else y
        return X, Y.astype(X.dtype, copy=False), self._check_sample_weight(sample_weight, X)

    def _record_targets(self, Y, sample_weight, first_pass):
        previous = None if first_pass else self.target_range_
        self.target_range_ = target_range(Y, sample_weight, previous)

    def _output_layer(self, Y):
        default = "exp" if self.loss == "poisson" else "identity"
        output_activation = self.output_activation or default
        if self.loss == "poisson" and output_activation not in _POSITIVE_OUTPUTS:
            raise ValueError(
                "loss='poisson' needs strictly positive predictions: use "
                f"output_activation in {_POSITIVE_OUTPUTS} or None, got "
                f"{output_activation!r}."
            )
        return output_activation, self.loss

    def _loss_parameters(self):
        return {"huber_delta": self.huber_delta}

    def _validation_score(self, output, Y, sample_weight):
        return r2_score(Y, output, sample_weight=sample_weight)

    def predict(self, X):
        """Predict using the multi-layer perceptron model.

        Parameters
        ----------
        X : {array-like, sparse matrix} of shape (n_samples, n_features)
            The input data.

        Returns
        -------
        y : ndarray of shape (n_samples,) or (n_samples, n_outputs)
            The predicted values, within ``target_range_`` when
            ``clip_predictions`` is True.
        """
        y_pred = self._forward_pass_fast(X)
        if self.clip_predictions:
            clip_to_range(y_pred, self.target_range_)
        return y_pred.ravel() if y_pred.shape[1] == 1 else y_pred

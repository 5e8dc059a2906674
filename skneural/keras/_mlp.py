"""KerasMLPClassifier and KerasMLPRegressor: the Sequential MLPs of the text."""

from numbers import Integral, Real

import keras

from ..utils._sklearn import Interval
from ..utils._validation import validated_hidden_layer_sizes
from ._base import BaseKerasClassifier, BaseKerasRegressor
from ._builders import build_mlp
from ._docstrings import fill_doc

__all__ = ["KerasMLPClassifier", "KerasMLPRegressor"]


class _MLPNetwork:
    """The MLP architecture and schedule, in our NumPy MLPs' parameter names.

    Its ``_parameter_constraints`` hold only its own parameters; each concrete
    estimator merges them with those of its base class.
    """

    _parameter_constraints: dict = {
        "alpha": [Interval(Real, 0, None, closed="left")],
        "learning_rate_init": [Interval(Real, 0, None, closed="neither")],
        "max_iter": [Interval(Integral, 1, None, closed="left")],
        "tol": [Interval(Real, 0, None, closed="left")],
    }

    def _epochs(self):
        return self.max_iter

    def _learning_rate(self, n_samples):
        return self.learning_rate_init

    def _stopping_callback(self):
        """Stop, as scikit-learn does, when the training loss (or with
        early stopping, the held-out loss) stalls for ``n_iter_no_change``
        epochs; early stopping restores the best weights."""
        return keras.callbacks.EarlyStopping(
            monitor="val_loss" if self.early_stopping else "loss",
            patience=self.n_iter_no_change, min_delta=self.tol,
            restore_best_weights=self.early_stopping,
        )

    def _build_network(self, X, n_outputs, output_activation, next_seed, **model_kwargs):
        batch_size = min(self.batch_size, X.shape[0])
        # scikit-learn adds alpha / (2 * batch size) * ||W||^2 to the batch loss.
        model_kwargs.setdefault(
            "kernel_regularizer", keras.regularizers.L2(self.alpha / (2 * batch_size))
        )
        return build_mlp(
            X.shape[1], n_outputs, output_activation,
            hidden_layer_sizes=validated_hidden_layer_sizes(self.hidden_layer_sizes),
            activation=self.activation, dropout=self.dropout, next_seed=next_seed,
            **model_kwargs,
        )


@fill_doc
class KerasMLPClassifier(_MLPNetwork, BaseKerasClassifier):
    """Multi-layer perceptron classifier in Keras, with scikit-learn's API.

    The Sequential network of the text (Dense ReLU layers, then one sigmoid
    unit for binary or multilabel targets, or a softmax layer trained with
    sparse categorical cross-entropy for multiclass ones), built, compiled
    and trained inside :meth:`fit`. Parameters carry the names of
    :class:`~skneural.NumpyMLPClassifier` where they mean the same.

    Parameters
    ----------
    {mlp}

    {stopping}

    {optimizer}

    {class_weight}

    {common}

    Attributes
    ----------
    {classifier_attributes}

    {attributes}

    Examples
    --------
    >>> from sklearn.datasets import make_classification
    >>> from skneural.keras import KerasMLPClassifier
    >>> X, y = make_classification(n_samples=60, random_state=0)
    >>> clf = KerasMLPClassifier((8,), max_iter=3, random_state=0).fit(X, y)
    >>> clf.predict_proba(X[:2]).shape
    (2, 2)
    """

    _parameter_constraints: dict = {
        **BaseKerasClassifier._parameter_constraints,
        **_MLPNetwork._parameter_constraints,
    }

    def __init__(self, hidden_layer_sizes=(100,), *, activation="relu", alpha=0.0001,
                 batch_size=200, learning_rate_init=0.001, max_iter=200, tol=1e-4,
                 early_stopping=False, validation_fraction=0.1, n_iter_no_change=10,
                 dropout=0.0, optimizer="adam", class_weight=None, random_state=None,
                 verbose=0, metrics=None, callbacks=None, run_eagerly=False,
                 **kwargs):
        self.hidden_layer_sizes = hidden_layer_sizes
        self.activation = activation
        self.alpha = alpha
        self.batch_size = batch_size
        self.learning_rate_init = learning_rate_init
        self.max_iter = max_iter
        self.tol = tol
        self.early_stopping = early_stopping
        self.validation_fraction = validation_fraction
        self.n_iter_no_change = n_iter_no_change
        self.dropout = dropout
        self.optimizer = optimizer
        self.class_weight = class_weight
        self.random_state = random_state
        self.verbose = verbose
        self.metrics = metrics
        self.callbacks = callbacks
        self.run_eagerly = run_eagerly
        vars(self).update(kwargs)


@fill_doc
class KerasMLPRegressor(_MLPNetwork, BaseKerasRegressor):
    """Multi-layer perceptron regressor in Keras, with scikit-learn's API.

    The Sequential network of the text (Dense ReLU layers, then one linear
    unit per target, mean squared error), built, compiled and trained
    inside :meth:`fit`. Parameters carry the names of
    :class:`~skneural.NumpyMLPRegressor` where they mean the same. Inputs
    are not scaled: put a ``StandardScaler`` in front.

    Parameters
    ----------
    {mlp}

    {stopping}

    {optimizer}

    {common}

    Attributes
    ----------
    {attributes}

    Examples
    --------
    >>> from sklearn.datasets import make_regression
    >>> from skneural.keras import KerasMLPRegressor
    >>> X, y = make_regression(n_samples=60, n_features=4, random_state=0)
    >>> reg = KerasMLPRegressor((8,), max_iter=3, random_state=0).fit(X, y)
    >>> reg.predict(X[:2]).shape
    (2,)
    """

    _parameter_constraints: dict = {
        **BaseKerasRegressor._parameter_constraints,
        **_MLPNetwork._parameter_constraints,
    }

    def __init__(self, hidden_layer_sizes=(100,), *, activation="relu", alpha=0.0001,
                 batch_size=200, learning_rate_init=0.001, max_iter=200, tol=1e-4,
                 early_stopping=False, validation_fraction=0.1, n_iter_no_change=10,
                 dropout=0.0, optimizer="adam", random_state=None, verbose=0,
                 metrics=None, callbacks=None, run_eagerly=False,
                 **kwargs):
        self.hidden_layer_sizes = hidden_layer_sizes
        self.activation = activation
        self.alpha = alpha
        self.batch_size = batch_size
        self.learning_rate_init = learning_rate_init
        self.max_iter = max_iter
        self.tol = tol
        self.early_stopping = early_stopping
        self.validation_fraction = validation_fraction
        self.n_iter_no_change = n_iter_no_change
        self.dropout = dropout
        self.optimizer = optimizer
        self.random_state = random_state
        self.verbose = verbose
        self.metrics = metrics
        self.callbacks = callbacks
        self.run_eagerly = run_eagerly
        vars(self).update(kwargs)

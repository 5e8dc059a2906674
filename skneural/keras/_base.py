"""Our fixes to SciKeras's wrappers, in one place.

SciKeras (0.13) routes parameters by prefix (``model__``, ``optimizer__``,
``compile__``, ``fit__``, ``predict__``, ``callbacks``) and records
``history_``; we keep all of that by reusing its routing and training
functions. Under scikit-learn 1.9 it gets the following wrong, and the base
classes here put it right:

- tags and mixin order: SciKeras's classes define only the removed
  ``_more_tags`` and put ``ClassifierMixin`` after ``BaseEstimator``, so no
  subclass of them can pass scikit-learn's checks. Our classes therefore
  borrow SciKeras's functions rather than its class, put
  ``ClassifierMixin``/``RegressorMixin`` first and define
  ``__sklearn_tags__``: ``is_classifier`` holds, ``ConfusionMatrixDisplay``
  accepts the classifier and cross-validation stratifies;
- input validation through :func:`sklearn.utils.validation.validate_data`
  (``n_features_in_``, ``feature_names_in_``, scikit-learn's messages), and
  sparse input refused as the ``input_tags.sparse=False`` tag says;
- a ``RandomState`` turned into a real seed (SciKeras maps every instance to
  0): one ``check_random_state`` per fit, every Keras seed drawn from it;
- no global switch left behind: layers get explicit seeds, and only the
  TensorFlow global seed (which Keras's batch shuffling reads) is set during
  a seeded fit and restored afterwards; the op-determinism flag is never
  touched;
- pickling that does not depend on SciKeras's global monkey-patch of Keras
  classes: the model travels as the bytes of a ``.keras`` file.
"""

import functools
import os
import tempfile
from collections import defaultdict
from abc import abstractmethod
from contextlib import contextmanager
from numbers import Integral, Real
from types import SimpleNamespace

import keras
import numpy as np
import tensorflow as tf
from scikeras._utils import route_params, unflatten_params
from scikeras.utils import metric_name
from scikeras.utils.transformers import ClassifierLabelEncoder
from scikeras.wrappers import BaseWrapper
from sklearn.base import BaseEstimator, ClassifierMixin, RegressorMixin
from sklearn.utils import check_random_state
from sklearn.utils.class_weight import compute_sample_weight
from sklearn.utils.multiclass import check_classification_targets, type_of_target
from sklearn.utils.validation import check_is_fitted, column_or_1d, validate_data
from tensorflow.python.eager import context

from ..callbacks import Callback
from ..training import combined_sample_weight, hold_out, take_rows
from ..callbacks._sklearn_bridge import CallbackSupportMixin, fit_task
from ..utils._persistence import VersionedStateMixin
from ..utils._sklearn import Interval, StrOptions, _check_sample_weight, _fit_context
from ..utils._state import diverged_error, restore_on_failure, warn_interrupted
from ._callbacks import SkneuralCallbacks, keras_callbacks

__all__ = ["BaseKerasClassifier", "BaseKerasRegressor", "OPTIMIZERS", "tensorflow_seed"]

OPTIMIZERS = {
    "sgd": keras.optimizers.SGD,
    "adam": keras.optimizers.Adam,
    "adamw": keras.optimizers.AdamW,
    "rmsprop": keras.optimizers.RMSprop,
    "adagrad": keras.optimizers.Adagrad,
    "adadelta": keras.optimizers.Adadelta,
    "adamax": keras.optimizers.Adamax,
    "nadam": keras.optimizers.Nadam,
}

_SEED_BOUND = np.iinfo(np.int32).max


@contextmanager
def tensorflow_seed(seed):
    """Set TensorFlow's global seed inside the block, then restore the old one.

    Keras shuffles the batches with TensorFlow ops, which draw their seeds
    from this global seed. ``seed=None`` leaves everything untouched.
    """
    if seed is None:
        yield
        return
    old_seed = context.global_seed()
    tf.random.set_seed(seed)
    try:
        yield
    finally:
        tf.random.set_seed(old_seed)


def make_optimizer(optimizer, learning_rate, routed):
    """A fresh Keras optimizer from a name, a class or an instance.

    A name or a class is instantiated with ``learning_rate`` and the routed
    ``optimizer__*`` parameters (which win); an instance is copied through
    its config, so a second fit never reuses the first one's slots.
    """
    if isinstance(optimizer, keras.optimizers.Optimizer):
        return optimizer.__class__.from_config(optimizer.get_config())
    optimizer_class = OPTIMIZERS.get(optimizer, optimizer)
    return unflatten_params(optimizer_class, {"learning_rate": learning_rate, **routed})


class BaseKerasEstimator(VersionedStateMixin, CallbackSupportMixin, BaseEstimator):
    """What every skneural Keras estimator shares, over SciKeras's functions.

    Warning: this class should not be used directly.
    """

    _parameter_constraints: dict = {
        "hidden_layer_sizes": ["array-like", Interval(Integral, 1, None, closed="left")],
        "activation": [str, callable],
        "dropout": [Interval(Real, 0, 1, closed="left")],
        "optimizer": [StrOptions(set(OPTIMIZERS)), keras.optimizers.Optimizer, type],
        "batch_size": [Interval(Integral, 1, None, closed="left")],
        "early_stopping": ["boolean"],
        "validation_fraction": [Interval(Real, 0, 1, closed="neither")],
        "n_iter_no_change": [Interval(Integral, 1, None, closed="left")],
        "random_state": ["random_state"],
        "verbose": ["verbose"],
        "metrics": [list, None],
        "callbacks": [list, keras.callbacks.Callback, Callback, type, None],
        "run_eagerly": ["boolean"],
    }

    # The parameter that sets the step size, named in divergence errors.
    _rate_parameter = "learning_rate_init"

    # Attributes that exist only while SciKeras's _fit_keras_model runs.
    _fit_scratch = ("_fit_callbacks", "_random_state")

    # Parameters SciKeras hands to ``keras.Model.fit`` and ``predict`` as is.
    _fit_kwargs = {"batch_size", "verbose"}
    _predict_kwargs = {"verbose"}

    # SciKeras's routing: parameters named ``<prefix>__<name>`` are stored as
    # given and reach the model builder, optimizer, compile, fit or predict.
    _routing_prefixes = BaseWrapper._routing_prefixes | {"callbacks"}
    _get_param_names = BaseWrapper._get_param_names
    _fit_keras_model = BaseWrapper._fit_keras_model

    def set_params(self, **params):
        """Set the parameters of this estimator, routed ones included.

        Parameters
        ----------
        **params : dict
            Estimator parameters, including SciKeras's routed ones such as
            ``optimizer__momentum`` or ``fit__shuffle``.

        Returns
        -------
        self : estimator instance
            Estimator instance.
        """
        routed = {
            name: value for name, value in params.items()
            if name.split("__")[0] in self._routing_prefixes and "__" in name
        }
        vars(self).update(routed)
        others = {name: value for name, value in params.items() if name not in routed}
        return super().set_params(**others)

    # -- hooks for the concrete estimators ----------------------------------

    @abstractmethod
    def _build_network(self, X, n_outputs, output_activation, next_seed, **model_kwargs):
        """Return the uncompiled Keras model for training data ``X``."""

    @abstractmethod
    def _epochs(self):
        """The (maximum) number of epochs."""

    @abstractmethod
    def _learning_rate(self, n_samples):
        """The learning rate (a float or a Keras schedule)."""

    @abstractmethod
    def _stopping_callback(self):
        """The Keras callback that ends training early, or None."""

    # -- scikit-learn protocol ----------------------------------------------

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.sparse = False
        tags.input_tags.allow_nan = False
        return tags

    def __sklearn_is_fitted__(self):
        return hasattr(self, "model_")

    def _validate_data(self, X=None, y=None, reset=False, y_numeric=False):
        """sklearn's ``validate_data`` (replaces SciKeras's own checks)."""
        kwargs = dict(reset=reset, dtype=(np.float64, np.float32), accept_sparse=False)
        if y is None and not reset:
            return validate_data(self, X, **kwargs), None
        return validate_data(self, X, y, multi_output=True, y_numeric=y_numeric, **kwargs)

    # -- fitting ---------------------------------------------------------------

    @_fit_context(prefer_skip_nested_validation=True)
    @restore_on_failure
    @fit_task
    def fit(self, X, y, sample_weight=None):
        """Build a new Keras model and train it on ``(X, y)``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            The training input (dense; sparse matrices are refused).

        y : array-like of shape (n_samples,) or (n_samples, n_outputs)
            The target values: class labels for classifiers, real numbers
            for regressors.

        sample_weight : array-like of shape (n_samples,), default=None
            Weights of the samples in the loss. Samples of weight zero are
            dropped.

        Returns
        -------
        self : object
            The fitted estimator.
        """
        rng = check_random_state(self.random_state)
        X, y = self._validate_data(X, y, reset=True, y_numeric=self._y_numeric)
        sample_weight = self._training_weights(X, y, sample_weight)
        self._encode_target(y)
        X, y, sample_weight = self._drop_unweighted(X, y, sample_weight)
        self.model_ = self._compiled_model(X, rng)
        callbacks = self._callbacks()
        seed = None if self.random_state is None else int(rng.randint(_SEED_BOUND))
        with tensorflow_seed(seed):
            self._train(X, y, sample_weight, rng, callbacks)
        return self

    def _callbacks(self):
        """The Keras callbacks of ``callbacks`` and ``fit__callbacks``, then
        early stopping (the skneural ones run in :class:`SkneuralCallbacks`).

        SciKeras builds the user's callbacks; it runs on a scratch namespace,
        as it also builds prediction callbacks, which we never use.
        """
        def get_params():
            params = self.get_params()
            return {**params, "callbacks": keras_callbacks(params["callbacks"])}

        scratch = SimpleNamespace(get_params=get_params)
        BaseWrapper._initialize_callbacks(scratch)
        stopping = self._stopping_callback()
        return scratch._fit_callbacks + ([] if stopping is None else [stopping])

    def _training_weights(self, X, y, sample_weight):
        if sample_weight is None:
            return None
        return _check_sample_weight(sample_weight, X, dtype=np.float32, ensure_non_negative=True)

    def _drop_unweighted(self, X, y, sample_weight):
        if sample_weight is None:
            return X, y, None
        kept = sample_weight != 0
        return X[kept], y[kept], sample_weight[kept]

    def _encode_target(self, y):
        self.target_encoder_ = self.target_encoder.fit(y)
        vars(self).update(self.target_encoder_.get_metadata())

    def _compiled_model(self, X, rng):
        def next_seed():
            return int(rng.randint(_SEED_BOUND))

        n_outputs, output_activation, loss = self._output_layer()
        params = self.get_params()
        model_kwargs = route_params(params, destination="model", pass_filter=set(), strict=True)
        model = self._build_network(X, n_outputs, output_activation, next_seed, **model_kwargs)
        model.compile(**self._compile_kwargs(model, loss, params, X.shape[0]))
        return model

    def _check_rate_fits_float32(self):
        rate = getattr(self, self._rate_parameter)
        if isinstance(rate, Real) and rate > float(np.finfo(np.float32).max):
            raise ValueError(
                f"{self._rate_parameter}={rate} is too large for Keras, which trains in "
                "float32; use a learning rate below about 1 (e.g. 1e-3)."
            )

    def _compile_kwargs(self, model, loss, params, n_samples):
        self._check_rate_fits_float32()
        optimizer = make_optimizer(
            self.optimizer, self._learning_rate(n_samples),
            route_params(params, destination="optimizer", pass_filter=set(), strict=True),
        )
        kwargs = {
            "optimizer": optimizer, "loss": loss, "run_eagerly": self.run_eagerly,
            **self._extra_compile_kwargs(loss),
        }
        if self.metrics:
            metrics = list(self.metrics)
            kwargs["metrics"] = metrics if len(model.outputs) == 1 else {model.output_names[0]: metrics}
        kwargs.update(route_params(params, destination="compile", pass_filter=set(), strict=True))
        return kwargs

    def _extra_compile_kwargs(self, loss):
        """``Model.compile`` arguments beyond the optimizer, loss and metrics."""
        return {}

    def _train(self, X, y, sample_weight, rng, callbacks):
        fit_kwargs, val_score = {}, None
        if self.early_stopping:
            X, y, sample_weight, fit_kwargs["validation_data"], (X_val, y_val) = (
                self._holdout(X, y, sample_weight, rng)
            )
            val_score = functools.partial(self.score, X_val, y_val)
        # After each epoch: the checkpoint first, so that a Ctrl-C in a
        # skneural callback keeps that epoch, as in the NumPy estimators.
        checkpoint = _EpochCheckpoint(self)
        skneural = SkneuralCallbacks(self, self.model_, val_score)
        # Scratch state read by SciKeras's _fit_keras_model; _random_state=None
        # keeps it from seeding again (we did).
        self._fit_callbacks, self._random_state = [*callbacks, checkpoint, skneural], None
        try:
            self._fit_keras_model(
                X.astype(np.float32, copy=False), self._keras_target(y),
                sample_weight=sample_weight, warm_start=False,
                epochs=self._epochs(), initial_epoch=0, **fit_kwargs,
            )
        except KeyboardInterrupt:
            self.model_.set_weights(checkpoint.weights)
            self.history_ = checkpoint.history()
            warn_interrupted(len(self.history_["loss"]))
            skneural.end()
        finally:
            skneural.detach()
            del self._fit_callbacks, self._random_state
        self.n_iter_ = len(self.history_["loss"])
        self._check_finite_loss()

    def _end_epoch(self, model, logs):
        """Called after every epoch: stop as soon as the loss is not finite."""
        if not np.isfinite(logs.get("loss", 0.0)):
            model.stop_training = True

    def _check_finite_loss(self):
        losses = np.asarray(self.history_["loss"], dtype=float)
        if np.isfinite(losses).all():
            return
        epoch = int(np.flatnonzero(~np.isfinite(losses))[0]) + 1
        raise diverged_error(
            losses[epoch - 1], epoch, self._rate_parameter,
            getattr(self, self._rate_parameter),
        )

    def _holdout(self, X, y, sample_weight, rng):
        rows, held_out = hold_out(
            X, y, sample_weight, fraction=self.validation_fraction,
            rng=rng.randint(_SEED_BOUND), stratify=self._stratification(y),
        )
        X_val, y_val = held_out.X.astype(np.float32), self._keras_target(held_out.Y)
        validation = (X_val, y_val)
        if held_out.sample_weight is not None:
            validation += (held_out.sample_weight,)
        X, y, sample_weight = take_rows(rows, X, y, sample_weight)
        return X, y, sample_weight, validation, (held_out.X, held_out.Y)

    def _stratification(self, y):
        return None

    def _keras_target(self, y):
        """The target as the compiled model expects it."""
        return self.target_encoder_.transform(y)

    # -- prediction ------------------------------------------------------------

    def _predict_raw(self, X, **kwargs):
        """The first output of the Keras model, in the dtype of ``X``."""
        check_is_fitted(self)
        X, _ = self._validate_data(X)
        params = self.get_params()
        predict_kwargs = route_params(
            params, destination="predict", pass_filter=self._predict_kwargs, strict=True
        )
        predict_kwargs.update(kwargs)
        output = self.model_.predict(X.astype(np.float32, copy=False), **predict_kwargs)
        if isinstance(output, (list, tuple)):
            output = output[0]
        return output.astype(X.dtype, copy=False)

    # -- persistence -----------------------------------------------------------

    def __getstate__(self):
        state = super().__getstate__()
        for name in self._fit_scratch:
            state.pop(name, None)
        if "model_" in state:
            state["model_"] = _model_to_bytes(state["model_"])
        return state

    def __setstate__(self, state):
        if "model_" in state:
            state = {**state, "model_": _model_from_bytes(state["model_"])}
        super().__setstate__(state)


class _EpochCheckpoint(keras.callbacks.Callback):
    """The weights and logs after the last finished epoch (for Ctrl-C).

    After each epoch it lets the estimator look at the logs first
    (``_end_epoch``); an epoch counts as finished once that returned.
    """

    def __init__(self, estimator):
        super().__init__()
        self._estimator = estimator
        self.weights, self.logs = None, []

    def on_train_begin(self, logs=None):
        self.weights, self.logs = self.model.get_weights(), []

    def on_epoch_end(self, epoch, logs=None):
        logs = dict(logs or {})
        self._estimator._end_epoch(self.model, logs)
        self.weights = self.model.get_weights()
        self.logs.append(logs)

    def history(self):
        """The logs so far, as SciKeras's ``history_``."""
        history = defaultdict(list)
        for logs in self.logs:
            for key, value in logs.items():
                try:
                    key = metric_name(key)
                except ValueError:
                    pass
                history[key].append(float(value))
        return history


def _model_to_bytes(model):
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "model.keras")
        model.save(path)
        with open(path, "rb") as file:
            return file.read()


def _model_from_bytes(data):
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "model.keras")
        with open(path, "wb") as file:
            file.write(data)
        return keras.saving.load_model(path)


class BaseKerasClassifier(ClassifierMixin, BaseKerasEstimator):
    """Classification over a Keras network: label encoding, one sigmoid unit
    for binary or multilabel targets, softmax for multiclass, class weights.

    Warning: this class should not be used directly.
    """

    _parameter_constraints: dict = {
        **BaseKerasEstimator._parameter_constraints,
        "class_weight": [dict, StrOptions({"balanced"}), None],
    }
    _y_numeric = False

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.classifier_tags.multi_label = True
        return tags

    @property
    def target_encoder(self):
        """SciKeras's label encoder (classes to ordinals)."""
        return ClassifierLabelEncoder()

    def _validate_data(self, X=None, y=None, reset=False, y_numeric=False):
        X, y = super()._validate_data(X, y, reset=reset)
        if y is not None and y.ndim == 2 and y.shape[1] == 1:
            y = column_or_1d(y, warn=True)
        if y is not None:
            check_classification_targets(y)
            _check_not_multiclass_multioutput(y)
        return X, y

    def _training_weights(self, X, y, sample_weight):
        sample_weight = super()._training_weights(X, y, sample_weight)
        if self.class_weight is None:
            return sample_weight
        class_weights = compute_sample_weight(self.class_weight, y).astype(np.float32)
        return combined_sample_weight(sample_weight, class_weights)

    def _is_multilabel(self):
        """Whether y was a label indicator matrix (one sigmoid unit per class).

        SciKeras calls one whose rows each hold exactly one 1 "multiclass-onehot".
        """
        return self.target_type_ in ("multilabel-indicator", "multiclass-onehot")

    def _output_layer(self):
        if self._is_multilabel():
            return self.n_classes_, "sigmoid", "binary_crossentropy"
        if self.n_classes_ <= 2:
            return 1, "sigmoid", "binary_crossentropy"
        return self.n_classes_, "softmax", "sparse_categorical_crossentropy"

    def _encode_target(self, y):
        super()._encode_target(y)
        self.target_type_ = self.target_encoder_._target_type

    def _stratification(self, y):
        return y if y.ndim == 1 else None

    def predict(self, X):
        """Predict class labels for ``X``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            The input samples.

        Returns
        -------
        y : ndarray of shape (n_samples,) or (n_samples, n_classes)
            The predicted classes (a label indicator matrix for multilabel
            targets).
        """
        proba = self._predict_raw(X)
        return self.target_encoder_.inverse_transform(proba)

    def predict_proba(self, X):
        """Probability estimates of the classes for ``X``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            The input samples.

        Returns
        -------
        proba : ndarray of shape (n_samples, n_classes)
            The probability of each class, in the order of ``classes_``.
        """
        proba = self._predict_raw(X)
        if proba.shape[1] == 1 and not self._is_multilabel():
            proba = np.hstack([1 - proba, proba])
        return proba


def _check_not_multiclass_multioutput(y):
    if type_of_target(y, input_name="y") == "multiclass-multioutput":
        raise ValueError(
            "Multioutput target data is not supported: y has several columns, some "
            "with more than two classes ('multiclass-multioutput'). Fit one "
            "classifier per column, e.g. with sklearn.multioutput.MultiOutputClassifier."
        )


class BaseKerasRegressor(RegressorMixin, BaseKerasEstimator):
    """Regression over a Keras network: linear outputs, one per target.

    Warning: this class should not be used directly.
    """

    _y_numeric = True

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.target_tags.multi_output = True
        return tags

    @property
    def target_encoder(self):
        """Targets as 2-D float32 columns."""
        return _RegressionTarget()

    def _output_layer(self):
        return self.n_outputs_, None, self._loss()

    def _loss(self):
        return "mean_squared_error"

    def predict(self, X):
        """Predict the targets of ``X``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            The input samples.

        Returns
        -------
        y : ndarray of shape (n_samples,) or (n_samples, n_outputs)
            The predicted values, in float32 for float32 input and float64
            otherwise.
        """
        output = self._predict_raw(X)
        return output.ravel() if self.y_ndim_ == 1 else output

    def _encode_target(self, y):
        super()._encode_target(y)
        self.y_ndim_ = y.ndim


class _RegressionTarget:
    """Regression targets as a float32 column matrix, and their metadata."""

    def fit(self, y):
        self.n_outputs_ = 1 if y.ndim == 1 else y.shape[1]
        return self

    def transform(self, y):
        return np.asarray(y, dtype=np.float32).reshape(len(y), -1)

    def get_metadata(self):
        return {"n_outputs_": self.n_outputs_}

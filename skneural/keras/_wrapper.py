"""BaseWrapper: any Keras model as a scikit-learn estimator, with SciKeras's API.

The wrapper stores its parameters (SciKeras's, plus any keyword argument
and any routed ``<destination>__<name>`` parameter) and does everything in
``fit``: it validates the data, fits the target and feature encoders,
builds the model from ``model`` (a build function or a model instance) or
``_keras_build_fn``, compiles it when it is not compiled, and trains it
with ``keras.Model.fit``. Public TensorFlow and Keras APIs only.
"""

import copy
import functools
import inspect
import math
import warnings
from collections import defaultdict
from collections.abc import Mapping
from contextlib import nullcontext
from numbers import Integral, Real

import keras
import numpy as np
import tensorflow as tf
from sklearn.base import BaseEstimator
from sklearn.preprocessing import FunctionTransformer
from sklearn.utils import check_random_state
from sklearn.utils.validation import check_is_fitted, validate_data

from ..callbacks import Callback
from ..callbacks._sklearn_bridge import CallbackSupportMixin, fit_task
from ..training import hold_out, take_rows
from ..utils._persistence import VersionedStateMixin
from ..utils._sklearn import Interval, Options, StrOptions, _check_sample_weight, _fit_context
from ..utils._state import diverged_error, restore_on_failure
from ._callbacks import EpochCheckpoint, KerasRun, SkneuralCallbacks, keras_callbacks
from ._compile import compile_kwargs, history_key
from ._routing import accepts_argument, build_from_params, is_routed, route_params
from ._tf_state import model_from_bytes, model_to_bytes, quiet_retracing, seeded

__all__ = ["BaseWrapper", "SEED_BOUND"]

SEED_BOUND = np.iinfo(np.int32).max

# keras.Model.fit arguments the wrapper sets itself.
_SET_BY_THE_WRAPPER = frozenset(
    {"validation_split", "epochs", "initial_epoch", "sample_weight"}
)

_BATCH_SIZE = [Interval(Integral, 1, None, closed="left"), Options(Integral, {-1}), None]


def _callback_list(callbacks, routed, parameter):
    """Keras callbacks built from a ``callbacks`` parameter and its routing."""
    built = build_from_params(keras_callbacks(callbacks), routed)
    if built is None:
        return []
    if isinstance(built, Mapping):
        built = list(built.values())
    elif not isinstance(built, (list, tuple)):
        built = [built]
    flat = [item for entry in built for item in (entry if isinstance(entry, list) else [entry])]
    wrong = [item for item in flat if not isinstance(item, keras.callbacks.Callback)]
    if wrong:
        raise TypeError(
            f"{parameter} must hold keras.callbacks.Callback or skneural.callbacks.Callback "
            f"objects (or Keras callback classes), in a list, a dict or alone; got {wrong!r}."
        )
    return flat


class BaseWrapper(VersionedStateMixin, CallbackSupportMixin, BaseEstimator):
    """A Keras model as a scikit-learn estimator (SciKeras's ``BaseWrapper``).

    Subclass it, or use :class:`KerasClassifier` / :class:`KerasRegressor`.
    Every keyword argument is stored as a parameter (so ``clone`` and
    ``GridSearchCV`` see it); one named like an argument of the build
    function reaches it by name, as does any ``model__<name>``.

    Parameters
    ----------
    model : callable, keras.Model or None, default=None
        The model: a function returning a (compiled or uncompiled)
        ``keras.Model``, or a model instance (copied for every fit, so the
        instance itself is never trained). None: the subclass's
        ``_keras_build_fn`` builds it. The function gets ``meta`` (the
        fitted attributes so far: ``n_features_in_``, ``classes_``, ...),
        ``compile_kwargs`` and ``params`` when its signature asks for them.

    build_fn : callable, keras.Model or None, default=None
        Deprecated alias of ``model``, kept for SciKeras code.

    warm_start : bool, default=False
        Whether ``fit`` keeps training the model of the previous fit
        (with a fresh ``history_``) instead of building a new one.

    random_state : int, RandomState instance or None, default=None
        Seeds a fit: the layers' initial weights, dropout and the batch
        shuffling. An int gives identical models at every fit; a RandomState
        instance a new seed at every fit. Python's, NumPy's and TensorFlow's
        global generators are seeded during the fit only, and restored.

    optimizer : str, keras Optimizer class or instance, default='rmsprop'
        Used to compile an uncompiled model; a name or class gets the
        ``optimizer__*`` parameters (e.g. ``optimizer__learning_rate``).
        An instance is copied for every fit.

    loss : str, keras Loss class or instance, callable, list, dict or None, default=None
        Used to compile an uncompiled model; a class gets the ``loss__*``
        parameters.

    metrics : list, dict or None, default=None
        Keras metrics (names, classes or instances, with ``metrics__*``
        routing), recorded per epoch in ``history_``.

    batch_size : int or None, default=None
        Samples per gradient step and per prediction batch (Keras's default
        of 32 when None; -1 means all samples). ``fit__batch_size`` and
        ``predict__batch_size`` set them apart.

    validation_batch_size : int or None, default=None
        Batch size on the validation data.

    verbose : int or 'auto', default=1
        Keras's verbosity: 0 silent, 1 a progress bar, 2 a line per epoch.

    callbacks : list, dict, callback or None, default=None
        Keras callbacks (instances or classes, with ``callbacks__*``
        routing, e.g. ``callbacks__0__patience``) and
        :mod:`skneural.callbacks` objects, side by side.

    validation_split : float, default=0.0
        Fraction of the training data (its last rows, as in Keras) held out
        to compute ``val_loss`` and the ``val_`` metrics per epoch.

    shuffle : bool or 'batch', default=True
        Whether Keras shuffles the training data at every epoch.

    run_eagerly : bool, default=False
        Run the training steps eagerly instead of in a compiled graph.

    epochs : int, default=1
        Number of epochs of ``fit``.

    distribution_strategy : tf.distribute.Strategy or None, default=None
        A TensorFlow distribution strategy (e.g. ``MirroredStrategy()`` for
        several GPUs); the model is built, compiled and trained under its
        scope. Clones share it; a pickled estimator drops it (it names this
        machine's devices), so a loaded one has None.

    **kwargs : dict
        More parameters: arguments of the build function, and routed ones
        (``model__``, ``optimizer__``, ``loss__``, ``metrics__``,
        ``compile__``, ``fit__``, ``predict__``, ``score__``,
        ``callbacks__``).

    Attributes
    ----------
    model_ : keras.Model
        The trained model.

    history_ : dict of list
        Per epoch: ``loss``, the metrics and, with validation data,
        ``val_loss`` and the ``val_`` metrics.

    n_iter_ : int
        Number of epochs trained, summed over warm starts and ``partial_fit``.

    target_encoder_ : transformer
        The fitted :attr:`target_encoder`.

    feature_encoder_ : transformer
        The fitted :attr:`feature_encoder`.

    n_features_in_ : int
        Number of features seen during :term:`fit`.

    feature_names_in_ : ndarray of shape (`n_features_in_`,)
        Names of features seen during :term:`fit`. Defined only when `X`
        has feature names that are all strings.

    target_type_ : str
        scikit-learn's type of the target (``type_of_target``).

    X_shape_ : tuple of int
        Shape of the training input.

    X_dtype_ : numpy dtype
        Dtype of the training input.

    y_dtype_ : numpy dtype
        Dtype of the training target.

    y_ndim_ : int
        Number of dimensions of the training target.

    Examples
    --------
    A subclass builds its own model and defines its score, as in SciKeras:

    >>> import keras
    >>> import numpy as np
    >>> from sklearn.metrics import mean_absolute_error
    >>> from skneural.keras import BaseWrapper
    >>> class LinearModel(BaseWrapper):
    ...     def _keras_build_fn(self, meta, compile_kwargs):
    ...         model = keras.Sequential([keras.Input((meta["n_features_in_"],)),
    ...                                   keras.layers.Dense(1)])
    ...         model.compile(loss="mae", optimizer=compile_kwargs["optimizer"])
    ...         return model
    ...
    ...     @staticmethod
    ...     def scorer(y_true, y_pred, **kwargs):
    ...         return -mean_absolute_error(y_true, y_pred, **kwargs)
    >>> X = np.arange(20.0).reshape(10, 2)
    >>> model = LinearModel(epochs=2, verbose=0, random_state=0).fit(X, X.sum(axis=1))
    >>> model.predict(X[:3]).shape
    (3, 1)
    """

    _parameter_constraints: dict = {
        "model": [callable, keras.Model, None],
        "build_fn": [callable, keras.Model, None],
        "warm_start": ["boolean"],
        "random_state": ["random_state"],
        "optimizer": [str, keras.optimizers.Optimizer, type],
        "loss": [str, keras.losses.Loss, type, callable, list, dict, None],
        "metrics": [list, tuple, dict, str, keras.metrics.Metric, type, callable, None],
        "batch_size": _BATCH_SIZE,
        "validation_batch_size": _BATCH_SIZE,
        "verbose": ["verbose", StrOptions({"auto"})],
        "callbacks": [list, dict, keras.callbacks.Callback, Callback, type, None],
        "validation_split": [Interval(Real, 0, 1, closed="left")],
        "shuffle": ["boolean", StrOptions({"batch"})],
        "run_eagerly": ["boolean"],
        "epochs": [Interval(Integral, 1, None, closed="left")],
        "distribution_strategy": [tf.distribute.Strategy, None],
    }

    # Parameters that reach keras.Model.fit / predict / compile as they are.
    _fit_kwargs = frozenset({
        "batch_size", "epochs", "verbose", "validation_split", "shuffle", "class_weight",
        "initial_epoch", "validation_steps", "validation_batch_size", "validation_freq",
    })
    _predict_kwargs = frozenset({"batch_size", "verbose", "steps"})
    _compile_kwargs = frozenset({
        "optimizer", "loss", "metrics", "loss_weights", "weighted_metrics", "run_eagerly",
    })
    # The parameter named in divergence errors as the step size.
    _rate_parameter = "optimizer__learning_rate"
    # Whether validate_data converts y to numbers (regressors).
    _y_numeric = False
    # Whether X may have more than two dimensions (images, sequences).
    _allow_nd = True

    def __init__(self, model=None, *, build_fn=None, warm_start=False, random_state=None,
                 optimizer="rmsprop", loss=None, metrics=None, batch_size=None,
                 validation_batch_size=None, verbose=1, callbacks=None, validation_split=0.0,
                 shuffle=True, run_eagerly=False, epochs=1, distribution_strategy=None,
                 **kwargs):
        self.model = model
        self.build_fn = build_fn
        self.warm_start = warm_start
        self.random_state = random_state
        self.optimizer = optimizer
        self.loss = loss
        self.metrics = metrics
        self.batch_size = batch_size
        self.validation_batch_size = validation_batch_size
        self.verbose = verbose
        self.callbacks = callbacks
        self.validation_split = validation_split
        self.shuffle = shuffle
        self.run_eagerly = run_eagerly
        self.epochs = epochs
        self.distribution_strategy = distribution_strategy
        vars(self).update(kwargs)

    # -- parameters ------------------------------------------------------------

    def _get_param_names(self):
        """Every public attribute that is not a fitted one, ``__init__``'s first.

        Like SciKeras, a parameter is whatever ``__init__`` stored: its own
        arguments and every keyword argument, routed ones included. (A
        subclass's ``__init__`` may declare an argument it does not store;
        that one is no parameter.)
        """
        stored = {
            name for name in vars(self) if not name.startswith("_") and not name.endswith("_")
        }
        declared = [name for name in super()._get_param_names() if name in stored]
        return declared + sorted(stored - set(declared))

    def _user_param_names(self):
        """The keyword arguments no ``__init__`` declares (routed ones excepted):
        they reach the build function by name."""
        declared = {
            name
            for cls in type(self).__mro__ if issubclass(cls, BaseWrapper)
            for name in inspect.signature(cls.__init__).parameters
        }
        return {
            name for name in self._get_param_names()
            if name not in declared and not is_routed(name)
        }

    def set_params(self, **params):
        """Set the parameters of this estimator, routed ones included.

        Parameters
        ----------
        **params : dict
            Estimator parameters, including routed ones such as
            ``optimizer__learning_rate`` or ``callbacks__0__patience``.

        Returns
        -------
        self : estimator instance
            Estimator instance.
        """
        routed = {name: value for name, value in params.items() if is_routed(name)}
        vars(self).update(routed)
        return super().set_params(
            **{name: value for name, value in params.items() if name not in routed}
        )

    # -- scikit-learn protocol -------------------------------------------------

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.sparse = True
        tags.input_tags.allow_nan = False
        return tags

    def __sklearn_is_fitted__(self):
        return hasattr(self, "model_")

    @property
    def initialized_(self):
        """Whether the estimator has a model (from ``fit`` or ``initialize``)."""
        return hasattr(self, "model_")

    @property
    def current_epoch(self):
        """Number of epochs the model has been trained for (0 before ``fit``)."""
        return len(self.history_["loss"]) if hasattr(self, "history_") else 0

    @property
    def target_encoder(self):
        """The transformer between ``y`` and the model's target (identity here)."""
        return FunctionTransformer()

    @property
    def feature_encoder(self):
        """The transformer between ``X`` and the model's input (identity here)."""
        return FunctionTransformer(accept_sparse=True)

    # -- data ------------------------------------------------------------------

    def _validate_data(self, X, y=None, reset=False):
        """scikit-learn's ``validate_data``, then SciKeras's shape attributes."""
        kwargs = dict(reset=reset, accept_sparse="csr", allow_nd=self._allow_nd, dtype="numeric")
        if y is None:
            X = validate_data(self, X, **kwargs)
        else:
            X, y = validate_data(self, X, y, multi_output=True, y_numeric=self._y_numeric,
                                 **kwargs)
        if reset:
            self.X_shape_, self.X_dtype_ = X.shape, X.dtype
        elif X.shape[2:] != self.X_shape_[2:]:
            raise ValueError(
                f"X has shape {X.shape}, but {type(self).__name__} was fitted on X of "
                f"shape (n_samples, {', '.join(map(str, self.X_shape_[1:]))})."
            )
        return X, y

    def _validate_target(self, y, reset):
        """Check ``y`` beyond ``validate_data`` (classifiers check their labels)."""
        if reset:
            self.y_dtype_, self.y_ndim_ = y.dtype, y.ndim
        elif y.ndim != self.y_ndim_:
            raise ValueError(
                f"y has {y.ndim} dimensions, but {type(self).__name__} was fitted on y "
                f"with {self.y_ndim_}."
            )
        return y

    def _sample_weight(self, X, y, sample_weight):
        """The training weight of each sample (classifiers add class weights)."""
        if sample_weight is None:
            return None
        sample_weight = _check_sample_weight(
            sample_weight, X, dtype=np.float32, ensure_non_negative=True
        )
        if not sample_weight.any():
            raise ValueError(
                "sample_weight must have at least one non-zero entry: only zeros were "
                "passed, so there is nothing to train on."
            )
        return sample_weight

    def _encode(self, X, y):
        return self.feature_encoder_.transform(X), self.target_encoder_.transform(y)

    # -- building --------------------------------------------------------------

    def _metadata(self):
        """The fitted attributes so far (``meta`` of the build function)."""
        return {
            name: value for name, value in vars(self).items()
            if name.endswith("_") and not name.endswith("__") and not name.startswith("_")
        }

    def _model_source(self):
        """``model`` (or ``build_fn``), else the subclass's ``_keras_build_fn``."""
        model = self.model
        if model is None and self.build_fn is not None:
            warnings.warn(
                "build_fn is a deprecated alias of model; pass model=... instead.",
                FutureWarning, stacklevel=6,
            )
            model = self.build_fn
        has_own = hasattr(self, "_keras_build_fn")
        if model is None:
            if not has_own:
                raise ValueError(
                    f"{type(self).__name__} needs a model: pass model=<a function returning "
                    "a keras.Model, or a keras.Model>, or subclass it and define "
                    "_keras_build_fn."
                )
            return self._keras_build_fn
        if has_own:
            raise ValueError(
                f"{type(self).__name__} defines _keras_build_fn, so it cannot also take "
                "the model parameter."
            )
        return model

    def _build_arguments(self, build):
        params = self.get_params()
        arguments = route_params(params, "model", pass_filter=self._user_param_names(),
                                 strict=True)
        if accepts_argument(build, "meta"):
            arguments["meta"] = self._metadata()
        if accepts_argument(build, "compile_kwargs"):
            arguments["compile_kwargs"] = self._get_compile_kwargs()
        if accepts_argument(build, "params"):
            arguments["params"] = params
        unknown = [name for name in arguments if not accepts_argument(build, name)]
        if unknown:
            raise ValueError(
                f"The model-building function {_name(build)} takes no argument named "
                f"{unknown}; add them to its signature, or route these parameters "
                "elsewhere (e.g. optimizer__<name>)."
            )
        return arguments

    def _build_keras_model(self, X, rng):
        """Build the model (uncompiled or compiled) for training data ``X``.

        A model instance given as ``model`` is copied, weights included, so
        that every fit starts from it and the instance itself never changes.
        """
        source = self._model_source()
        if isinstance(source, keras.Model):
            return copy.deepcopy(source)
        model = source(**self._build_arguments(source))
        if not isinstance(model, keras.Model):
            raise ValueError(
                f"The model-building function {_name(source)} returned "
                f"{type(model).__name__}, not a keras.Model."
            )
        return model

    def _get_compile_kwargs(self):
        """The arguments of ``Model.compile``, built from the parameters."""
        return compile_kwargs(self.get_params(), self._compile_kwargs)

    def _compile_if_possible(self):
        """Compile an uncompiled model when a loss is given (``initialize``
        needs none: an untrained or pre-trained model only predicts)."""
        if not self.model_.compiled:
            compile_kwargs = self._get_compile_kwargs()
            if compile_kwargs.get("loss") is not None:
                self.model_.compile(**compile_kwargs)

    def _ensure_compiled(self):
        """Training needs a compiled model with a loss."""
        self._compile_if_possible()
        if not self.model_.compiled or getattr(self.model_, "loss", None) is None:
            raise ValueError(
                f"{type(self).__name__} needs a loss to train: pass loss=... (e.g. "
                "loss='sparse_categorical_crossentropy'), or compile the model in its "
                "build function."
            )

    def _strategy_scope(self):
        strategy = getattr(self, "distribution_strategy", None)
        return nullcontext() if strategy is None else strategy.scope()

    def _initialize(self, X, y, rng):
        """Fit the encoders and build the model (compiled when it can be)."""
        self.target_encoder_ = self.target_encoder.fit(y)
        vars(self).update(getattr(self.target_encoder_, "get_metadata", dict)())
        self.feature_encoder_ = self.feature_encoder.fit(X)
        vars(self).update(getattr(self.feature_encoder_, "get_metadata", dict)())
        self.model_ = self._build_keras_model(X, rng)
        self._compile_if_possible()

    def _seed(self, rng):
        return None if self.random_state is None else int(rng.randint(SEED_BOUND))

    def initialize(self, X, y=None):
        """Build (and compile) the model for ``X`` and ``y`` without training it.

        Parameters
        ----------
        X : array-like of shape (n_samples, ...)
            Input samples, as ``fit`` takes them.
        y : array-like of shape (n_samples,) or (n_samples, n_outputs), default=None
            Targets, as ``fit`` takes them.

        Returns
        -------
        self : object
            The estimator, ready to predict (with untrained weights unless
            the model was pre-trained).
        """
        rng = check_random_state(self.random_state)
        X, y = self._validate_data(X, y, reset=True)
        if y is not None:
            y = self._validate_target(y, reset=True)
        with quiet_retracing(), seeded(self._seed(rng)), self._strategy_scope():
            self._initialize(X, y, rng)
        self.history_ = defaultdict(list)
        return self

    # -- training --------------------------------------------------------------

    @_fit_context(prefer_skip_nested_validation=True)
    @restore_on_failure
    @fit_task
    def fit(self, X, y, sample_weight=None, *, X_val=None, y_val=None, **kwargs):
        """Build a new model (or, with ``warm_start``, keep the last) and train it.

        Parameters
        ----------
        X : {array-like, sparse matrix} of shape (n_samples, ...)
            Training input.
        y : array-like of shape (n_samples,) or (n_samples, n_outputs)
            Training targets.
        sample_weight : array-like of shape (n_samples,), default=None
            Weight of each sample in the loss; samples of weight zero are dropped.
        X_val, y_val : array-like, default=None
            Validation data, scored after every epoch (``val_loss`` and the
            ``val_`` metrics in ``history_``, ``val_score`` for skneural
            callbacks) instead of a ``validation_split``.
        **kwargs : dict
            Extra arguments of ``keras.Model.fit`` (``epochs``,
            ``initial_epoch``, ...); prefer ``fit__<name>`` parameters.

        Returns
        -------
        self : object
            The fitted estimator.
        """
        epochs = kwargs.pop("epochs", getattr(self, "fit__epochs", None) or self._epochs())
        self._fit(
            X, y, sample_weight, (X_val, y_val), warm_start=self.warm_start, epochs=epochs,
            initial_epoch=kwargs.pop("initial_epoch", 0), fit_kwargs=kwargs,
        )
        return self

    @_fit_context(prefer_skip_nested_validation=True)
    @restore_on_failure
    @fit_task
    def partial_fit(self, X, y, sample_weight=None, **kwargs):
        """Train the model (built at the first call) for one more epoch.

        Parameters
        ----------
        X : {array-like, sparse matrix} of shape (n_samples, ...)
            Training input.
        y : array-like of shape (n_samples,) or (n_samples, n_outputs)
            Training targets.
        sample_weight : array-like of shape (n_samples,), default=None
            Weight of each sample in the loss.
        **kwargs : dict
            Extra arguments of ``keras.Model.fit`` (not ``epochs``).

        Returns
        -------
        self : object
            The estimator, trained for one more epoch.
        """
        return self._partial_fit(X, y, sample_weight, kwargs)

    def _partial_fit(self, X, y, sample_weight, kwargs):
        for name in ("epochs", "initial_epoch"):
            if name in kwargs:
                raise TypeError(
                    f"partial_fit got the argument {name!r}: partial_fit always trains "
                    "for one epoch, from the current one."
                )
        self._fit(X, y, sample_weight, (None, None), warm_start=True, epochs=1,
                  initial_epoch=self.current_epoch, fit_kwargs=kwargs)
        return self

    def _epochs(self):
        """The number of epochs of ``fit``."""
        return self.epochs

    def _fit(self, X, y, sample_weight, validation, *, warm_start, epochs, initial_epoch,
             fit_kwargs):
        rng = check_random_state(self.random_state)
        keep = warm_start and self.initialized_
        X, y = self._validate_data(X, y, reset=not keep)
        y = self._validate_target(y, reset=not keep)
        sample_weight = self._sample_weight(X, y, sample_weight)
        if sample_weight is not None:
            kept = sample_weight != 0
            X, y, sample_weight = X[kept], y[kept], sample_weight[kept]
        with quiet_retracing(), seeded(self._seed(rng)), self._strategy_scope():
            if not keep:
                self._initialize(X, y, rng)
            self._ensure_compiled()
            training, held_out = self._split(X, y, sample_weight, validation, rng)
            self._train(training, held_out, epochs, initial_epoch, fit_kwargs)

    # -- validation data ---------------------------------------------------------

    def _split(self, X, y, sample_weight, validation, rng):
        """The training rows and the validation data (None, or X, y, weight)."""
        X_val, y_val = validation
        if X_val is not None or y_val is not None:
            if X_val is None or y_val is None:
                raise ValueError("X_val and y_val must be given together.")
            X_val, y_val = self._validate_data(X_val, y_val)
            return (X, y, sample_weight), (X_val, self._validate_target(y_val, False), None)
        return self._held_out(X, y, sample_weight, rng)

    def _held_out(self, X, y, sample_weight, rng):
        """Keras's ``validation_split``: the last rows, before shuffling."""
        fraction = self._validation_fraction()
        if not fraction:
            return (X, y, sample_weight), None
        n_train = int(math.ceil(X.shape[0] * (1 - fraction)))
        if n_train in (0, X.shape[0]):
            raise ValueError(
                f"validation_split={fraction} leaves {n_train} of {X.shape[0]} samples for "
                "training; choose a fraction that leaves both sets non-empty."
            )
        train, val = np.arange(n_train), np.arange(n_train, X.shape[0])
        return take_rows(train, X, y, sample_weight), tuple(take_rows(val, X, y, sample_weight))

    def _validation_fraction(self):
        return getattr(self, "validation_split", 0.0)

    def _stratified_held_out(self, X, y, sample_weight, rng, fraction, stratify):
        """A random (stratified) held-out set, for the ready-made estimators."""
        rows, held = hold_out(X, y, sample_weight, fraction=fraction,
                              rng=rng.randint(SEED_BOUND), stratify=stratify)
        return take_rows(rows, X, y, sample_weight), (held.X, held.Y, held.sample_weight)

    # -- the Keras fit -----------------------------------------------------------

    def _fit_arguments(self, n_samples, fit_kwargs):
        params = self.get_params()
        arguments = route_params(params, "fit", pass_filter=self._fit_kwargs)
        arguments.update(fit_kwargs)
        arguments = {name: value for name, value in arguments.items()
                     if not name.startswith("callbacks") and name not in _SET_BY_THE_WRAPPER}
        for name in ("batch_size", "validation_batch_size"):
            if arguments.get(name) == -1:
                arguments[name] = n_samples
        return arguments

    def _keras_callbacks(self, destination):
        """The Keras callbacks of ``callbacks`` and ``<destination>__callbacks``
        (as in SciKeras, ``callbacks`` also reach ``model.predict``)."""
        params = self.get_params()
        own = _callback_list(params.get("callbacks"),
                             route_params(params, "callbacks", pass_filter=set()), "callbacks")
        name = f"{destination}__callbacks"
        routed = _callback_list(params.get(name),
                                route_params(params, name, pass_filter=set()), name)
        return own + routed

    def _stopping_callbacks(self):
        """Keras callbacks of the estimator itself (the ready-made ones stop early)."""
        return []

    def _validation_data(self, held_out):
        X_val, y_val, weight_val = held_out
        X_val, y_val = self._encode(X_val, y_val)
        return (X_val, y_val) if weight_val is None else (X_val, y_val, weight_val)

    def _train(self, training, held_out, epochs, initial_epoch, fit_kwargs):
        X, y, sample_weight = training
        arguments = self._fit_arguments(X.shape[0], fit_kwargs)
        val_score = None
        if held_out is not None:
            arguments["validation_data"] = self._validation_data(held_out)
            val_score = functools.partial(self.score, held_out[0], held_out[1], held_out[2])
        X, y = self._encode(X, y)
        self._check_model_compatibility(y)
        run = KerasRun(self.model_)
        checkpoint = EpochCheckpoint(run, self._end_epoch)
        skneural = SkneuralCallbacks(self, self.model_, val_score)
        callbacks = [*self._keras_callbacks("fit"), *self._stopping_callbacks(), checkpoint,
                     skneural]
        try:
            self.model_.fit(X, y, sample_weight=sample_weight, callbacks=callbacks,
                            epochs=initial_epoch + epochs, initial_epoch=initial_epoch,
                            **arguments)
        except KeyboardInterrupt:
            checkpoint.roll_back()
            skneural.end()
        finally:
            skneural.detach()
        self._record_history(run.logs, initial_epoch)

    def _record_history(self, logs, initial_epoch):
        history = self.history_ if initial_epoch > 0 and hasattr(self, "history_") else {}
        history = defaultdict(list, {key: list(values) for key, values in history.items()})
        for epoch_logs in logs:
            for key, value in epoch_logs.items():
                history[history_key(key)].append(value)
        self.history_ = history
        self.n_iter_ = len(history["loss"])
        self._check_finite_loss(logs)

    def _end_epoch(self, model, logs):
        """After every epoch: stop as soon as the loss is not finite."""
        if not np.isfinite(logs.get("loss", 0.0)):
            model.stop_training = True

    def _learning_rate(self):
        return getattr(self, self._rate_parameter, None)

    def _check_finite_loss(self, logs):
        losses = np.array([epoch_logs.get("loss", 0.0) for epoch_logs in logs], dtype=float)
        if np.isfinite(losses).all():
            return
        epoch = int(np.flatnonzero(~np.isfinite(losses))[0]) + 1
        raise diverged_error(losses[epoch - 1], epoch, self._rate_parameter,
                             self._learning_rate())

    def _check_model_compatibility(self, y):
        """A clear error when the model's outputs cannot fit the target."""
        expected = getattr(self, "n_outputs_expected_", None)
        outputs = self.model_.outputs or []
        if expected and outputs and len(outputs) != expected:
            raise ValueError(
                f"The target needs a model with {expected} output(s), but the model of "
                f"{self._model_description()} has {len(outputs)}."
            )
        if len(outputs) != 1 or not isinstance(y, np.ndarray) or y.ndim > 2:
            return
        width, target_width = outputs[0].shape[-1], (1 if y.ndim == 1 else y.shape[1])
        if len(outputs[0].shape) == 2 and not self._fits_output(width, target_width):
            raise ValueError(
                f"The model of {self._model_description()} has output shape "
                f"{tuple(outputs[0].shape)}, which does not fit the target of shape "
                f"{y.shape}{self._expected_output()}."
            )

    def _model_description(self):
        """How error messages name the model."""
        return _name(self._model_source())

    def _fits_output(self, width, target_width):
        return width == target_width

    def _expected_output(self):
        return ""

    # -- prediction --------------------------------------------------------------

    def _predict_raw(self, X, **kwargs):
        """The model's output for ``X``."""
        check_is_fitted(self)
        X, _ = self._validate_data(X)
        params = self.get_params()
        arguments = route_params(params, "predict", pass_filter=self._predict_kwargs,
                                 strict=True)
        arguments = {name: value for name, value in arguments.items()
                     if not name.startswith("callbacks")}
        arguments["callbacks"] = self._keras_callbacks("predict")
        arguments.update(kwargs)
        if arguments.get("batch_size") == -1:
            arguments["batch_size"] = X.shape[0]
        with quiet_retracing():
            output = self.model_.predict(self.feature_encoder_.transform(X), **arguments)
        dtype = X.dtype if X.dtype.kind == "f" else np.float64
        if isinstance(output, np.ndarray):
            return output.astype(dtype, copy=False)
        return output

    def predict(self, X, **kwargs):
        """Predict with the trained model.

        Parameters
        ----------
        X : {array-like, sparse matrix} of shape (n_samples, ...)
            Input samples.
        **kwargs : dict
            Extra arguments of ``keras.Model.predict``; prefer
            ``predict__<name>`` parameters.

        Returns
        -------
        y : ndarray of shape (n_samples,) or (n_samples, n_outputs)
            The predictions, decoded by ``target_encoder_``.
        """
        return self.target_encoder_.inverse_transform(self._predict_raw(X, **kwargs))

    @staticmethod
    def scorer(y_true, y_pred, **kwargs):
        """The score of predictions (subclasses define it).

        Parameters
        ----------
        y_true : array-like
            True targets.
        y_pred : array-like
            Predictions.
        **kwargs : dict
            ``sample_weight`` and the ``score__*`` parameters.

        Returns
        -------
        score : float
            The score; higher is better.
        """
        raise NotImplementedError("BaseWrapper has no scorer: subclass it and define one.")

    def score(self, X, y, sample_weight=None):
        """The :meth:`scorer` of the predictions for ``X`` against ``y``.

        Parameters
        ----------
        X : {array-like, sparse matrix} of shape (n_samples, ...)
            Test samples.
        y : array-like of shape (n_samples,) or (n_samples, n_outputs)
            True targets.
        sample_weight : array-like of shape (n_samples,), default=None
            Weights of the samples.

        Returns
        -------
        score : float
            Accuracy for :class:`KerasClassifier`, R² for :class:`KerasRegressor`.
        """
        y_pred = self.predict(X)
        routed = route_params(self.get_params(), "score", pass_filter=set())
        return float(self.scorer(y, y_pred, sample_weight=sample_weight, **routed))

    # -- copies and persistence ----------------------------------------------------

    def __sklearn_clone__(self):
        """A clone that shares the distribution strategy (it names devices, and
        TensorFlow's strategies cannot be deep-copied)."""
        strategy = getattr(self, "distribution_strategy", None)
        if strategy is None:
            return super().__sklearn_clone__()
        self.distribution_strategy = None
        try:
            cloned = super().__sklearn_clone__()
        finally:
            self.distribution_strategy = strategy
        cloned.distribution_strategy = strategy
        return cloned

    def __getstate__(self):
        """The state to pickle: the model as ``.keras`` bytes, and no
        distribution strategy (it describes this machine's devices; the
        loaded estimator has ``distribution_strategy=None``)."""
        state = super().__getstate__()
        if state.get("distribution_strategy") is not None:
            state["distribution_strategy"] = None
        if "model_" in state:
            state["model_"] = model_to_bytes(state["model_"])
        return state

    def __setstate__(self, state):
        if "model_" in state:
            state = {**state, "model_": model_from_bytes(state["model_"])}
        super().__setstate__(state)


def _name(source):
    """How an error message names a build function (or model instance)."""
    if isinstance(source, keras.Model):
        return f"the {type(source).__name__} instance given as model"
    if isinstance(source, functools.partial):
        source = source.func
    return getattr(source, "__qualname__", repr(source))

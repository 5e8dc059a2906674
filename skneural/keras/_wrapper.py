"""BaseWrapper: any Keras model as a scikit-learn estimator, with SciKeras's API.

The wrapper stores its parameters (SciKeras's, plus any keyword argument
and any routed ``<destination>__<name>`` parameter) and does everything in
``fit``: it validates the data, fits the target and feature encoders,
builds the model from ``model`` (a build function or a model instance) or
``_keras_build_fn``, compiles it when it is not compiled, and trains it
with ``keras.Model.fit``. Public TensorFlow and Keras APIs only.
"""

import inspect
from collections import defaultdict
from numbers import Integral, Real

import keras
import tensorflow as tf
from sklearn.base import BaseEstimator
from sklearn.preprocessing import FunctionTransformer
from sklearn.utils import check_random_state

from ..callbacks import Callback
from ..callbacks._sklearn_bridge import CallbackSupportMixin, fit_task
from ..utils._persistence import VersionedStateMixin
from ..utils._sklearn import Interval, Options, StrOptions, _fit_context
from ..utils._state import restore_on_failure
from ._building import ModelBuildingMixin
from ._prediction import PredictionMixin
from ._routing import is_routed
from ._tf_state import model_from_bytes, model_to_bytes, quiet_retracing, seeded
from ._training import SEED_BOUND, KerasTrainingMixin

__all__ = ["BaseWrapper", "SEED_BOUND"]

_BATCH_SIZE = [Interval(Integral, 1, None, closed="left"), Options(Integral, {-1}), None]


class BaseWrapper(ModelBuildingMixin, KerasTrainingMixin, PredictionMixin, VersionedStateMixin,
                  CallbackSupportMixin, BaseEstimator):
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
        Whether the training data are shuffled at every epoch. With
        ``True``, in-memory arrays (and CSR matrices) are visited in a new
        order at every epoch, reproducibly for an int ``random_state``
        (Keras alone repeats one order once TensorFlow's seed is set).
        ``'batch'`` is Keras's own shuffling in batch-sized chunks.

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
        X, y = self._validate_data(X, "no_validation" if y is None else y, reset=True)
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
            self._train(training, held_out, rng, epochs=epochs, initial_epoch=initial_epoch,
                        fit_kwargs=fit_kwargs)

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

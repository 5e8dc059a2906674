"""How a wrapper trains its Keras model (a mixin of BaseWrapper).

Data validation, sample weights, the validation data (``X_val``/``y_val``,
Keras's ``validation_split`` or the ready-made estimators' random held-out
set), the arguments and callbacks of ``keras.Model.fit``, the Ctrl-C
rollback, ``history_`` and the checks of the loss and of the model's output
shape.
"""

import functools
import math
from collections import defaultdict
from collections.abc import Mapping
from contextlib import nullcontext

import keras
import numpy as np
from sklearn.utils.validation import validate_data

from ..training import hold_out, take_rows
from ..utils._sklearn import _check_sample_weight
from ..utils._state import diverged_error
from ._callbacks import EpochCheckpoint, KerasRun, SkneuralCallbacks, keras_callbacks
from ._compile import history_key
from ._routing import build_from_params, route_params
from ._shuffling import reshuffled_batches
from ._tf_state import without_graph_optimizer

__all__ = ["KerasTrainingMixin", "SEED_BOUND"]

SEED_BOUND = np.iinfo(np.int32).max

# keras.Model.fit arguments the wrapper sets itself.
_SET_BY_THE_WRAPPER = frozenset(
    {"validation_split", "epochs", "initial_epoch", "sample_weight"}
)


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

# Keras calls these once per call of its train, test or predict function,
# that is every ``steps_per_execution`` batches.
_BATCH_HOOKS = tuple(f"on_{stage}batch_{moment}" for stage in ("", "train_", "test_", "predict_")
                     for moment in ("begin", "end"))


def _watches_batches(callback):
    """Whether a Keras callback overrides one of the batch hooks."""
    return any(getattr(type(callback), hook) is not getattr(keras.callbacks.Callback, hook)
               for hook in _BATCH_HOOKS)


def _set_steps_per_execution(model, steps):
    """Have ``model`` run ``steps`` batches per call of its train, test and
    predict functions; the functions are made afresh when that changes
    (Keras reads the number when it traces them)."""
    if model.steps_per_execution == steps:
        return
    model.steps_per_execution = steps
    for make_function in (model.make_train_function, model.make_test_function,
                          model.make_predict_function):
        make_function(force=True)


class KerasTrainingMixin:
    """Training the model of a :class:`BaseWrapper`."""

    # -- data ------------------------------------------------------------------

    def _validate_data(self, X, y="no_validation", reset=False):
        """scikit-learn's ``validate_data``, then SciKeras's shape attributes.

        ``y="no_validation"`` checks ``X`` alone; ``y=None`` is refused as
        scikit-learn refuses it for an estimator that needs a target.
        """
        kwargs = dict(reset=reset, accept_sparse="csr", allow_nd=self._allow_nd, dtype="numeric")
        if isinstance(y, str) and y == "no_validation":
            X, y = validate_data(self, X, **kwargs), None
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

    # Whether the wrapper tunes how Keras runs its model's training. The
    # ready-made estimators do, as they compile their models themselves: one
    # call of the train function per epoch, and no graph optimiser, whose
    # passes over the train step of a small Dense network take longer (about
    # 50 ms of a 0.5 s fit on 3,333 MNIST rows) than they save.
    _tunes_training = False

    def _tuned_training(self, epoch_steps, arguments, callbacks):
        """The block to run ``model.fit`` in: without the graph optimiser for
        a wrapper that tunes its training, which also gets one call of
        Keras's train function per epoch of ``epoch_steps`` batches
        (``steps_per_execution``) when nothing asks for the batches one by
        one: a progress bar, a callback with batch hooks, eager execution,
        several replicas or a ``compile__steps_per_execution`` of the
        user's. That saves TensorFlow's overhead of a call per batch: an
        epoch of 17 MNIST batches of 200 through a 784-32-10 network takes
        about 9 ms instead of 19 ms."""
        if not self._tunes_training:
            return nullcontext()
        model = self.model_
        if "steps_per_execution" not in route_params(self.get_params(), "compile"):
            one_call = (
                epoch_steps is not None and not arguments.get("verbose")
                and not model.run_eagerly and model.distribute_strategy.num_replicas_in_sync == 1
                and not any(_watches_batches(callback) for callback in callbacks)
            )
            _set_steps_per_execution(model, epoch_steps if one_call else 1)
        return without_graph_optimizer()

    def _stopping_callbacks(self):
        """Keras callbacks of the estimator itself (the ready-made ones stop early)."""
        return []

    def _validation_data(self, held_out):
        X_val, y_val, weight_val = held_out
        X_val, y_val = self._encode(X_val, y_val)
        return (X_val, y_val) if weight_val is None else (X_val, y_val, weight_val)

    def _training_data(self, X, y, sample_weight, arguments, seed):
        """The training data of ``model.fit`` and the number of batches of an
        epoch: batches reshuffled at every epoch (see ``_shuffling``) when
        Keras would shuffle in-memory arrays, else the arrays themselves,
        which Keras batches (the number is then None)."""
        data = (X, y) if sample_weight is None else (X, y, sample_weight)
        reshuffled = None
        if arguments.get("shuffle", True) is True and "steps_per_epoch" not in arguments:
            reshuffled = reshuffled_batches(data, arguments.get("batch_size") or 32, seed)
        if reshuffled is None:
            return dict(x=X, y=y, sample_weight=sample_weight), None
        batches, arguments["steps_per_epoch"] = reshuffled
        arguments.pop("batch_size", None)
        arguments["shuffle"] = False  # the batches are shuffled already
        return dict(x=batches), arguments["steps_per_epoch"]

    def _train(self, training, held_out, rng, *, epochs, initial_epoch, fit_kwargs):
        X, y, sample_weight = training
        arguments = self._fit_arguments(X.shape[0], fit_kwargs)
        val_score = None
        if held_out is not None:
            arguments["validation_data"] = self._validation_data(held_out)
            val_score = functools.partial(self.score, held_out[0], held_out[1], held_out[2])
        X, y = self._encode(X, y)
        self._check_model_compatibility(y)
        # Each partial_fit call (a new initial_epoch) continues with new orders.
        seed = (int(rng.randint(SEED_BOUND)) + initial_epoch) % SEED_BOUND
        data, epoch_steps = self._training_data(X, y, sample_weight, arguments, seed)
        self._build_optimizer()
        run = KerasRun(self.model_)
        checkpoint = EpochCheckpoint(run, self._end_epoch)
        skneural = SkneuralCallbacks(self, self.model_, val_score)
        callbacks = [*self._keras_callbacks("fit"), *self._stopping_callbacks(), checkpoint,
                     skneural]
        try:
            with self._tuned_training(epoch_steps, arguments, callbacks):
                self.model_.fit(**data, callbacks=callbacks, epochs=initial_epoch + epochs,
                                initial_epoch=initial_epoch, **arguments)
        except KeyboardInterrupt:
            checkpoint.roll_back()
            skneural.end()
        finally:
            skneural.detach()
        self._record_history(run.logs, initial_epoch)

    def _build_optimizer(self):
        """Create the optimizer's slot variables before ``model.fit``.

        Without a distribution strategy Keras creates them inside the first
        trace of its train step, and TensorFlow traces a step that created
        variables a second time. Building them first saves that second trace:
        about 0.2 s of a 1.2 s fit on 3,333 MNIST rows.
        """
        optimizer = getattr(self.model_, "optimizer", None)
        if optimizer is not None and not optimizer.built and self.model_.built:
            optimizer.build(self.model_.trainable_variables)

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
        """The learning-rate parameter and its value; when the parameter is not
        set (a model that compiled itself), the optimizer's own rate."""
        rate = getattr(self, self._rate_parameter, None)
        optimizer = getattr(self.model_, "optimizer", None)
        if rate is not None or optimizer is None:
            return self._rate_parameter, rate
        return "the optimizer's learning_rate", float(np.asarray(optimizer.learning_rate))

    def _check_finite_loss(self, logs):
        losses = np.array([epoch_logs.get("loss", 0.0) for epoch_logs in logs], dtype=float)
        if np.isfinite(losses).all():
            return
        epoch = int(np.flatnonzero(~np.isfinite(losses))[0]) + 1
        raise diverged_error(losses[epoch - 1], epoch, *self._learning_rate())

    def _check_model_compatibility(self, y):
        """A clear error when the model's outputs cannot fit the target."""
        expected = getattr(self, "n_outputs_expected_", None)
        outputs = getattr(self.model_, "outputs", None) or []  # None: a Sequential not built yet
        if expected and outputs and len(outputs) != expected:
            raise ValueError(
                f"The target needs a model with {expected} output(s), but the model of "
                f"{self._model_description()} has {len(outputs)}."
            )
        if len(outputs) != 1 or not isinstance(y, np.ndarray) or y.ndim > 2:
            return
        shape = outputs[0].shape
        width, target_width = shape[-1], (1 if y.ndim == 1 else y.shape[1])
        # One value per sample (a label or a column) wants one row per sample,
        # not e.g. a Dense layer's output over 3-D input.
        target_rank = 1 if target_width == 1 else y.ndim
        too_deep = len(shape) > target_rank + 1
        if too_deep or (len(shape) == 2 and not self._fits_output(width, target_width)):
            raise ValueError(
                f"The model of {self._model_description()} has output shape "
                f"{tuple(shape)}, which does not fit the target of shape "
                f"{y.shape}{self._expected_output()}."
            )

    def _fits_output(self, width, target_width):
        return width == target_width

    def _expected_output(self):
        return ""

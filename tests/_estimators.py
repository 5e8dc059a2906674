"""Every public skneural estimator, built with settings that keep tests fast.

The reliability tests (bad input, persistence, determinism, concurrency) run
over :func:`public_estimators`, which finds the estimators by walking the
public API, so a new estimator is covered as soon as it is exported; it must
then get an entry in ``FAST_SETTINGS`` (a test fails until it has one).
"""

import functools
import importlib
import importlib.util
import inspect

from sklearn.base import BaseEstimator, TransformerMixin, is_classifier

import skneural

_FAST_MLP = dict(hidden_layer_sizes=(8,), max_iter=20)


class _BuildFunction:
    """A user's build function whose repr is its name, so that the ids of
    parametrized tests hold no memory address (pytest-xdist's workers must
    collect the same ids)."""

    def __init__(self, function):
        self.function = function
        functools.update_wrapper(self, function)

    def __call__(self, *args, **kwargs):
        return self.function(*args, **kwargs)

    def __repr__(self):
        return self.function.__name__


def _tiny_keras_classifier(meta, compile_kwargs, learning_rate=0.05):
    """A user's build function: one hidden layer, the output the target needs,
    compiled with its own optimizer (a large step: the estimator checks train
    for few epochs)."""
    import keras

    n_classes = meta["n_classes_"]
    if meta["target_type_"] == "multilabel-indicator":
        units, activation, loss = n_classes, "sigmoid", "binary_crossentropy"
    elif n_classes <= 2:
        units, activation, loss = 1, "sigmoid", "binary_crossentropy"
    else:
        units, activation, loss = n_classes, "softmax", "sparse_categorical_crossentropy"
    model = keras.Sequential([
        keras.Input(meta["X_shape_"][1:]),
        keras.layers.Dense(8, activation="relu"),
        keras.layers.Dense(units, activation=activation),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss=loss,
                  run_eagerly=compile_kwargs["run_eagerly"])
    return model


def _tiny_keras_regressor(meta, compile_kwargs, learning_rate=0.05):
    """A user's build function for regression, with the wrapper's loss."""
    import keras

    model = keras.Sequential([
        keras.Input(meta["X_shape_"][1:]),
        keras.layers.Dense(8, activation="relu"),
        keras.layers.Dense(meta["n_outputs_"]),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss=compile_kwargs["loss"],
                  run_eagerly=compile_kwargs["run_eagerly"])
    return model


tiny_keras_classifier = _BuildFunction(_tiny_keras_classifier)
tiny_keras_regressor = _BuildFunction(_tiny_keras_regressor)

# learning_rate reaches the build function (a user's parameter).
_FAST_KERAS = dict(epochs=3, batch_size=200, verbose=0, run_eagerly=True, learning_rate=0.05)

# Keyword arguments per class name: small networks, few epochs.
FAST_SETTINGS = {
    "NumpyMLPClassifier": _FAST_MLP,
    "NumpyMLPRegressor": _FAST_MLP,
    # The ensemble clones this template for each member.
    "MLPEnsembleRegressor": dict(estimator=skneural.NumpyMLPRegressor(**_FAST_MLP),
                                 n_estimators=2),
    "Perceptron": dict(max_iter=20),
    "AveragedPerceptron": dict(max_iter=20),
    "VotedPerceptron": dict(max_iter=20),
    "KernelPerceptron": dict(max_iter=20),
    "ThresholdLogicUnit": dict(),
    # Eager execution: tracing a graph costs more than training on tiny data.
    "KerasMLPClassifier": dict(hidden_layer_sizes=(4,), max_iter=3, run_eagerly=True),
    "KerasMLPRegressor": dict(hidden_layer_sizes=(4,), max_iter=3, run_eagerly=True),
    "KerasWideDeepRegressor": dict(hidden_layer_sizes=(4,), epochs=3, run_eagerly=True),
    "KerasClassifier": dict(model=tiny_keras_classifier, **_FAST_KERAS),
    "KerasRegressor": dict(model=tiny_keras_regressor, loss="mse", **_FAST_KERAS),
}


def _public_classes(module):
    """The public estimators of ``module``: transformers (the Keras wrappers'
    target encoders) and base classes left out."""
    for name in getattr(module, "__all__", ()):
        obj = getattr(module, name)
        if (inspect.isclass(obj) and issubclass(obj, BaseEstimator)
                and not issubclass(obj, TransformerMixin) and not name.startswith("Base")):
            yield obj


def public_estimator_classes():
    """The estimator classes of ``skneural`` and, with TensorFlow, ``skneural.keras``."""
    classes = list(_public_classes(skneural))
    with_keras = all(importlib.util.find_spec(name) for name in ("tensorflow", "skneural.keras"))
    if with_keras:
        classes += _public_classes(importlib.import_module("skneural.keras"))
    return sorted(set(classes), key=lambda cls: cls.__name__)


def make_estimator(cls, random_state=0, **params):
    """``cls`` with its fast settings, a seed and ``params``."""
    settings = {**FAST_SETTINGS[cls.__name__], **params}
    if "random_state" in cls().get_params():
        settings["random_state"] = random_state
    return cls(**settings)


def kind(cls):
    """"classifier" or "regressor"."""
    return "classifier" if is_classifier(cls()) else "regressor"

"""Every public skneural estimator, built with settings that keep tests fast.

The reliability tests (bad input, persistence, determinism, concurrency) run
over :func:`public_estimators`, which finds the estimators by walking the
public API, so a new estimator is covered as soon as it is exported; it must
then get an entry in ``FAST_SETTINGS`` (a test fails until it has one).
"""

import importlib
import importlib.util
import inspect

from sklearn.base import BaseEstimator, is_classifier

import skneural

_FAST_MLP = dict(hidden_layer_sizes=(8,), max_iter=20)

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
}


def _public_classes(module):
    for name in getattr(module, "__all__", ()):
        obj = getattr(module, name)
        if inspect.isclass(obj) and issubclass(obj, BaseEstimator):
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

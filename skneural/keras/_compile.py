"""``Model.compile`` arguments from a wrapper's parameters, and metric names.

The optimizer, the loss and the metrics may each be given as a string, a
class or an instance; a class (or a string naming one) is instantiated with
the ``optimizer__*``, ``loss__*`` or ``metrics__*`` parameters routed to it.
"""

from collections.abc import Mapping, Sequence
from inspect import isclass

import keras

from ._routing import build_from_params, route_params

__all__ = ["OPTIMIZERS", "compile_kwargs", "fresh_optimizer", "history_key", "make_optimizer"]

# Metric names Keras resolves itself from the loss and the output shape.
_KERAS_RESOLVED_METRICS = frozenset({"acc", "accuracy", "ce", "crossentropy"})


def _optimizer_class(name):
    return type(keras.optimizers.get(name))


def _metric(name):
    return name if name in _KERAS_RESOLVED_METRICS else keras.metrics.get(name)


def _resolve(items, resolve_name):
    """``items`` with every string replaced by ``resolve_name(string)``."""
    if isinstance(items, str):
        return resolve_name(items)
    if isinstance(items, Mapping):
        return {key: _resolve(item, resolve_name) for key, item in items.items()}
    if isinstance(items, Sequence):
        return type(items)(_resolve(item, resolve_name) for item in items)
    return items


def fresh_optimizer(optimizer):
    """A copy of an optimizer instance with no state (slots are per model)."""
    if isinstance(optimizer, keras.optimizers.Optimizer):
        return type(optimizer).from_config(optimizer.get_config())
    return optimizer


def compile_kwargs(params, names):
    """The arguments of ``keras.Model.compile`` for these parameters.

    Parameters
    ----------
    params : dict
        The wrapper's parameters (``get_params(deep=False)``).
    names : collection of str
        The unprefixed parameters that go to ``compile`` as they are
        (``optimizer``, ``loss``, ``metrics``, ``run_eagerly``, ...).

    Returns
    -------
    kwargs : dict
        With the optimizer, loss and metrics built; ``compile__*``
        parameters added.
    """
    kwargs = route_params(params, "compile", pass_filter=names)
    for name, resolve_name, strict in (
        ("optimizer", _optimizer_class, True),
        ("loss", keras.losses.get, False),
        ("metrics", _metric, False),
    ):
        if kwargs.get(name) is None:
            continue
        routed = route_params(params, name, pass_filter=set(), strict=strict)
        kwargs[name] = build_from_params(_resolve(kwargs[name], resolve_name), routed)
    if "optimizer" in kwargs:
        kwargs["optimizer"] = fresh_optimizer(kwargs["optimizer"])
    metrics = kwargs.get("metrics")
    if metrics is not None and not isinstance(metrics, (list, dict)):
        kwargs["metrics"] = [metrics]
    return kwargs


def _snake_case(name):
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name).lstrip("_")


def history_key(key):
    """The ``history_`` name of a Keras history key, as SciKeras names it.

    The loss and validation keys stay as Keras logs them; a metric key is
    replaced by its metric's full name when Keras knows it (``'mae'``
    becomes ``'mean_absolute_error'``).
    """
    if key == "loss" or key.startswith("val_"):
        return key
    try:
        metric = keras.metrics.get(key)
    except ValueError:
        return key
    if isclass(metric):
        metric = metric()
    if isinstance(metric, keras.metrics.Metric):
        return _snake_case(type(metric).__name__)
    return getattr(metric, "__name__", key)


# The optimizers the ready-made estimators take by name.
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


def make_optimizer(optimizer, learning_rate, routed):
    """A fresh Keras optimizer from a name, a class or an instance.

    A name or a class is instantiated with ``learning_rate`` and the routed
    ``optimizer__*`` parameters (which win); an instance is copied through
    its config, so a second fit never reuses the first one's slots.
    """
    if isinstance(optimizer, keras.optimizers.Optimizer):
        return fresh_optimizer(optimizer)
    optimizer_class = OPTIMIZERS.get(optimizer, optimizer)
    return build_from_params(optimizer_class, {"learning_rate": learning_rate, **routed})

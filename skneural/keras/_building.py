"""How a wrapper builds and compiles its Keras model (a mixin of BaseWrapper).

The model comes from ``model`` (a build function, called with the
arguments routed to it and, when its signature asks for them, ``meta``,
``compile_kwargs`` and ``params``; or a model instance, copied) or from a
subclass's ``_keras_build_fn``; an uncompiled model is compiled from the
``optimizer``, ``loss`` and ``metrics`` parameters.
"""

import copy
import functools
import warnings
from contextlib import nullcontext

import keras

from ._compile import compile_kwargs
from ._routing import accepts_argument, route_params

__all__ = ["ModelBuildingMixin", "describe_source"]


class ModelBuildingMixin:
    """Building and compiling the model of a :class:`BaseWrapper`."""

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
                f"The model-building function {describe_source(build)} takes no argument named "
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
                f"The model-building function {describe_source(source)} returned "
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

    def _model_description(self):
        """How error messages name the model."""
        return describe_source(self._model_source())


def describe_source(source):
    """How an error message names a build function (or model instance)."""
    if isinstance(source, keras.Model):
        return f"the {type(source).__name__} instance given as model"
    if isinstance(source, functools.partial):
        source = source.func
    return getattr(source, "__qualname__", repr(source))

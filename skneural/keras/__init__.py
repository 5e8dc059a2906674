"""Keras estimators with scikit-learn's API (needs the ``keras`` extra).

:class:`KerasClassifier`, :class:`KerasRegressor` and :class:`BaseWrapper`
wrap any Keras model with SciKeras's API (change the import from
``scikeras.wrappers`` to ``skneural.keras``); the ready-made estimators are
built-in models over them. The only part of skneural that imports
TensorFlow and Keras, imported only by ``import skneural.keras``.
"""

from ._encoders import ClassifierLabelEncoder, RegressorTargetEncoder
from ._estimators import KerasClassifier, KerasRegressor
from ._mlp import KerasMLPClassifier, KerasMLPRegressor
from ._wide_deep import KerasWideDeepRegressor
from ._wrapper import BaseWrapper

__all__ = [
    "BaseWrapper",
    "ClassifierLabelEncoder",
    "KerasClassifier",
    "KerasMLPClassifier",
    "KerasMLPRegressor",
    "KerasRegressor",
    "KerasWideDeepRegressor",
    "RegressorTargetEncoder",
]

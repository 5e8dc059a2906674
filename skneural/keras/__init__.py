"""Keras estimators with scikit-learn's API (needs the ``keras`` extra).

The only part of skneural that imports TensorFlow, Keras and SciKeras; it is
imported only by ``import skneural.keras``. The estimators are built on
SciKeras's wrappers, with its defects under scikit-learn 1.9 fixed in
:mod:`skneural.keras._base`.
"""

from ._mlp import KerasMLPClassifier, KerasMLPRegressor
from ._wide_deep import KerasWideDeepRegressor

__all__ = [
    "KerasMLPClassifier",
    "KerasMLPRegressor",
    "KerasWideDeepRegressor",
]

"""Target encoders: what the Keras model trains on, and back to predictions.

A wrapper fits its ``target_encoder`` on ``y`` in ``fit``; ``transform``
gives the target the compiled model expects, ``inverse_transform`` turns the
model's output back into predictions, and ``get_metadata`` returns the
attributes (``classes_``, ``n_outputs_expected_``, ...) the wrapper takes
over and hands to the model-building function in ``meta``. Subclass a
wrapper and override its ``target_encoder`` (or ``feature_encoder``)
property to train a multi-output (or multi-input) model.
"""

import keras
import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder
from sklearn.utils.multiclass import type_of_target
from sklearn.utils.validation import check_is_fitted

__all__ = ["ClassifierLabelEncoder", "RegressorTargetEncoder", "is_categorical_crossentropy"]

_CATEGORICAL_NAMES = frozenset({"categorical_crossentropy", "cce", "CategoricalCrossentropy"})


def is_categorical_crossentropy(loss):
    """Whether ``loss`` (a name, function, class or instance) wants one-hot targets."""
    if isinstance(loss, str):
        return loss in _CATEGORICAL_NAMES
    if isinstance(loss, type):
        return issubclass(loss, keras.losses.CategoricalCrossentropy)
    if isinstance(loss, keras.losses.CategoricalCrossentropy):
        return True
    return getattr(loss, "__name__", None) == "categorical_crossentropy"


def _float_dtype():
    return np.dtype(keras.backend.floatx())


class ClassifierLabelEncoder(TransformerMixin, BaseEstimator):
    """Class labels to the ordinals (or one-hot rows) a Keras classifier trains on.

    Binary and multiclass labels become ordinals ``0 .. n_classes - 1`` in a
    column, or one-hot rows when the loss is categorical cross-entropy. A
    label indicator matrix passes as it is (one output unit per label);
    when each row holds exactly one 1 it is recorded as
    ``'multiclass-onehot'`` and predicted as one-hot rows.

    Parameters
    ----------
    loss : str, keras Loss, callable or None, default=None
        The wrapper's loss; categorical cross-entropy asks for one-hot rows.
    categories : 'auto' or list of one ndarray, default='auto'
        The classes, when they are known before seeing ``y``
        (``partial_fit(..., classes=...)``).

    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
        The class labels (column indices for indicator matrices).
    n_classes_ : int
        Number of classes.
    n_outputs_ : int
        Number of target columns in scikit-learn's sense (1).
    n_outputs_expected_ : int
        Number of outputs the Keras model should have (1).
    target_type_ : str
        scikit-learn's type of the target, or ``'multiclass-onehot'``.

    Examples
    --------
    >>> import numpy as np
    >>> from skneural.keras import ClassifierLabelEncoder
    >>> encoder = ClassifierLabelEncoder().fit(np.array(["cat", "dog", "cat"]))
    >>> encoder.transform(np.array(["dog", "cat"])).ravel()
    array([1., 0.], dtype=float32)
    >>> encoder.inverse_transform(np.array([[0.3, 0.7]]))
    array(['dog'], dtype='<U3')
    """

    def __init__(self, loss=None, categories="auto"):
        self.loss = loss
        self.categories = categories

    def _target_type(self, y):
        target_type = type_of_target(y, input_name="y")
        if target_type == "binary" and not isinstance(self.categories, str):
            target_type = type_of_target(self.categories[0])
        return target_type

    def _labels_encoder(self, target_type):
        if target_type == "multiclass" and is_categorical_crossentropy(self.loss):
            return OneHotEncoder(sparse_output=False, dtype=_float_dtype(), categories=self.categories)
        return OrdinalEncoder(dtype=_float_dtype(), categories=self.categories)

    def fit(self, y):
        """Learn the classes of ``y``.

        Parameters
        ----------
        y : ndarray of shape (n_samples,) or (n_samples, n_labels)
            Class labels, or a label indicator matrix.

        Returns
        -------
        self : ClassifierLabelEncoder
            The fitted encoder.
        """
        target_type = self._target_type(y)
        if target_type in ("binary", "multiclass"):
            self.encoder_ = self._labels_encoder(target_type).fit(np.reshape(y, (-1, 1)))
            self.classes_ = self.encoder_.categories_[0]
        elif target_type == "multilabel-indicator":
            self.encoder_ = None
            self.classes_ = np.arange(y.shape[1])
            if y.min() == 0 and (y.sum(axis=1) == 1).all():
                target_type = "multiclass-onehot"
        elif target_type == "multiclass-multioutput":
            raise ValueError(
                "Multioutput target data is not supported by the default target_encoder: "
                "y has several columns, some with more than two classes. Fit one "
                "classifier per column (sklearn.multioutput.MultiOutputClassifier), or "
                "subclass KerasClassifier and override its target_encoder property."
            )
        else:
            raise ValueError(
                f"Unknown label type: {target_type!r}. The default target_encoder takes "
                "binary or multiclass labels, or a label indicator matrix; for other "
                "targets (such as 'multiclass-multioutput'), subclass KerasClassifier "
                "and override its target_encoder property."
            )
        self.target_type_ = target_type
        self.n_classes_ = len(self.classes_)
        self.n_outputs_, self.n_outputs_expected_ = 1, 1
        return self

    def transform(self, y):
        """The target the Keras model trains on.

        Parameters
        ----------
        y : ndarray of shape (n_samples,) or (n_samples, n_labels)
            Class labels of the kind seen in :meth:`fit`.

        Returns
        -------
        target : ndarray of shape (n_samples, 1) or (n_samples, n_units)
            Ordinals, one-hot rows or the indicator matrix, in Keras's float type.
        """
        check_is_fitted(self)
        if self.encoder_ is None:
            return np.asarray(y, dtype=_float_dtype())
        return self.encoder_.transform(np.reshape(y, (-1, 1)))

    def inverse_transform(self, y, return_proba=False):
        """Class predictions (or probabilities) from the model's output.

        Parameters
        ----------
        y : ndarray of shape (n_samples, n_units)
            The Keras model's output: one sigmoid unit for binary targets,
            else one unit per class or label.
        return_proba : bool, default=False
            Return the probability of each class instead of the classes.

        Returns
        -------
        predictions : ndarray
            The classes, shaped as the ``y`` of :meth:`fit`; or, with
            ``return_proba``, probabilities of shape (n_samples, n_classes).
        """
        check_is_fitted(self)
        y = np.asarray(y).reshape(len(y), -1)
        if self.n_classes_ == 1:  # one class seen: it is the only answer
            return np.ones((len(y), 1)) if return_proba else np.repeat(self.classes_, len(y))
        if self.target_type_ == "binary" and y.shape[1] == 1:
            y = np.hstack([1 - y, y])
        if return_proba:
            return y
        if self.target_type_ == "multilabel-indicator":
            return (y > 0.5).astype(int)
        winners = np.argmax(y, axis=1)
        if self.target_type_ == "multiclass-onehot":
            return np.eye(y.shape[1], dtype=int)[winners]
        return self.classes_[winners]

    def get_metadata(self):
        """The attributes a wrapper takes over from this encoder.

        Returns
        -------
        metadata : dict
            ``classes_``, ``n_classes_``, ``n_outputs_`` and ``n_outputs_expected_``.
        """
        return {
            "classes_": self.classes_, "n_classes_": self.n_classes_,
            "n_outputs_": self.n_outputs_, "n_outputs_expected_": self.n_outputs_expected_,
        }


class RegressorTargetEncoder(TransformerMixin, BaseEstimator):
    """Regression targets as they are, and the model's output back in their shape.

    Attributes
    ----------
    n_outputs_ : int
        Number of target columns.
    n_outputs_expected_ : int
        Number of outputs the Keras model should have (1: one output
        whose width is ``n_outputs_``).

    Examples
    --------
    >>> import numpy as np
    >>> from skneural.keras import RegressorTargetEncoder
    >>> encoder = RegressorTargetEncoder().fit(np.zeros(4))
    >>> encoder.inverse_transform(np.ones((2, 1))).shape
    (2,)
    """

    def fit(self, y):
        """Record the shape of ``y``.

        Parameters
        ----------
        y : ndarray of shape (n_samples,) or (n_samples, n_outputs)
            The targets.

        Returns
        -------
        self : RegressorTargetEncoder
            The fitted encoder.
        """
        self._shape = np.shape(y)[1:]
        self.n_outputs_ = 1 if np.ndim(y) == 1 else np.shape(y)[1]
        self.n_outputs_expected_ = 1
        return self

    def transform(self, y):
        """The targets, checked to have as many columns as in :meth:`fit`.

        Parameters
        ----------
        y : ndarray of shape (n_samples,) or (n_samples, n_outputs)
            The targets.

        Returns
        -------
        y : ndarray
            ``y`` itself.
        """
        check_is_fitted(self)
        if np.shape(y)[1:] != self._shape:
            raise ValueError(
                f"y has shape {np.shape(y)}, but this estimator was fitted on targets "
                f"of shape (n_samples, {', '.join(map(str, self._shape))})."
            )
        return y

    def inverse_transform(self, y):
        """The model's output in the shape of the targets.

        Parameters
        ----------
        y : ndarray of shape (n_samples, n_outputs)
            The Keras model's output.

        Returns
        -------
        predictions : ndarray of shape (n_samples,) or (n_samples, n_outputs)
            Shaped as the ``y`` of :meth:`fit`.
        """
        check_is_fitted(self)
        return np.reshape(y, (-1, *self._shape))

    def get_metadata(self):
        """The attributes a wrapper takes over from this encoder.

        Returns
        -------
        metadata : dict
            ``n_outputs_`` and ``n_outputs_expected_``.
        """
        return {"n_outputs_": self.n_outputs_, "n_outputs_expected_": self.n_outputs_expected_}

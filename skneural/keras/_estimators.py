"""KerasClassifier and KerasRegressor: SciKeras's two estimators, for any model."""

import numpy as np
from sklearn.base import ClassifierMixin, RegressorMixin
from sklearn.metrics import accuracy_score, r2_score
from sklearn.utils.class_weight import compute_sample_weight
from sklearn.utils.multiclass import check_classification_targets, type_of_target
from sklearn.utils.validation import column_or_1d

from ..training import combined_sample_weight
from ..utils._sklearn import StrOptions
from ._encoders import ClassifierLabelEncoder, RegressorTargetEncoder
from ._wrapper import BaseWrapper

__all__ = ["KerasClassifier", "KerasRegressor"]

_SHARED_DOC = BaseWrapper.__doc__.split("Parameters\n    ----------\n", 1)[1]
_PARAMETERS, _ATTRIBUTES = _SHARED_DOC.split("    Attributes\n    ----------\n")
_ATTRIBUTES = _ATTRIBUTES.split("    Examples\n")[0]
_CLASS_WEIGHT_DOC = """\
    class_weight : dict, 'balanced' or None, default=None
        Weights of the classes, ``{label: weight}``, or 'balanced' for weights
        inversely proportional to the class frequencies; multiplied into
        ``sample_weight``.

"""


class KerasClassifier(ClassifierMixin, BaseWrapper):
    _parameter_constraints: dict = {
        **BaseWrapper._parameter_constraints,
        "class_weight": [dict, StrOptions({"balanced"}), None],
    }
    # Class weights become sample weights, so Keras never sees class_weight.
    _fit_kwargs = BaseWrapper._fit_kwargs - {"class_weight"}

    def __init__(self, model=None, *, build_fn=None, warm_start=False, random_state=None,
                 optimizer="rmsprop", loss=None, metrics=None, batch_size=None,
                 validation_batch_size=None, verbose=1, callbacks=None, validation_split=0.0,
                 shuffle=True, run_eagerly=False, epochs=1, distribution_strategy=None,
                 class_weight=None, **kwargs):
        super().__init__(
            model=model, build_fn=build_fn, warm_start=warm_start, random_state=random_state,
            optimizer=optimizer, loss=loss, metrics=metrics, batch_size=batch_size,
            validation_batch_size=validation_batch_size, verbose=verbose, callbacks=callbacks,
            validation_split=validation_split, shuffle=shuffle, run_eagerly=run_eagerly,
            epochs=epochs, distribution_strategy=distribution_strategy, **kwargs,
        )
        self.class_weight = class_weight

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.classifier_tags.multi_label = True
        return tags

    @property
    def target_encoder(self):
        """Class labels to ordinals (one-hot for categorical cross-entropy)."""
        classes = getattr(self, "_partial_fit_classes", None)
        return ClassifierLabelEncoder(
            loss=getattr(self, "loss", None),
            categories="auto" if classes is None else [classes],
        )

    def _validate_target(self, y, reset):
        if y.ndim == 2 and y.shape[1] == 1:
            y = column_or_1d(y, warn=True)
        check_classification_targets(y)
        y = super()._validate_target(y, reset)
        classes = getattr(self, "classes_", None)
        if not reset and classes is not None and y.ndim == 1:
            unseen = np.setdiff1d(y, classes)
            if unseen.size:
                raise ValueError(
                    f"y holds labels {unseen.tolist()} that are not in classes_ "
                    f"{classes.tolist()} (the classes of the first fit, or those given "
                    "to partial_fit as classes)."
                )
        if reset:
            self.target_type_ = type_of_target(y, input_name="y")
            classes = getattr(self, "_partial_fit_classes", None)
            if self.target_type_ == "binary" and classes is not None:
                self.target_type_ = type_of_target(classes, input_name="classes")
        return y

    def _sample_weight(self, X, y, sample_weight):
        sample_weight = super()._sample_weight(X, y, sample_weight)
        if self.class_weight is None:
            return sample_weight
        class_weights = compute_sample_weight(self.class_weight, y).astype(np.float32)
        return combined_sample_weight(sample_weight, class_weights)

    def _fits_output(self, width, target_width):
        n_classes = getattr(self, "n_classes_", None)
        if target_width == 1 and n_classes:
            return width >= n_classes or (width == 1 and n_classes <= 2)
        return width == target_width

    def _expected_output(self):
        n_classes = getattr(self, "n_classes_", None)
        return f" ({n_classes} classes)" if n_classes else ""

    def partial_fit(self, X, y, classes=None, sample_weight=None, **kwargs):
        """Train the model (built at the first call) for one more epoch.

        Parameters
        ----------
        X : {array-like, sparse matrix} of shape (n_samples, ...)
            Training input.
        y : array-like of shape (n_samples,) or (n_samples, n_labels)
            Class labels.
        classes : array-like of shape (n_classes,), default=None
            Every class of the whole data, needed at the first call when
            ``y`` may not hold them all; ignored afterwards.
        sample_weight : array-like of shape (n_samples,), default=None
            Weight of each sample in the loss.
        **kwargs : dict
            Extra arguments of ``keras.Model.fit`` (not ``epochs``).

        Returns
        -------
        self : object
            The estimator, trained for one more epoch.
        """
        if classes is not None and not self.initialized_:
            self._partial_fit_classes = np.asarray(classes)
        try:
            return super().partial_fit(X, y, sample_weight=sample_weight, **kwargs)
        finally:
            vars(self).pop("_partial_fit_classes", None)

    # The scorer with the score__ parameters, not ClassifierMixin's accuracy.
    score = BaseWrapper.score

    def predict_proba(self, X, **kwargs):
        """Probability estimates of the classes for ``X``.

        Parameters
        ----------
        X : {array-like, sparse matrix} of shape (n_samples, ...)
            Input samples.
        **kwargs : dict
            Extra arguments of ``keras.Model.predict``.

        Returns
        -------
        proba : ndarray of shape (n_samples, n_classes)
            The probability of each class, in the order of ``classes_``
            (two columns for a binary model with one sigmoid unit).
        """
        output = self._predict_raw(X, **kwargs)
        return self.target_encoder_.inverse_transform(output, return_proba=True)

    @staticmethod
    def scorer(y_true, y_pred, **kwargs):
        """Accuracy (``sklearn.metrics.accuracy_score``); override to change it.

        Parameters
        ----------
        y_true : array-like
            True labels.
        y_pred : array-like
            Predicted labels.
        **kwargs : dict
            ``sample_weight`` and the ``score__*`` parameters.

        Returns
        -------
        score : float
            The accuracy.
        """
        return accuracy_score(y_true, y_pred, **kwargs)


class KerasRegressor(RegressorMixin, BaseWrapper):
    _y_numeric = True

    # The scorer with the score__ parameters, not RegressorMixin's R².
    score = BaseWrapper.score

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.target_tags.multi_output = True
        return tags

    @property
    def target_encoder(self):
        """Targets as they are; predictions reshaped like them."""
        return RegressorTargetEncoder()

    def _validate_target(self, y, reset):
        y = super()._validate_target(y, reset)
        if reset:
            self.target_type_ = type_of_target(y, input_name="y")
        return y

    @staticmethod
    def scorer(y_true, y_pred, **kwargs):
        """R² (``sklearn.metrics.r2_score``); override to change it.

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
            The coefficient of determination.
        """
        return r2_score(y_true, y_pred, **kwargs)


KerasClassifier.__doc__ = f"""A Keras classification model as a scikit-learn classifier.

    SciKeras's ``KerasClassifier``, for any model: labels are encoded by
    ``target_encoder`` (ordinals, or one-hot rows for categorical
    cross-entropy), ``predict`` returns labels, ``predict_proba``
    probabilities and ``score`` the accuracy. See :class:`BaseWrapper`.

    Parameters
    ----------
{_PARAMETERS.split("    **kwargs")[0]}{_CLASS_WEIGHT_DOC}    **kwargs{_PARAMETERS.split("    **kwargs")[1]}
    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
        The class labels.

    n_classes_ : int
        Number of classes.

    n_outputs_expected_ : int
        Number of outputs the Keras model should have.

{_ATTRIBUTES}
    Examples
    --------
    >>> import keras
    >>> from sklearn.datasets import load_iris
    >>> from skneural.keras import KerasClassifier
    >>> def build(meta, n_hidden=8):
    ...     return keras.Sequential([
    ...         keras.Input((meta["n_features_in_"],)),
    ...         keras.layers.Dense(n_hidden, activation="relu"),
    ...         keras.layers.Dense(meta["n_classes_"], activation="softmax"),
    ...     ])
    >>> X, y = load_iris(return_X_y=True)
    >>> clf = KerasClassifier(build, loss="sparse_categorical_crossentropy",
    ...                       model__n_hidden=4, epochs=2, verbose=0, random_state=0)
    >>> clf.fit(X, y).predict_proba(X[:2]).shape
    (2, 3)
    """

KerasRegressor.__doc__ = f"""A Keras regression model as a scikit-learn regressor.

    SciKeras's ``KerasRegressor``, for any model: ``predict`` returns the
    model's output shaped like the training targets and ``score`` the R².
    See :class:`BaseWrapper`.

    Parameters
    ----------
{_PARAMETERS}
    Attributes
    ----------
    n_outputs_ : int
        Number of target columns.

    n_outputs_expected_ : int
        Number of outputs the Keras model should have.

{_ATTRIBUTES}
    Examples
    --------
    >>> import keras
    >>> from sklearn.datasets import make_regression
    >>> from skneural.keras import KerasRegressor
    >>> def build(meta):
    ...     return keras.Sequential([
    ...         keras.Input((meta["n_features_in_"],)), keras.layers.Dense(1)
    ...     ])
    >>> X, y = make_regression(n_samples=40, n_features=3, random_state=0)
    >>> reg = KerasRegressor(build, loss="mse", epochs=2, verbose=0, random_state=0)
    >>> reg.fit(X, y).predict(X[:2]).shape
    (2,)
    """

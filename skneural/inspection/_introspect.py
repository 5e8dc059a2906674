"""What the Displays read from an estimator, duck-typed so that they accept
our NumPy MLPs and perceptrons, scikit-learn's MLPs and linear models,
Keras estimators and fitted Pipelines ending with any of them."""

import numpy as np
from sklearn.pipeline import Pipeline
from sklearn.utils.multiclass import unique_labels
from sklearn.utils.validation import check_is_fitted

__all__ = [
    "as_images",
    "class_names",
    "final_estimator",
    "image_shape_of",
    "label_names",
    "layer_weights",
    "prediction_confidence",
]


def final_estimator(estimator):
    """The last step of a Pipeline, else ``estimator``; checked to be fitted."""
    if isinstance(estimator, Pipeline):
        estimator = estimator[-1]
    check_is_fitted(estimator)
    return estimator


def layer_weights(estimator):
    """Weights of shape (fan_in, fan_out) and biases of every dense layer.

    Read from ``coefs_``/``intercepts_`` (MLPs), ``coef_``/``intercept_``
    (linear models and perceptrons, one layer) or the Dense layers of a
    Keras ``model_``.
    """
    estimator = final_estimator(estimator)
    if hasattr(estimator, "coefs_"):
        return list(estimator.coefs_), list(estimator.intercepts_)
    if hasattr(estimator, "coef_"):
        coef = np.atleast_2d(estimator.coef_)
        intercept = np.broadcast_to(getattr(estimator, "intercept_", 0.0), coef.shape[:1])
        return [coef.T], [np.asarray(intercept)]
    model = getattr(estimator, "model_", None)
    if model is not None and hasattr(model, "layers"):
        dense = [w for w in (layer.get_weights() for layer in model.layers)
                 if len(w) == 2 and np.ndim(w[0]) == 2]
        if dense:
            return [w[0] for w in dense], [w[1] for w in dense]
    raise TypeError(
        f"{type(estimator).__name__} exposes no layer weights: expected a network with "
        "coefs_ (an MLP), a linear model with coef_, or a Keras estimator with model_."
    )


def class_names(estimator, n_units, display_labels=None):
    """Titles of the output units: class names when they match, else None."""
    if display_labels is not None:
        return [str(label) for label in display_labels]
    classes = getattr(final_estimator(estimator), "classes_", None)
    if classes is None or np.ndim(classes) != 1:
        return None
    if len(classes) == n_units:
        return [str(label) for label in classes]
    if len(classes) == 2 and n_units == 1:  # a binary output unit scores the positive class
        return [str(classes[1])]
    return None


def label_names(y_true, y_pred, display_labels=None, labels=None):
    """``{label: name}`` over ``labels``, by default those of ``y_true`` and ``y_pred``."""
    labels = unique_labels(y_true, y_pred) if labels is None else np.asarray(labels)
    names = labels if display_labels is None else display_labels
    if len(names) != len(labels):
        raise ValueError(
            f"display_labels has {len(names)} names for the {len(labels)} labels {labels}."
        )
    return {label: str(name) for label, name in zip(labels, names)}


def prediction_confidence(estimator, X):
    """Confidence in each prediction: the largest class probability, else the
    largest decision value (its absolute value for binary problems), else None."""
    if hasattr(estimator, "predict_proba"):
        return np.max(estimator.predict_proba(X), axis=1)
    if hasattr(estimator, "decision_function"):
        scores = estimator.decision_function(X)
        return np.abs(scores) if np.ndim(scores) == 1 else np.max(scores, axis=1)
    return None


def as_images(X, image_shape=None):
    """``X`` as an array of images of shape (n_samples, *image_shape).

    Without ``image_shape``, rows of ``n`` features become square grey
    images when ``n`` is a square, else square colour images when ``n / 3``
    is; arrays that already have more than two dimensions are kept.
    """
    X = np.asarray(X)
    if image_shape is None and X.ndim > 2:
        return X
    X = X.reshape(len(X), -1)
    return X.reshape(len(X), *image_shape_of(X.shape[1], image_shape))


def image_shape_of(n_features, image_shape=None):
    """``image_shape`` as a tuple, checked to hold ``n_features`` values, or
    inferred from ``n_features`` when None (see :func:`infer_image_shape`)."""
    shape = infer_image_shape(n_features) if image_shape is None else tuple(image_shape)
    if int(np.prod(shape)) != n_features:
        raise ValueError(
            f"image_shape={shape} holds {int(np.prod(shape))} values, but the data have "
            f"{n_features} features."
        )
    return shape


def infer_image_shape(n_features):
    """(side, side) or (side, side, 3) for square images of ``n_features``."""
    for channels in (1, 3):
        side = int(round(np.sqrt(n_features / channels)))
        if channels * side * side == n_features:
            return (side, side) if channels == 1 else (side, side, 3)
    raise ValueError(
        f"Cannot tell the image shape of {n_features} features: pass "
        "image_shape=(height, width) or (height, width, 3)."
    )

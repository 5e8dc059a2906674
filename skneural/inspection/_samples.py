"""Test samples drawn as images: ConfusionSamplesDisplay and
MisclassifiedDisplay."""

import numpy as np
from sklearn.metrics import confusion_matrix

from ._docstrings import fill_display_docs
from ._grid import grid_axes, grid_shape, hide_unused, show_image
from ._introspect import as_images, label_names, prediction_confidence

__all__ = ["ConfusionSamplesDisplay", "MisclassifiedDisplay"]


def _most_confident(in_cell, confidence):
    """Index of the most confident sample of a cell (the first without
    confidences), or -1 for an empty cell."""
    (indices,) = np.nonzero(in_cell)
    if len(indices) == 0:
        return -1
    if confidence is None:
        return int(indices[0])
    return int(indices[np.argmax(confidence[indices])])


@fill_display_docs
class ConfusionSamplesDisplay:
    """For every cell of the confusion matrix, its most confident sample.

    Rows are true labels, columns predicted labels; each panel shows the
    sample of that cell with the highest predicted probability (or decision
    value) and the number of samples in the cell. Create it with
    :meth:`from_estimator` or :meth:`from_predictions`.

    Parameters
    ----------
    images : ndarray of shape (n_samples, height, width[, 3])
        The images of all samples.

    sample_indices : ndarray of shape (n_classes, n_classes)
        Index of the sample drawn in each cell, -1 for an empty cell.

    confusion_matrix : ndarray of shape (n_classes, n_classes)
        The confusion matrix.

    display_labels : list of str
        Names of the classes.

    Attributes
    ----------
    images_ : ndarray of shape (n_classes, n_classes), dtype=object
        The AxesImage of each cell, None for empty cells.

    ax_ : ndarray of matplotlib Axes of shape (n_classes, n_classes)
        One panel per cell.

    {figure}

    See Also
    --------
    sklearn.metrics.ConfusionMatrixDisplay : The counts as a heat map.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from sklearn.datasets import load_digits
    >>> from skneural import NumpyMLPClassifier
    >>> from skneural.inspection import ConfusionSamplesDisplay
    >>> X, y = load_digits(return_X_y=True)
    >>> clf = NumpyMLPClassifier((16,), max_iter=30, random_state=0).fit(X / 16, y)
    >>> display = ConfusionSamplesDisplay.from_estimator(clf, X / 16, y)
    >>> display.ax_.shape, int(display.confusion_matrix.sum())
    ((10, 10), 1797)
    """

    def __init__(self, images, sample_indices, confusion_matrix, *, display_labels):
        self.images = images
        self.sample_indices = sample_indices
        self.confusion_matrix = confusion_matrix
        self.display_labels = display_labels

    def plot(self, ax=None, *, cmap="gray"):
        """Draw one panel per cell of the confusion matrix.

        Parameters
        ----------
        ax : matplotlib Axes, array-like of Axes or None, default=None
            None draws on a new figure; one Axes is split into the grid; an
            array needs ``n_classes ** 2`` axes.

        {cmap}

        Returns
        -------
        display : ConfusionSamplesDisplay
        """
        n_classes = len(self.display_labels)
        self.figure_, self.ax_ = grid_axes(ax, n_classes, n_classes, panel_size=(1.1, 1.1))
        self.images_ = np.full((n_classes, n_classes), None, dtype=object)
        for (i, j), index in np.ndenumerate(self.sample_indices):
            ax_ij = self.ax_[i, j]
            ax_ij.set_xticks([])
            ax_ij.set_yticks([])
            if index >= 0:
                self.images_[i, j] = show_image(ax_ij, self.images[index], cmap)
            count = self.confusion_matrix[i, j]
            color = "black" if i == j else ("tab:red" if count else "gray")
            ax_ij.set_title(str(count), fontsize=7, pad=2, color=color)
        for k, label in enumerate(self.display_labels):
            self.ax_[k, 0].set_ylabel(f"true {label}", fontsize=8)
            self.ax_[-1, k].set_xlabel(f"predicted {label}", fontsize=8)
        return self

    @classmethod
    def from_estimator(cls, estimator, X, y, *, images=None, image_shape=None, labels=None,
                       display_labels=None, ax=None, cmap="gray"):
        """Draw the most confident sample of each confusion-matrix cell.

        Parameters
        ----------
        {classifier}

        images : array-like or None, default=None
            The pictures to draw, one per sample, when ``X`` is not (e.g.
            ``X`` was scaled); None draws ``X``.

        image_shape : tuple of int or None, default=None
            Shape of one image; inferred for square grey or colour images.

        labels, display_labels, ax, cmap
            As in :meth:`from_predictions`.

        Returns
        -------
        display : ConfusionSamplesDisplay
        """
        confidence = prediction_confidence(estimator, X)
        images = X if images is None else images
        return cls.from_predictions(y, estimator.predict(X), images, confidence=confidence,
                                    image_shape=image_shape, labels=labels,
                                    display_labels=display_labels, ax=ax, cmap=cmap)

    @classmethod
    def from_predictions(cls, y_true, y_pred, images, *, confidence=None, image_shape=None,
                         labels=None, display_labels=None, ax=None, cmap="gray"):
        """Draw the most confident sample of each cell, given predictions.

        Parameters
        ----------
        y_true, y_pred : array-like of shape (n_samples,)
            True and predicted labels.

        images : array-like of shape (n_samples, n_features) or \
(n_samples, height, width[, 3])
            The pictures of the samples.

        confidence : array-like of shape (n_samples,) or None, default=None
            Confidence of each prediction (e.g. its probability); None
            draws the first sample of each cell.

        image_shape : tuple of int or None, default=None
            Shape of one image; inferred for square grey or colour images.

        labels : array-like of shape (n_classes,) or None, default=None
            Labels indexing the matrix; by default those in ``y_true`` and
            ``y_pred``, sorted.

        display_labels : array-like of shape (n_classes,) or None, default=None
            Names of the labels; by default the labels themselves.

        {ax_from}

        {cmap}

        Returns
        -------
        display : ConfusionSamplesDisplay
        """
        y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
        names = label_names(y_true, y_pred, display_labels, labels)
        labels = np.asarray(list(names))
        matrix = confusion_matrix(y_true, y_pred, labels=labels)
        confidence = None if confidence is None else np.asarray(confidence)
        indices = np.array([[_most_confident((y_true == t) & (y_pred == p), confidence)
                             for p in labels] for t in labels])
        display = cls(as_images(images, image_shape), indices, matrix,
                      display_labels=list(names.values()))
        return display.plot(ax=ax, cmap=cmap)


@fill_display_docs
class MisclassifiedDisplay:
    """A grid of samples, the misclassified ones first, with true and
    predicted labels (in red when they differ).

    Create it with :meth:`from_estimator` or :meth:`from_predictions`.

    Parameters
    ----------
    images : ndarray of shape (n_samples, height, width[, 3])
        The images of the samples.

    y_true, y_pred : ndarray of shape (n_samples,)
        True and predicted labels.

    display_labels : dict or None, default=None
        ``{label: name}`` to print; None prints the labels.

    Attributes
    ----------
    shown_indices_ : ndarray of shape (n_shown,)
        Indices of the samples drawn, in order: misclassified first.

    images_ : list of matplotlib AxesImage
        One image per sample drawn.

    ax_ : ndarray of matplotlib Axes of shape (n_rows, n_cols)
        The grid of panels.

    {figure}

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from sklearn.datasets import load_digits
    >>> from skneural import NumpyMLPClassifier
    >>> from skneural.inspection import MisclassifiedDisplay
    >>> X, y = load_digits(return_X_y=True)
    >>> clf = NumpyMLPClassifier((16,), max_iter=5, random_state=0).fit(X / 16, y)
    >>> display = MisclassifiedDisplay.from_estimator(clf, X / 16, y, n_images=20)
    >>> len(display.images_)
    20
    """

    def __init__(self, images, y_true, y_pred, *, display_labels=None):
        self.images = images
        self.y_true = y_true
        self.y_pred = y_pred
        self.display_labels = display_labels

    def plot(self, ax=None, *, n_images=30, n_cols=None, cmap="gray"):
        """Draw the samples, misclassified first.

        Parameters
        ----------
        ax : matplotlib Axes, array-like of Axes or None, default=None
            None draws on a new figure; one Axes is split into the grid; an
            array needs one Axes per panel of the grid.

        n_images : int, default=30
            Number of samples drawn (at most the number of samples).

        n_cols : int or None, default=None
            Number of columns of the grid.

        {cmap}

        Returns
        -------
        display : MisclassifiedDisplay
        """
        y_true, y_pred = np.asarray(self.y_true), np.asarray(self.y_pred)
        names = self.display_labels or {}
        order = np.argsort(y_true == y_pred, kind="stable")
        self.shown_indices_ = order[: min(n_images, len(order))]
        n_shown = len(self.shown_indices_)
        self.figure_, self.ax_ = grid_axes(ax, *grid_shape(n_shown, n_cols))
        self.images_ = []
        for ax_i, index in zip(self.ax_.flat, self.shown_indices_):
            self.images_.append(show_image(ax_i, self.images[index], cmap))
            true, pred = (names.get(v, v) for v in (y_true[index], y_pred[index]))
            wrong = y_true[index] != y_pred[index]
            ax_i.set_title(f"true {true}\npred. {pred}", fontsize=8,
                           color="tab:red" if wrong else "black")
        hide_unused(self.ax_, n_shown)
        return self

    @classmethod
    def from_estimator(cls, estimator, X, y, *, images=None, image_shape=None,
                       display_labels=None, ax=None, n_images=30, n_cols=None, cmap="gray"):
        """Draw samples with their predicted labels, misclassified first.

        Parameters
        ----------
        {classifier}

        images : array-like or None, default=None
            The pictures to draw when ``X`` is not; None draws ``X``.

        image_shape, display_labels, ax, n_images, n_cols, cmap
            As in :meth:`from_predictions`.

        Returns
        -------
        display : MisclassifiedDisplay
        """
        images = X if images is None else images
        return cls.from_predictions(y, estimator.predict(X), images, image_shape=image_shape,
                                    display_labels=display_labels, ax=ax, n_images=n_images,
                                    n_cols=n_cols, cmap=cmap)

    @classmethod
    def from_predictions(cls, y_true, y_pred, images, *, image_shape=None,
                         display_labels=None, ax=None, n_images=30, n_cols=None, cmap="gray"):
        """Draw samples with given predicted labels, misclassified first.

        Parameters
        ----------
        y_true, y_pred : array-like of shape (n_samples,)
            True and predicted labels.

        images : array-like of shape (n_samples, n_features) or \
(n_samples, height, width[, 3])
            The pictures of the samples.

        image_shape : tuple of int or None, default=None
            Shape of one image; inferred for square grey or colour images.

        display_labels : array-like of shape (n_classes,) or None, default=None
            Names of the sorted labels of ``y_true`` and ``y_pred``.

        {ax_from}

        n_images, n_cols, cmap
            As in :meth:`plot`.

        Returns
        -------
        display : MisclassifiedDisplay
        """
        names = label_names(y_true, y_pred, display_labels)
        display = cls(as_images(images, image_shape), np.asarray(y_true), np.asarray(y_pred),
                      display_labels=names)
        return display.plot(ax=ax, n_images=n_images, n_cols=n_cols, cmap=cmap)

"""Weights drawn as images: WeightImagesDisplay and HiddenUnitsDisplay."""

import numpy as np

from ._docstrings import fill_display_docs
from ._grid import grid_axes, grid_shape, hide_unused, show_image
from ._introspect import class_names, image_shape_of, layer_weights

__all__ = ["HiddenUnitsDisplay", "WeightImagesDisplay"]


def _layer_index(layer, n_layers):
    if not -n_layers <= layer < n_layers:
        raise ValueError(f"layer must be in [{-n_layers}, {n_layers - 1}], got {layer}.")
    return layer % n_layers


@fill_display_docs
class WeightImagesDisplay:
    """The weights into each unit of a layer, drawn as images.

    For a one-layer network on MNIST the ten 28x28 images of the output
    units look like blurred templates of the digits. Create it with
    :meth:`from_estimator`; all attributes are stored as given.

    Parameters
    ----------
    weights : ndarray of shape (n_units, n_inputs)
        Weights into each unit.

    image_shape : tuple of int
        Shape of one image: (height, width) or (height, width, 3).

    titles : list of str or None, default=None
        Title of each panel; None gives "unit i".

    Attributes
    ----------
    images_ : list of matplotlib AxesImage
        One image per unit.

    ax_ : ndarray of matplotlib Axes of shape (n_rows, n_cols)
        The grid of panels; those beyond ``n_units`` are turned off.

    {figure}

    See Also
    --------
    HiddenUnitsDisplay : First-layer filters and the output weights on them.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from sklearn.datasets import load_digits
    >>> from skneural import NumpyMLPClassifier
    >>> from skneural.inspection import WeightImagesDisplay
    >>> X, y = load_digits(return_X_y=True)
    >>> clf = NumpyMLPClassifier(hidden_layer_sizes=(), max_iter=50, random_state=0)
    >>> clf = clf.fit(X / 16, y)
    >>> display = WeightImagesDisplay.from_estimator(clf)
    >>> len(display.images_), display.ax_[0, 0].get_title()
    (10, '0')
    """

    def __init__(self, weights, *, image_shape, titles=None):
        self.weights = weights
        self.image_shape = image_shape
        self.titles = titles

    def plot(self, ax=None, *, cmap="gray", n_cols=None):
        """Draw the weight images.

        Parameters
        ----------
        ax : matplotlib Axes, array-like of Axes or None, default=None
            None draws on a new figure; one Axes is split into the grid; an
            array needs one Axes per panel of the grid.

        cmap : str or matplotlib Colormap, default="gray"
            Colour map of grey images: lowest weight black, highest white.

        n_cols : int or None, default=None
            Number of columns of the grid.

        Returns
        -------
        display : WeightImagesDisplay
            Object that stores the computed values.
        """
        weights = np.asarray(self.weights)
        n_units = len(weights)
        titles = self.titles or [f"unit {i}" for i in range(n_units)]
        self.figure_, self.ax_ = grid_axes(ax, *grid_shape(n_units, n_cols))
        self.images_ = []
        for ax_i, unit_weights, title in zip(self.ax_.flat, weights, titles):
            self.images_.append(show_image(ax_i, unit_weights.reshape(self.image_shape), cmap))
            ax_i.set_title(title, fontsize=9)
        hide_unused(self.ax_, n_units)
        return self

    @classmethod
    def from_estimator(cls, estimator, *, layer=0, image_shape=None, display_labels=None,
                       ax=None, cmap="gray", n_cols=None):
        """Draw the weights into the units of one layer of a fitted network.

        Parameters
        ----------
        estimator : estimator instance
            A fitted network or linear model (or a Pipeline ending with
            one): our MLPs and perceptrons, scikit-learn's MLPs and linear
            models (``coef_``), or a Keras estimator.

        layer : int, default=0
            Index of the weight matrix: 0 for the weights from the inputs
            (the output layer of a one-layer network), -1 for the last.

        image_shape : tuple of int or None, default=None
            Shape of one image; inferred for square grey or colour images.

        display_labels : array-like of str or None, default=None
            Titles of the output units; by default the estimator's classes.

        {ax_from}

        {cmap}

        n_cols : int or None, default=None
            Number of columns of the grid.

        Returns
        -------
        display : WeightImagesDisplay
        """
        coefs, _ = layer_weights(estimator)
        index = _layer_index(layer, len(coefs))
        weights = np.asarray(coefs[index]).T
        titles = None
        if index == len(coefs) - 1:
            titles = class_names(estimator, len(weights), display_labels)
        shape = image_shape_of(weights.shape[1], image_shape)
        display = cls(weights, image_shape=shape, titles=titles)
        return display.plot(ax=ax, cmap=cmap, n_cols=n_cols)


@fill_display_docs
class HiddenUnitsDisplay:
    """The filters of a one-hidden-layer network and how each class uses them.

    The top row shows the weights into each hidden unit as an image; below,
    one bar chart per output unit shows its weights on the hidden units.
    Create it with :meth:`from_estimator`.

    Parameters
    ----------
    filters : ndarray of shape (n_hidden, n_inputs)
        Weights into each hidden unit.

    output_weights : ndarray of shape (n_hidden, n_outputs)
        Weights from the hidden units to each output unit.

    image_shape : tuple of int
        Shape of one filter image.

    display_labels : list of str or None, default=None
        Titles of the output units; None gives "output j".

    Attributes
    ----------
    images_ : list of matplotlib AxesImage
        One image per hidden unit.

    bars_ : list of matplotlib BarContainer
        One bar chart per output unit.

    ax_ : ndarray of matplotlib Axes of shape (2, n_cols)
        Filters in the first row, bar charts in the second.

    {figure}

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from sklearn.datasets import load_digits
    >>> from skneural import NumpyMLPClassifier
    >>> from skneural.inspection import HiddenUnitsDisplay
    >>> X, y = load_digits(return_X_y=True)
    >>> clf = NumpyMLPClassifier((10,), max_iter=50, random_state=0).fit(X / 16, y)
    >>> display = HiddenUnitsDisplay.from_estimator(clf)
    >>> len(display.images_), len(display.bars_)
    (10, 10)
    """

    def __init__(self, filters, output_weights, *, image_shape, display_labels=None):
        self.filters = filters
        self.output_weights = output_weights
        self.image_shape = image_shape
        self.display_labels = display_labels

    def plot(self, ax=None, *, cmap="gray"):
        """Draw the filters and the bar charts.

        Parameters
        ----------
        ax : matplotlib Axes, array-like of Axes or None, default=None
            None draws on a new figure; one Axes is split into the grid; an
            array needs ``2 * max(n_hidden, n_outputs)`` axes.

        cmap : str or matplotlib Colormap, default="gray"
            Colour map of grey filters.

        Returns
        -------
        display : HiddenUnitsDisplay
        """
        weights = np.asarray(self.output_weights)
        n_hidden, n_outputs = weights.shape
        n_cols = max(n_hidden, n_outputs)
        self.figure_, self.ax_ = grid_axes(ax, 2, n_cols)
        self.images_ = []
        for i, (ax_i, image) in enumerate(zip(self.ax_[0], np.asarray(self.filters))):
            self.images_.append(show_image(ax_i, image.reshape(self.image_shape), cmap))
            ax_i.set_title(f"unit {i}", fontsize=9)
        labels = self.display_labels or [f"output {j}" for j in range(n_outputs)]
        limit = 1.05 * np.abs(weights).max()
        self.bars_ = []
        for ax_j, column, label in zip(self.ax_[1], weights.T, labels):
            self.bars_.append(ax_j.bar(np.arange(n_hidden), column))
            ax_j.set(ylim=(-limit, limit), xticks=range(n_hidden))
            ax_j.set_title(label, fontsize=9)
            ax_j.tick_params(labelsize=6)
        hide_unused(self.ax_[:1], n_hidden)
        hide_unused(self.ax_[1:], n_outputs)
        return self

    @classmethod
    def from_estimator(cls, estimator, *, image_shape=None, display_labels=None, ax=None,
                       cmap="gray"):
        """Draw the hidden units of a fitted one-hidden-layer network.

        Parameters
        ----------
        estimator : estimator instance
            A fitted network with exactly one hidden layer (or a Pipeline
            ending with one): our MLPs, scikit-learn's or a Keras estimator.

        image_shape : tuple of int or None, default=None
            Shape of one filter image; inferred for square images.

        display_labels : array-like of str or None, default=None
            Titles of the output units; by default the estimator's classes.

        {ax_from}

        cmap : str or matplotlib Colormap, default="gray"
            Colour map of grey filters.

        Returns
        -------
        display : HiddenUnitsDisplay
        """
        coefs, _ = layer_weights(estimator)
        if len(coefs) != 2:
            raise ValueError(
                "HiddenUnitsDisplay needs a network with exactly one hidden layer, got "
                f"{len(coefs) - 1} hidden layers."
            )
        filters = np.asarray(coefs[0]).T
        labels = class_names(estimator, coefs[1].shape[1], display_labels)
        shape = image_shape_of(filters.shape[1], image_shape)
        display = cls(filters, np.asarray(coefs[1]), image_shape=shape,
                      display_labels=labels)
        return display.plot(ax=ax, cmap=cmap)

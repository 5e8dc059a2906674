"""How training went: TrainingCurveDisplay and WeightDistributionDisplay."""

import numpy as np
from sklearn.base import is_classifier

from ._docstrings import fill_display_docs
from ._grid import grid_axes
from ._introspect import final_estimator

__all__ = ["TrainingCurveDisplay", "WeightDistributionDisplay"]


def _epochs(curve):
    return np.arange(1, len(curve) + 1)


def _curves_of(estimator):
    """(loss, validation loss, {name: score curve}) of a fitted estimator."""
    history = getattr(estimator, "history_", None)
    if isinstance(history, dict) and "loss" in history:  # Keras / SciKeras
        scores = {name: curve for name, curve in history.items()
                  if name not in ("loss", "val_loss")}
        return history["loss"], history.get("val_loss"), scores
    loss_curve = getattr(estimator, "loss_curve_", None)
    if loss_curve is None:
        raise ValueError(
            f"{type(estimator).__name__} recorded no training curve: expected a "
            "loss_curve_ (MLPs) or a Keras history_ attribute."
        )
    validation_scores = getattr(estimator, "validation_scores_", None)
    scores = {}
    if validation_scores is not None:
        name = "validation accuracy" if is_classifier(estimator) else "validation R²"
        scores[name] = validation_scores
    return loss_curve, getattr(estimator, "validation_loss_curve_", None), scores


@fill_display_docs
class TrainingCurveDisplay:
    """The training loss per epoch, with the validation loss and scores when
    they were recorded.

    Create it with :meth:`from_estimator`, which reads ``loss_curve_``,
    ``validation_loss_curve_`` and ``validation_scores_`` (our MLPs and
    scikit-learn's) or a Keras ``history_`` (``loss``, ``val_loss`` and every
    metric).

    Parameters
    ----------
    loss_curve : array-like of shape (n_epochs,)
        Training loss after each epoch.

    validation_loss_curve : array-like of shape (n_epochs,) or None, default=None
        Validation loss after each epoch.

    score_curves : dict of str to array-like or None, default=None
        Scores after each epoch by name (e.g. ``{"val_accuracy": [...]}``),
        drawn in a second panel.

    Attributes
    ----------
    lines_ : dict of str to matplotlib Line2D
        Every curve drawn, by its label.

    ax_ : ndarray of matplotlib Axes of shape (n_panels,)
        The loss panel, and the score panel when there are scores.

    {figure}

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from sklearn.datasets import load_digits
    >>> from skneural import NumpyMLPClassifier
    >>> from skneural.inspection import TrainingCurveDisplay
    >>> X, y = load_digits(return_X_y=True)
    >>> clf = NumpyMLPClassifier((16,), early_stopping=True, max_iter=20, random_state=0)
    >>> display = TrainingCurveDisplay.from_estimator(clf.fit(X / 16, y))
    >>> sorted(display.lines_)
    ['training loss', 'validation accuracy', 'validation loss']
    """

    def __init__(self, loss_curve, *, validation_loss_curve=None, score_curves=None):
        self.loss_curve = loss_curve
        self.validation_loss_curve = validation_loss_curve
        self.score_curves = score_curves

    def plot(self, ax=None, *, log_loss_scale=False):
        """Draw the curves.

        Parameters
        ----------
        ax : matplotlib Axes, array-like of Axes or None, default=None
            None draws on a new figure; one Axes is split into the panels;
            an array needs one Axes per panel.

        log_loss_scale : bool, default=False
            Draw the loss on a logarithmic scale.

        Returns
        -------
        display : TrainingCurveDisplay
        """
        scores = self.score_curves or {}
        n_panels = 2 if scores else 1
        self.figure_, axes = grid_axes(ax, 1, n_panels, panel_size=(4.5, 3.5))
        self.ax_ = axes.ravel()
        losses = {"training loss": self.loss_curve,
                  "validation loss": self.validation_loss_curve}
        self.lines_ = {}
        for panel, curves, ylabel in ((0, losses, "loss"), (1, scores, "score")):
            curves = {name: curve for name, curve in curves.items() if curve is not None}
            if not curves:
                continue
            ax_i = self.ax_[panel]
            for name, curve in curves.items():
                (self.lines_[name],) = ax_i.plot(_epochs(curve), curve, label=name)
            ax_i.set(xlabel="epoch", ylabel=ylabel)
            ax_i.legend()
        if log_loss_scale:
            self.ax_[0].set_yscale("log")
        return self

    @classmethod
    def from_estimator(cls, estimator, *, ax=None, log_loss_scale=False):
        """Draw the training curves of a fitted estimator.

        Parameters
        ----------
        estimator : estimator instance
            A fitted network (or a Pipeline ending with one) with a
            ``loss_curve_`` or a Keras ``history_``.

        {ax_from}

        log_loss_scale : bool, default=False
            Draw the loss on a logarithmic scale.

        Returns
        -------
        display : TrainingCurveDisplay
        """
        loss, validation_loss, scores = _curves_of(final_estimator(estimator))
        display = cls(loss, validation_loss_curve=validation_loss, score_curves=scores)
        return display.plot(ax=ax, log_loss_scale=log_loss_scale)


@fill_display_docs
class WeightDistributionDisplay:
    """Percentiles of every layer's weights and biases over training.

    One panel per layer and kind (weights on top, biases below): the
    percentiles as lines, the bands between symmetric percentiles (e.g. 10
    and 90) shaded, darker towards the median. Create it with
    :meth:`from_estimator` from a network fitted with
    ``weight_percentiles=(0, 10, 25, 50, 75, 90, 100)``.

    Parameters
    ----------
    weight_stats : dict
        As the ``weight_stats_`` of our MLPs: ``"percentiles"``, and
        ``"coefs"`` and ``"intercepts"``, lists of arrays of shape
        (n_epochs, n_percentiles), one per layer.

    Attributes
    ----------
    lines_ : ndarray of shape (2, n_layers), dtype=object
        Lists of the Line2D of every percentile in each panel.

    bands_ : ndarray of shape (2, n_layers), dtype=object
        Lists of the shaded bands (PolyCollection) in each panel.

    ax_ : ndarray of matplotlib Axes of shape (2, n_layers)
        Weights in the first row, biases in the second.

    {figure}

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from sklearn.datasets import load_digits
    >>> from skneural import NumpyMLPClassifier
    >>> from skneural.inspection import WeightDistributionDisplay
    >>> X, y = load_digits(return_X_y=True)
    >>> clf = NumpyMLPClassifier((16,), max_iter=10, random_state=0,
    ...                          weight_percentiles=(0, 25, 50, 75, 100))
    >>> display = WeightDistributionDisplay.from_estimator(clf.fit(X / 16, y))
    >>> display.ax_.shape, len(display.lines_[0, 0]), len(display.bands_[0, 0])
    ((2, 2), 5, 2)
    """

    def __init__(self, weight_stats):
        self.weight_stats = weight_stats

    def plot(self, ax=None, *, cmap="Blues"):
        """Draw the percentile curves.

        Parameters
        ----------
        ax : matplotlib Axes, array-like of Axes or None, default=None
            None draws on a new figure; one Axes is split into the grid; an
            array needs ``2 * n_layers`` axes.

        cmap : str or matplotlib Colormap, default="Blues"
            Colour map of the bands, light outside, dark at the median.

        Returns
        -------
        display : WeightDistributionDisplay
        """
        import matplotlib as mpl

        stats = self.weight_stats
        order = np.argsort(stats["percentiles"])
        percentiles = np.asarray(stats["percentiles"])[order]
        n_layers = len(stats["coefs"])
        self.figure_, self.ax_ = grid_axes(ax, 2, n_layers, panel_size=(3.5, 2.6))
        self.lines_ = np.empty((2, n_layers), dtype=object)
        self.bands_ = np.empty((2, n_layers), dtype=object)
        colors = mpl.colormaps[cmap](np.linspace(0.3, 0.9, max(1, len(order) // 2)))
        for row, kind in enumerate(("coefs", "intercepts")):
            for layer, curves in enumerate(stats[kind]):
                ax_ij = self.ax_[row, layer]
                self.lines_[row, layer], self.bands_[row, layer] = _draw_percentiles(
                    ax_ij, np.asarray(curves)[:, order], percentiles, colors)
                what = "weights" if kind == "coefs" else "biases"
                ax_ij.set_title(f"layer {layer + 1} {what}", fontsize=9)
                ax_ij.set_xlabel("epoch")
        return self

    @classmethod
    def from_estimator(cls, estimator, *, ax=None, cmap="Blues"):
        """Draw the weight percentiles a network recorded while training.

        Parameters
        ----------
        estimator : estimator instance
            A network fitted with ``weight_percentiles`` set (or a Pipeline
            ending with one), which holds ``weight_stats_``.

        {ax_from}

        cmap : str or matplotlib Colormap, default="Blues"
            Colour map of the bands.

        Returns
        -------
        display : WeightDistributionDisplay
        """
        estimator = final_estimator(estimator)
        stats = getattr(estimator, "weight_stats_", None)
        if stats is None:
            raise ValueError(
                f"{type(estimator).__name__} recorded no weight statistics: fit it with "
                "weight_percentiles=(0, 10, 25, 50, 75, 90, 100)."
            )
        return cls(stats).plot(ax=ax, cmap=cmap)


def _draw_percentiles(ax, curves, percentiles, colors):
    """Lines of sorted percentile ``curves`` (n_epochs, n_percentiles) and
    the bands between the symmetric pairs; returns both lists."""
    epochs = _epochs(curves)
    n = len(percentiles)
    bands = [ax.fill_between(epochs, curves[:, k], curves[:, n - 1 - k], color=colors[k],
                             linewidth=0) for k in range(n // 2)]
    lines = [ax.plot(epochs, curves[:, k], color="black", linewidth=0.6,
                     label=f"{percentiles[k]:g}%")[0] for k in range(n)]
    return lines, bands

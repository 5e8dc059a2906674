"""Grids of axes and image panels shared by the Displays (matplotlib is
imported inside the functions, so importing this module stays light)."""

import numpy as np

__all__ = ["grid_axes", "grid_shape", "hide_unused", "show_image"]


def grid_shape(n_panels, n_cols=None):
    """(n_rows, n_cols) for ``n_panels``, about twice as wide as tall."""
    if n_cols is None:
        n_cols = min(n_panels, int(np.ceil(np.sqrt(2 * n_panels))))
    return int(np.ceil(n_panels / n_cols)), int(n_cols)


def grid_axes(ax, n_rows, n_cols, panel_size=(1.6, 1.6)):
    """The figure and a (n_rows, n_cols) object array of axes to draw on.

    ``ax`` is None (a new figure), one Axes (its area is split into the
    grid) or an array-like of ``n_rows * n_cols`` axes.
    """
    import matplotlib.pyplot as plt
    from matplotlib.axes import Axes

    if ax is None:
        figsize = (panel_size[0] * n_cols, panel_size[1] * n_rows)
        figure, axes = plt.subplots(n_rows, n_cols, squeeze=False, figsize=figsize,
                                    layout="constrained")
        return figure, axes
    if isinstance(ax, Axes):
        return _split(ax, n_rows, n_cols)
    axes = np.asarray(ax, dtype=object)
    if axes.size != n_rows * n_cols:
        raise ValueError(
            f"ax must hold {n_rows * n_cols} axes ({n_rows} x {n_cols}), got {axes.size}."
        )
    return axes.flat[0].figure, axes.reshape(n_rows, n_cols)


def _split(ax, n_rows, n_cols):
    spec = ax.get_subplotspec()
    if spec is None:
        raise ValueError("ax must be a subplot (e.g. from plt.subplots) to be split into a grid.")
    figure = ax.figure
    ax.remove()
    cells = spec.subgridspec(n_rows, n_cols)
    axes = np.empty((n_rows, n_cols), dtype=object)
    for i in range(n_rows):
        for j in range(n_cols):
            axes[i, j] = figure.add_subplot(cells[i, j])
    return figure, axes


def show_image(ax, image, cmap):
    """Draw one image without ticks; colour images are rescaled to [0, 1]."""
    image = np.asarray(image)
    if image.ndim == 3:
        image = image.astype(float)
        span = np.ptp(image)
        image = (image - image.min()) / (span if span > 0 else 1.0)
    ax.set_xticks([])
    ax.set_yticks([])
    return ax.imshow(image, cmap=None if image.ndim == 3 else cmap, interpolation="nearest")


def hide_unused(axes, n_used):
    """Turn off the axes after the first ``n_used`` of the grid."""
    for ax in axes.flat[n_used:]:
        ax.set_axis_off()

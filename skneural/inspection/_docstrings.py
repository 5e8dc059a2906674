"""Docstring pieces shared by the Displays."""

from ..utils._docs import insert_docs

__all__ = ["fill_display_docs"]

_PIECES = {
    "ax_from": """\
ax : matplotlib Axes, array-like of Axes or None, default=None
    Where to draw; see :meth:`plot`.""",
    "cmap": """\
cmap : str or matplotlib Colormap, default="gray"
    Colour map of grey images.""",
    "figure": """\
figure_ : matplotlib Figure
    Figure containing the panels.""",
    "classifier": """\
estimator : estimator instance
    A fitted classifier (or a Pipeline ending with one).

X : array-like of shape (n_samples, n_features)
    Input values.

y : array-like of shape (n_samples,)
    True labels.""",
}


def fill_display_docs(cls):
    """Splice the shared pieces into the docstrings of ``cls`` and its methods."""
    splice = insert_docs(**_PIECES)
    splice(cls)
    for member in vars(cls).values():
        function = getattr(member, "__func__", member)
        if callable(function) and function.__doc__:
            splice(function)
    return cls

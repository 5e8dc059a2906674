"""Saving the examples' figures next to the scripts. Not an example itself."""

from pathlib import Path


def save(figure, name):
    """Save ``figure`` as ``<name>.png`` in the examples folder.

    The folder comes from this module's own path, because sphinx-gallery runs
    the example scripts without a ``__file__``.
    """
    figure.savefig(Path(__file__).with_name(f"{name}.png"), dpi=100)

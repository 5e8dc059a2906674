"""A format number in every saved estimator, checked when it is loaded."""

__all__ = ["FORMAT_VERSION", "UnknownFormatError", "VersionedStateMixin"]

# Raise when the pickled state of any estimator changes in a way that older
# or newer code cannot read; a loader then fails clearly instead of building
# an estimator with missing or misread attributes.
FORMAT_VERSION = 1


class UnknownFormatError(ValueError):
    """A saved estimator is in a persistence format this skneural cannot read."""


class VersionedStateMixin:
    """Stamp the pickled state with :data:`FORMAT_VERSION` and check it on load.

    Works for :mod:`pickle`, :mod:`joblib`, :mod:`copy` and ``skops.io``, which
    all go through ``__getstate__``/``__setstate__``.  Put it before
    :class:`~sklearn.base.BaseEstimator` in the bases.
    """

    def __getstate__(self):
        return {**super().__getstate__(), "_skneural_format": FORMAT_VERSION}

    def __setstate__(self, state):
        state = dict(state)
        saved_format = state.pop("_skneural_format", None)
        if saved_format != FORMAT_VERSION:
            from .. import __version__

            raise UnknownFormatError(
                f"This {type(self).__name__} was saved in skneural persistence "
                f"format {saved_format!r}, but skneural {__version__} reads only "
                f"format {FORMAT_VERSION}. Load it with the skneural version that "
                "saved it, or fit the model again."
            )
        super().__setstate__(state)

"""Keeping an estimator usable when a fit fails half-way."""

import functools

__all__ = ["restore_on_failure"]


def restore_on_failure(fit_method):
    """Decorate a fit method so that an exception leaves ``self`` as it was.

    The fit method must rebind, never mutate, the attributes that existed
    before it was called (new lists and arrays instead of in-place updates);
    then restoring a shallow copy of ``__dict__`` is enough to undo it.
    """

    @functools.wraps(fit_method)
    def wrapper(self, *args, **kwargs):
        before = self.__dict__.copy()
        try:
            return fit_method(self, *args, **kwargs)
        except BaseException:
            self.__dict__.clear()
            self.__dict__.update(before)
            raise

    return wrapper

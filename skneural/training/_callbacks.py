"""The callbacks a fit runs."""

__all__ = ["fit_callbacks"]


def fit_callbacks(estimator):
    """The callbacks ``estimator``'s fit calls, in order.

    Parameters
    ----------
    estimator : estimator instance
        An estimator with a ``callbacks`` parameter (a list or None).

    Returns
    -------
    callbacks : list of Callback
        A new list; empty when there is none.
    """
    return list(getattr(estimator, "callbacks", None) or [])

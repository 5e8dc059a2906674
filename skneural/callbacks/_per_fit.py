"""Callbacks that hold a live resource (a display, a file writer) for one fit."""

from ._base import Callback

__all__ = ["PerFitResource", "planned_epochs"]


def planned_epochs(estimator):
    """The most epochs one fit of ``estimator`` runs (its ``max_iter``, or
    ``epochs`` as Keras names it), or None."""
    return getattr(estimator, "max_iter", getattr(estimator, "epochs", None))


class PerFitResource(Callback):
    """A callback that opens a resource when a fit begins and always closes it.

    Subclasses open it in :meth:`on_fit_begin` with :meth:`_hold` and
    close it in :meth:`_close`. It is closed at the end of the fit, and also
    when the fit fails or is interrupted (the fit then still detaches its
    trainer); it is never pickled or cloned.
    """

    _resource = None

    def _hold(self, resource):
        """Keep ``resource`` until the fit ends; return it."""
        self._release()
        self._resource = resource
        return resource

    def _close(self, resource):
        """Close ``resource``; the subclass knows how."""

    def _release(self):
        resource, self._resource = self._resource, None
        if resource is not None:
            self._close(resource)

    def set_trainer(self, trainer):
        """Attach the trainer; detaching it (after any fit) closes the resource."""
        super().set_trainer(trainer)
        if trainer is None:
            self._release()

    def on_fit_end(self, estimator):
        """Close the resource."""
        self._release()

    def __getstate__(self):
        state = super().__getstate__()
        state.pop("_resource", None)
        return state

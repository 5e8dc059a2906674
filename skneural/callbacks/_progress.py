"""A live progress bar over a fit's epochs, drawn by rich."""

import time

from ._per_fit import PerFitResource, planned_epochs

__all__ = ["ProgressBar"]


class ProgressBar(PerFitResource):
    """A live bar over the epochs with the loss, validation score and time left.

    Drawn with `rich <https://rich.readthedocs.io>`_ on rich's global console
    (``rich.get_console()``), so it works in a terminal and in Jupyter, as
    a widget that keeps the final state (``pip install "skneural[jupyter]"``
    brings ``ipywidgets``); configure or silence that console with
    ``rich.reconfigure``. The bar shows the epoch over ``max_iter``, the
    last ``loss`` and, with held-out data, ``val_score``. The display is
    redrawn at most ``refresh_per_second`` times a second, so it costs a
    negligible part of the fit, and it is closed when the fit ends, fails
    or is interrupted.

    Parameters
    ----------
    refresh_per_second : float, default=4.0
        The most redraws per second.

    Examples
    --------
    >>> from skneural import NumpyMLPClassifier
    >>> from skneural.callbacks import ProgressBar
    >>> NumpyMLPClassifier(max_iter=50, callbacks=[ProgressBar()])
    NumpyMLPClassifier(callbacks=[ProgressBar(refresh_per_second=4.0)], max_iter=50)
    """

    def __init__(self, refresh_per_second=4.0):
        self.refresh_per_second = refresh_per_second

    def __repr__(self):
        return f"{type(self).__name__}(refresh_per_second={self.refresh_per_second!r})"

    def on_fit_begin(self, estimator):
        """Open the display with an empty bar."""
        from rich import get_console
        from rich.progress import (
            BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn,
        )

        progress = Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[metrics]}"), TimeRemainingColumn(),
            console=get_console(), auto_refresh=False,
        )
        self._task = progress.add_task(
            type(estimator).__name__, total=planned_epochs(estimator), metrics=""
        )
        self._hold(progress).start()
        self._last_refresh = time.monotonic()

    def on_epoch_end(self, estimator, epoch, logs):
        """Advance the bar; redraw it when the last redraw is old enough."""
        metrics = f"loss {logs['loss']:.4g}"
        if "val_score" in logs:
            metrics += f"  val_score {logs['val_score']:.4g}"
        self._resource.update(self._task, advance=1, metrics=metrics)
        now = time.monotonic()
        if now - self._last_refresh >= 1.0 / self.refresh_per_second:
            self._resource.refresh()
            self._last_refresh = now
        return False

    def on_fit_end(self, estimator):
        """Show the bar complete at the epochs run, then close the display."""
        task = self._resource.tasks[0]
        self._resource.update(self._task, total=task.completed)
        super().on_fit_end(estimator)

    def _close(self, resource):
        # rich's stop() draws the final state in a terminal only; in Jupyter
        # the widget would keep the last throttled redraw, so draw it first.
        resource.refresh()
        resource.stop()

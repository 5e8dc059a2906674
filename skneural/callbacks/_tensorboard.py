"""Logging every run's epochs as TensorBoard scalars."""

import itertools
import time
from pathlib import Path

from ._per_fit import PerFitResource

__all__ = ["TensorBoard"]


class TensorBoard(PerFitResource):
    """Write each fit's per-epoch logs as TensorBoard scalars.

    Every fit writes into a new subdirectory of ``log_dir`` named after the
    time it began (``run_2026_12_02-01_30_00``), so that TensorBoard
    (``tensorboard --logdir <log_dir>``) shows the runs side by side. Every
    ``logs`` entry (``loss``, ``learning_rate``, ``val_loss``,
    ``val_score``) becomes a scalar of that name, with the epoch as step.
    Needs TensorFlow and TensorBoard (``pip install "skneural[keras]"``);
    they are imported when the fit begins.

    Parameters
    ----------
    log_dir : str or path-like, default="logs"
        The root directory of the runs; created when missing.

    Attributes
    ----------
    run_log_dir_ : pathlib.Path
        The directory of the last fit's run.

    Examples
    --------
    >>> from skneural.callbacks import TensorBoard
    >>> TensorBoard("my_logs")
    TensorBoard(log_dir='my_logs')
    """

    def __init__(self, log_dir="logs"):
        self.log_dir = log_dir

    def __repr__(self):
        return f"{type(self).__name__}(log_dir={self.log_dir!r})"

    def on_fit_begin(self, estimator):
        """Create the run's directory and its event file."""
        try:
            from ..keras._tensorboard import ScalarWriter
        except ImportError as error:
            raise ImportError(
                "skneural.callbacks.TensorBoard writes its logs with TensorFlow and "
                "TensorBoard, which could not be imported. Install the 'keras' extra: "
                'pip install "skneural[keras]".'
            ) from error
        self.run_log_dir_ = _new_run_dir(Path(self.log_dir))
        self._hold(ScalarWriter(self.run_log_dir_))

    def on_epoch_end(self, estimator, epoch, logs):
        """Write the epoch's logs."""
        self._resource.write(logs, epoch)
        return False

    def _close(self, writer):
        writer.close()


def _new_run_dir(log_dir):
    """A new directory under ``log_dir`` named after the current time."""
    name = time.strftime("run_%Y_%m_%d-%H_%M_%S")
    for number in itertools.count():
        path = log_dir / (name if number == 0 else f"{name}_{number}")
        try:
            path.mkdir(parents=True)
        except FileExistsError:
            continue
        return path

"""TensorBoard event files for :class:`skneural.callbacks.TensorBoard`.

Imported when a fit with that callback begins, as only ``skneural.keras``
may import TensorFlow.
"""

import tensorboard  # noqa: F401 (tf.summary.scalar is implemented there)
import tensorflow as tf

__all__ = ["ScalarWriter"]


class ScalarWriter:
    """Writes the per-epoch logs of one run as TensorBoard scalars.

    Parameters
    ----------
    log_dir : path-like
        The run's directory; the event file goes there.
    """

    def __init__(self, log_dir):
        self._writer = tf.summary.create_file_writer(str(log_dir))

    def write(self, logs, step):
        """One scalar per ``logs`` entry, at ``step`` (the epoch)."""
        with self._writer.as_default():
            for name, value in logs.items():
                tf.summary.scalar(name, float(value), step=step)

    def close(self):
        """Flush the event file and close it."""
        self._writer.close()

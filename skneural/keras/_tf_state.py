"""TensorFlow's process-wide state around one wrapper call, set and restored.

- :func:`seeded`: the random generators an unseeded Keras layer or batch
  shuffle reads (Python's, NumPy's and TensorFlow's global seed) set from
  one seed inside the block and restored after it.
- :func:`quiet_retracing`: a fit or a prediction builds a new model, whose
  functions TensorFlow traces afresh; after a few models TensorFlow warns
  that "tf.function retracing" is expensive, which here is expected and
  not the user's doing. The warning is dropped inside the block only.
- :func:`without_graph_optimizer`: TensorFlow's graph optimiser (grappler)
  turned off inside the block and put back as it was after it.
- :func:`model_to_bytes` / :func:`model_from_bytes`: a model as the bytes of
  a ``.keras`` file, for pickling.

Public TensorFlow and Keras APIs only.
"""

import logging
import os
import random
import tempfile
import threading
from contextlib import contextmanager

import keras
import numpy as np
import tensorflow as tf

__all__ = ["model_from_bytes", "model_to_bytes", "quiet_retracing", "seeded",
           "without_graph_optimizer"]


def _global_tensorflow_seed():
    """TensorFlow's global seed, or None when none is set."""
    try:
        return tf.compat.v1.random.get_seed(None)[0]
    except RuntimeError:  # op determinism is on and no seed is set
        return None


@contextmanager
def seeded(seed):
    """Seed Python's, NumPy's and TensorFlow's global generators in the block.

    ``seed=None`` leaves them untouched. Afterwards each is put back as it
    was (TensorFlow's global seed to its old value, or unset).
    """
    if seed is None:
        yield
        return
    python_state, numpy_state = random.getstate(), np.random.get_state()
    tensorflow_seed = _global_tensorflow_seed()
    random.seed(seed)
    np.random.seed(seed)
    tf.random.set_seed(seed)
    try:
        yield
    finally:
        random.setstate(python_state)
        np.random.set_state(numpy_state)
        tf.random.set_seed(tensorflow_seed)


class _RetracingFilter(logging.Filter):
    def filter(self, record):
        return "triggered tf.function retracing" not in record.getMessage()


_RETRACING_FILTER = _RetracingFilter()


@contextmanager
def quiet_retracing():
    """Drop TensorFlow's "triggered tf.function retracing" warnings in the block."""
    logger = tf.get_logger()
    outermost = _RETRACING_FILTER not in logger.filters
    logger.addFilter(_RETRACING_FILTER)
    try:
        yield
    finally:
        if outermost:
            logger.removeFilter(_RETRACING_FILTER)


class _GraphOptimizerSwitch:
    """Turns grappler off while any block of :func:`without_graph_optimizer`
    runs, in any thread; the last block to leave puts the setting back."""

    _OPTION = "disable_meta_optimizer"

    def __init__(self):
        self._lock, self._blocks, self._saved = threading.Lock(), 0, False

    @contextmanager
    def off(self):
        with self._lock:
            if self._blocks == 0:
                options = tf.config.optimizer.get_experimental_options()
                self._saved = options.get(self._OPTION, False)
                tf.config.optimizer.set_experimental_options({self._OPTION: True})
            self._blocks += 1
        try:
            yield
        finally:
            with self._lock:
                self._blocks -= 1
                if self._blocks == 0:
                    tf.config.optimizer.set_experimental_options({self._OPTION: self._saved})


_GRAPH_OPTIMIZER = _GraphOptimizerSwitch()


def without_graph_optimizer():
    """A block in which TensorFlow does not optimise the graphs it runs for
    the first time (grappler's passes), put back as it was afterwards, also
    when blocks overlap in several threads. The setting is TensorFlow's,
    for the whole process: a graph that another thread runs for the first
    time meanwhile is not optimised either."""
    return _GRAPH_OPTIMIZER.off()


def model_to_bytes(model):
    """The bytes of ``model`` saved as a ``.keras`` file."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "model.keras")
        model.save(path)
        with open(path, "rb") as file:
            return file.read()


def model_from_bytes(data):
    """The model saved in ``data`` by :func:`model_to_bytes`."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "model.keras")
        with open(path, "wb") as file:
            file.write(data)
        return keras.saving.load_model(path)

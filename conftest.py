"""Collect the Keras doctests only when the ``keras`` extra is installed."""

import importlib.util

KERAS_EXTRA = ("tensorflow", "keras", "scikeras")

collect_ignore = []
if not all(importlib.util.find_spec(name) for name in KERAS_EXTRA):
    collect_ignore.append("skneural/keras")

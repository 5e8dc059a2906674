"""Collect the tests and doctests that need an optional extra only when it is installed."""

import importlib.util

KERAS_EXTRA = ("tensorflow", "keras", "scikeras")
# The Displays' doctests draw with matplotlib (the ``plot`` extra).
DISPLAY_MODULES = ["skneural/inspection/_samples.py", "skneural/inspection/_training.py",
                   "skneural/inspection/_weights.py"]


def _installed(*names):
    return all(importlib.util.find_spec(name) for name in names)


collect_ignore = []
if not _installed(*KERAS_EXTRA):
    collect_ignore += ["skneural/keras", "tests/keras"]
if not _installed("matplotlib"):
    collect_ignore += DISPLAY_MODULES

"""Skip the doctests of skneural.keras when TensorFlow is not installed."""

import importlib.util

collect_ignore_glob = [] if importlib.util.find_spec("tensorflow") else ["*.py"]

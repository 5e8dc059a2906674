import io

import pytest


@pytest.fixture
def console():
    """rich's global console, writing to a terminal-like buffer during the test."""
    rich = pytest.importorskip("rich")
    console = rich.get_console()
    saved = console.__dict__
    rich.reconfigure(file=io.StringIO(), force_terminal=True, width=120)
    yield console
    console.__dict__ = saved


@pytest.fixture
def classification_data(rng):
    """60 samples of two classes, 4 features."""
    X = rng.normal(size=(60, 4))
    return X, (X[:, 0] + X[:, 1] > 0).astype(int)

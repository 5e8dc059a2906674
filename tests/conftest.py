import os
from pathlib import Path

import numpy as np
import pytest


@pytest.fixture
def rng():
    return np.random.RandomState(0)


@pytest.fixture
def data_home():
    """The real data folder ($SKNEURAL_DATA or ../shared/data); skip if absent."""
    default = Path(__file__).resolve().parents[2] / "shared" / "data"
    home = Path(os.environ.get("SKNEURAL_DATA", default))
    if not home.is_dir():
        pytest.skip("real data not available: set SKNEURAL_DATA")
    return home


@pytest.fixture
def pyplot():
    """matplotlib.pyplot with the Agg backend; closes every figure afterwards."""
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    yield plt
    plt.close("all")

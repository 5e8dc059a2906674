"""Seeds: the same seed gives the same model, in one process and across two."""

import hashlib
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from tests._estimators import kind, make_estimator, public_estimator_classes
from tests.test_bad_input import make_data

SEEDED = [
    cls for cls in public_estimator_classes() if "random_state" in cls().get_params()
]
ROOT = Path(__file__).resolve().parents[1]


def _fit_predict(cls, random_state):
    X, y = make_data(kind(cls))
    estimator = make_estimator(cls, random_state=random_state).fit(X, y)
    method = "predict_proba" if hasattr(estimator, "predict_proba") else "predict"
    return np.ascontiguousarray(getattr(estimator, method)(X), dtype=float)


def _digest(array):
    return hashlib.sha256(array.tobytes()).hexdigest()


@pytest.fixture(params=SEEDED, ids=lambda cls: cls.__name__)
def seeded_class(request):
    return request.param


def test_same_seed_same_predictions(seeded_class):
    np.testing.assert_array_equal(_fit_predict(seeded_class, 0), _fit_predict(seeded_class, 0))


def test_same_seed_same_predictions_in_another_process(seeded_class):
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); "
        "from tests.test_determinism import _digest, _fit_predict; "
        f"from {seeded_class.__module__} import {seeded_class.__name__} as cls; "
        "print(_digest(_fit_predict(cls, 0)))"
    )
    result = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", code, str(ROOT)],
        capture_output=True, text=True, check=True,
    )
    assert result.stdout.split()[-1] == _digest(_fit_predict(seeded_class, 0))


def test_different_random_states_give_different_models(seeded_class):
    first = _fit_predict(seeded_class, np.random.RandomState(0))
    second = _fit_predict(seeded_class, np.random.RandomState(1))
    assert not np.array_equal(first, second)

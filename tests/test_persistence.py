"""Saving and loading every public estimator: pickle, joblib and skops."""

import io
import pickle

import joblib
import numpy as np
import pytest

from skneural.utils import UnknownFormatError
from tests._estimators import kind, make_estimator, public_estimator_classes
from tests.test_bad_input import make_data

CLASSES = public_estimator_classes()


def _pickle(estimator):
    return pickle.loads(pickle.dumps(estimator))


def _joblib(estimator):
    buffer = io.BytesIO()
    joblib.dump(estimator, buffer)
    buffer.seek(0)
    return joblib.load(buffer)


def _skops(estimator):
    sio = pytest.importorskip("skops.io")
    data = sio.dumps(estimator)
    return sio.loads(data, trusted=sio.get_untrusted_types(data=data))


@pytest.fixture(params=CLASSES, ids=lambda cls: cls.__name__)
def fitted(request):
    X, y = make_data(kind(request.param))
    return make_estimator(request.param).fit(X, y), X


@pytest.mark.parametrize("round_trip", [_pickle, _joblib, _skops])
def test_round_trip_predicts_bit_identically(fitted, round_trip):
    estimator, X = fitted
    loaded = round_trip(estimator)
    assert type(loaded) is type(estimator)
    np.testing.assert_array_equal(loaded.predict(X), estimator.predict(X))
    for method in ("predict_proba", "decision_function"):
        if hasattr(estimator, method):
            np.testing.assert_array_equal(
                getattr(loaded, method)(X), getattr(estimator, method)(X)
            )


def test_skops_lists_only_our_own_types_as_untrusted(fitted):
    # Ours, the dtypes the Keras wrappers record, and the user's own build
    # function (tests._estimators: loading it imports the user's code, as it
    # should); nothing else that could run arbitrary code on loading.
    sio = pytest.importorskip("skops.io")
    estimator, _ = fitted
    untrusted = sio.get_untrusted_types(data=sio.dumps(estimator))
    allowed = ("skneural.", "tests._estimators.", "numpy.dtype")
    assert all(name.startswith(allowed) for name in untrusted), untrusted


@pytest.mark.parametrize("saved_format", [None, 0, 99])
def test_unknown_format_is_refused_clearly(fitted, saved_format):
    estimator, _ = fitted
    state = estimator.__getstate__()
    if saved_format is None:
        del state["_skneural_format"]
    else:
        state["_skneural_format"] = saved_format
    fresh = type(estimator).__new__(type(estimator))
    with pytest.raises(UnknownFormatError, match=f"format {saved_format!r}.* reads only format"):
        fresh.__setstate__(state)

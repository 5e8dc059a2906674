"""Every public estimator against every kind of bad input.

Each case ends either in a correct fit (finite predictions of the right
shape) or in a ``ValueError``/``TypeError`` whose message names the problem;
after a failed ``fit`` an estimator fitted before predicts exactly as it did.

Run ``python -m tests.test_bad_input`` to print the matrix of outcomes.
"""

import re
import warnings
from dataclasses import dataclass
from typing import Callable

import numpy as np
import pytest
import scipy.sparse as sp

from tests._estimators import kind, make_estimator, public_estimator_classes

N_SAMPLES, N_FEATURES = 60, 4


@dataclass(frozen=True)
class Case:
    """A bad input and how an estimator may answer it.

    ``make(X, y, kind)`` returns the ``(X, y)`` to fit on; ``error`` is a
    pattern the error message must match (None: the fit must succeed), and
    ``may_fit`` names the kinds of estimator ("classifier", "regressor") for
    which a successful fit is right too.  A successful fit must predict
    finite values, and whatever ``right(y, predictions)`` asks.
    """

    name: str
    make: Callable
    error: str | None
    may_fit: tuple = ()
    right: Callable = lambda y, predictions: True


def _with(X, row, col, value):
    X = X.astype(float)
    X[row, col] = value
    return X


def _strings(X, y, _):
    return np.array([[f"v{v:.2f}" for v in row] for row in X]), y


def _mixed(X, y, _):
    X = X.astype(object)
    X[0, 0] = "seven"
    return X, y


def _one_sample(X, y, _):
    return X[:1], y[:1]


def _one_class(X, y, kind_):
    return X, np.zeros_like(y) if kind_ == "classifier" else np.full(len(y), 1.5)


def _predicts_y(y, predictions):
    # With a single class there is only one right answer; a regressor with
    # the fast settings may not have reached its single target yet.
    return y.dtype.kind == "f" or (predictions == y[0]).all()


def _y_nan(X, y, _):
    y = y.astype(float)
    y[0] = np.nan
    return X, y


def _pandas(columns):
    def make(X, y, _):
        pd = pytest.importorskip("pandas")
        return pd.DataFrame(X, columns=columns), pd.Series(y)

    return make


BOTH = ("classifier", "regressor")

CASES = [
    Case("NaN in X", lambda X, y, _: (_with(X, 0, 0, np.nan), y), "NaN"),
    Case("inf in X", lambda X, y, _: (_with(X, 0, 0, np.inf), y), "infinity"),
    Case("empty X", lambda X, y, _: (X[:0], y[:0]), "0 sample"),
    Case("one sample", _one_sample, "class|sample", may_fit=BOTH, right=_predicts_y),
    Case("one class", _one_class, "class", may_fit=BOTH, right=_predicts_y),
    Case("string features", _strings, "string|numeric"),
    Case("object features", lambda X, y, _: (X.astype(object), y), None),
    Case("mixed types", _mixed, "could not convert string to float"),
    Case("wrong y length", lambda X, y, _: (X, y[:-1]), "inconsistent numbers of samples"),
    Case("2-D y of wrong shape", lambda X, y, _: (X, np.ones((len(y), 2, 2))), "dim|shape"),
    Case("NaN in y", _y_nan, "NaN|Unknown label type"),
    Case("3-D X", lambda X, y, _: (X[:, :, None], y), "dim 3"),
    Case("huge values", lambda X, y, _: (X * 1e30, y), "learning rate|too large", may_fit=BOTH),
    Case("constant features", lambda X, y, _: (np.ones_like(X), y), None),
    Case("sparse matrix", lambda X, y, _: (sp.csr_matrix(X), y), "sparse", may_fit=BOTH),
    Case("sparse array", lambda X, y, _: (sp.csr_array(X), y), "sparse", may_fit=BOTH),
    Case("pandas with names", _pandas(["a", "b", "c", "d"]), None),
    Case("pandas without names", _pandas(None), None),
]


def make_data(kind_, random_state=0):
    rng = np.random.RandomState(random_state)
    X = rng.normal(size=(N_SAMPLES, N_FEATURES))
    if kind_ == "classifier":
        return X, (X[:, 0] > 0).astype(int) + (X[:, 1] > 1)
    return X, X @ rng.normal(size=N_FEATURES)


def outcome(estimator, case):
    """Fit ``estimator`` on the case's data; return "fit" or "<Error>: message"."""
    X, y = case.make(*make_data(kind(type(estimator))), kind(type(estimator)))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            estimator.fit(X, y)
    except (ValueError, TypeError) as error:
        return f"{type(error).__name__}: {error}"
    predictions = np.asarray(estimator.predict(X), dtype=float)
    assert predictions.shape[0] == X.shape[0]
    assert np.isfinite(predictions).all(), "predictions are not finite"
    assert case.right(y, predictions), f"wrong predictions: {predictions[:5]}"
    return "fit"


ESTIMATOR_CASES = [
    pytest.param(cls, case, id=f"{cls.__name__}-{case.name}")
    for cls in public_estimator_classes()
    for case in CASES
]


@pytest.mark.parametrize("cls, case", ESTIMATOR_CASES)
def test_bad_input_fits_or_names_the_problem(cls, case):
    estimator = make_estimator(cls)
    good_X, good_y = make_data(kind(cls))
    estimator.fit(good_X, good_y)
    before = estimator.predict(good_X)
    result = outcome(estimator, case)
    # The general Keras wrappers take n-D input (images) by design: they fit,
    # or name the model's output shape that does not fit the target.
    takes_nd = case.name == "3-D X" and getattr(cls, "_allow_nd", False)
    if result == "fit":
        assert case.error is None or kind(cls) in case.may_fit or takes_nd, (
            f"expected an error about {case.error!r}"
        )
        return
    assert case.error is not None, f"should have fitted, got {result}"
    error = case.error + ("|output shape" if takes_nd else "")
    assert re.search(error, result, flags=re.IGNORECASE), result
    np.testing.assert_array_equal(estimator.predict(good_X), before)


@pytest.mark.parametrize("cls", public_estimator_classes(), ids=lambda cls: cls.__name__)
def test_wrong_number_of_features_at_predict(cls):
    X, y = make_data(kind(cls))
    estimator = make_estimator(cls).fit(X, y)
    with pytest.raises(ValueError, match=f"X has 3 features, but .* expecting {N_FEATURES}"):
        estimator.predict(X[:, :3])


@pytest.mark.parametrize(
    "cls",
    [cls for cls in public_estimator_classes()
     if kind(cls) == "classifier" and hasattr(cls, "partial_fit")],
    ids=lambda cls: cls.__name__,
)
def test_partial_fit_refuses_unseen_labels(cls):
    X, y = make_data("classifier")
    estimator = make_estimator(cls)
    estimator.partial_fit(X, y, classes=np.unique(y))
    with pytest.raises(ValueError, match="not in|unseen|classes"):
        estimator.partial_fit(X, np.where(y == 0, 7, y))


@pytest.mark.parametrize("cls", public_estimator_classes(), ids=lambda cls: cls.__name__)
def test_pandas_column_names_are_remembered_and_checked(cls):
    pd = pytest.importorskip("pandas")
    X, y = make_data(kind(cls))
    frame = pd.DataFrame(X, columns=["a", "b", "c", "d"])
    estimator = make_estimator(cls).fit(frame, y)
    assert list(estimator.feature_names_in_) == ["a", "b", "c", "d"]
    with pytest.raises(ValueError, match="feature names"):
        estimator.predict(frame[["d", "c", "b", "a"]])


def _print_matrix():
    for cls in public_estimator_classes():
        for case in CASES:
            result = outcome(make_estimator(cls), case)
            print(f"{cls.__name__:28s} {case.name:22s} {result.splitlines()[0][:90]}")


if __name__ == "__main__":
    _print_matrix()

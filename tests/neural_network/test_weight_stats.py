import pickle

import numpy as np
import pytest
from sklearn.datasets import make_classification, make_regression
from sklearn.linear_model import LogisticRegression

from skneural import NumpyMLPClassifier, NumpyMLPRegressor
from skneural.training import Hook

pytestmark = pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")

PERCENTILES = (0, 10, 25, 50, 75, 90, 100)


@pytest.fixture
def classification():
    return make_classification(n_samples=120, n_features=5, random_state=0)


@pytest.mark.parametrize("solver", ["adam", "sgd", "lbfgs"])
def test_records_percentiles_per_epoch(classification, solver):
    X, y = classification
    model = NumpyMLPClassifier((6, 4), solver=solver, max_iter=7, random_state=0,
                               weight_percentiles=PERCENTILES).fit(X, y)
    stats = model.weight_stats_
    np.testing.assert_array_equal(stats["percentiles"], PERCENTILES)
    assert len(stats["coefs"]) == len(stats["intercepts"]) == 3
    for kind in ("coefs", "intercepts"):
        for recorded in stats[kind]:
            assert recorded.shape == (len(model.loss_curve_), len(PERCENTILES))
            assert np.all(np.diff(recorded, axis=1) >= 0)
    # The last row describes the final weights.
    for recorded, final in zip(stats["coefs"], model.coefs_):
        np.testing.assert_allclose(recorded[-1], np.percentile(final, PERCENTILES), rtol=1e-6)


def test_off_by_default_and_training_unchanged(classification):
    X, y = classification
    plain = NumpyMLPClassifier((6,), max_iter=5, random_state=0).fit(X, y)
    recorded = NumpyMLPClassifier((6,), max_iter=5, random_state=0,
                                  weight_percentiles=[50]).fit(X, y)
    assert plain.weight_stats_ is None
    np.testing.assert_array_equal(plain.coefs_[0], recorded.coefs_[0])


def test_partial_fit_and_warm_start_continue_the_record():
    X, y = make_regression(n_samples=60, n_features=3, random_state=0)
    model = NumpyMLPRegressor(hidden_layer_sizes=(4,), weight_percentiles=[0, 100], random_state=0)
    for _ in range(3):
        model.partial_fit(X, y)
    assert model.weight_stats_["coefs"][0].shape == (3, 2)
    model.set_params(warm_start=True, max_iter=2).fit(X, y)
    assert model.weight_stats_["intercepts"][1].shape == (5, 2)
    model.set_params(weight_percentiles=[50]).fit(X, y)
    assert model.weight_stats_["coefs"][0].shape == (2, 1)


def test_survives_pickling(classification):
    X, y = classification
    model = NumpyMLPClassifier((3,), max_iter=3, weight_percentiles=[50]).fit(X, y)
    clone = pickle.loads(pickle.dumps(model))
    np.testing.assert_array_equal(clone.weight_stats_["coefs"][1], model.weight_stats_["coefs"][1])
    assert not any(isinstance(value, Hook) for value in vars(clone).values())


@pytest.mark.parametrize("bad", [[], [-1, 50], [50, 101]])
def test_rejects_bad_percentiles(classification, bad):
    X, y = classification
    with pytest.raises(ValueError, match="weight_percentiles must be"):
        NumpyMLPClassifier(max_iter=2, weight_percentiles=bad).fit(X, y)


def test_one_layer_softmax_network():
    X, y = make_classification(n_samples=150, n_features=5, n_informative=3, n_classes=3,
                               random_state=0)
    model = NumpyMLPClassifier(hidden_layer_sizes=(), solver="lbfgs", alpha=0,
                               random_state=0).fit(X, y)
    assert [coef.shape for coef in model.coefs_] == [(5, 3)]
    assert model.out_activation_ == "softmax"
    # A one-layer softmax network is multinomial logistic regression.
    reference = LogisticRegression(C=1e6, max_iter=1000).fit(X, y)
    np.testing.assert_allclose(model.predict_proba(X), reference.predict_proba(X), atol=1e-3)

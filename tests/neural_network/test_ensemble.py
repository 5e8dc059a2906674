import pickle

import numpy as np
import pytest
from sklearn.datasets import make_regression
from sklearn.linear_model import Ridge

from skneural import MLPEnsembleRegressor, NumpyMLPRegressor

pytestmark = pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")


@pytest.fixture
def interval_data():
    """A 1-D curve sampled on [-1, 1] only."""
    X = np.linspace(-1, 1, 60).reshape(-1, 1)
    return X, np.sin(3 * X).ravel()


def small_member(**params):
    return NumpyMLPRegressor(hidden_layer_sizes=(16,), solver="lbfgs", max_iter=300, **params)


def test_members_have_distinct_seeds_and_cycled_activations(interval_data):
    X, y = interval_data
    ensemble = MLPEnsembleRegressor(small_member(), n_estimators=5,
                                    activations=["relu", "tanh"], random_state=0).fit(X, y)
    assert [m.activation for m in ensemble.estimators_] == ["relu", "tanh", "relu", "tanh", "relu"]
    seeds = {m.random_state for m in ensemble.estimators_}
    assert len(seeds) == 5
    assert ensemble.estimator.random_state is None  # the template is left untouched


def test_mean_and_std_are_those_of_the_members(interval_data):
    X, y = interval_data
    ensemble = MLPEnsembleRegressor(small_member(), n_estimators=3, random_state=0).fit(X, y)
    members = np.stack([m.predict(X) for m in ensemble.estimators_])
    mean, std = ensemble.predict(X, return_std=True)
    np.testing.assert_allclose(mean, members.mean(axis=0))
    np.testing.assert_allclose(std, members.std(axis=0))
    np.testing.assert_allclose(ensemble.predict(X), mean)
    assert ensemble.predict_members(X).shape == (3, len(X))
    assert ensemble.score(X, y) > 0.95


def test_spread_grows_outside_the_training_interval(interval_data):
    X, y = interval_data
    ensemble = MLPEnsembleRegressor(small_member(), n_estimators=6, activations=("relu", "tanh"),
                                    random_state=0).fit(X, y)
    _, std_inside = ensemble.predict(X, return_std=True)
    _, std_outside = ensemble.predict(np.array([[-3.0], [3.0]]), return_std=True)
    assert std_outside.min() > 5 * std_inside.mean()


def test_parallel_fit_equals_sequential_fit(interval_data):
    X, y = interval_data
    sequential = MLPEnsembleRegressor(small_member(), n_estimators=3, random_state=1).fit(X, y)
    parallel = MLPEnsembleRegressor(small_member(), n_estimators=3, n_jobs=2,
                                    random_state=1).fit(X, y)
    np.testing.assert_allclose(parallel.predict(X), sequential.predict(X))


def test_multi_output_and_pickling():
    X, y = make_regression(n_samples=80, n_features=4, n_targets=2, random_state=0)
    ensemble = MLPEnsembleRegressor(small_member(), n_estimators=2, random_state=0).fit(X, y)
    mean, std = ensemble.predict(X, return_std=True)
    assert mean.shape == std.shape == (80, 2)
    restored = pickle.loads(pickle.dumps(ensemble))
    np.testing.assert_array_equal(restored.predict(X), mean)


def test_default_member_and_float32(interval_data):
    X, y = interval_data
    ensemble = MLPEnsembleRegressor(n_estimators=2, random_state=0).fit(X.astype(np.float32), y)
    assert isinstance(ensemble.estimators_[0], NumpyMLPRegressor)
    assert ensemble.predict(X.astype(np.float32)).dtype == np.float32


def test_rejects_empty_activations(interval_data):
    with pytest.raises(ValueError, match="at least one activation"):
        MLPEnsembleRegressor(small_member(), n_estimators=2, activations=[]).fit(*interval_data)


def test_any_seeded_regressor_can_be_a_member_without_activations(interval_data):
    X, y = interval_data
    ensemble = MLPEnsembleRegressor(Ridge(solver="sag"), n_estimators=2, random_state=0)
    assert ensemble.fit(X, y).predict(X).shape == (60,)
    with pytest.raises(ValueError, match="activation"):
        ensemble.set_params(activations="tanh").fit(X, y)

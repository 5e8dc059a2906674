import pickle

import numpy as np
import pytest
from sklearn.datasets import make_regression
from sklearn.model_selection import train_test_split

from skneural import NumpyMLPRegressor

pytestmark = pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")


@pytest.fixture
def regression():
    X, y = make_regression(n_samples=400, n_features=5, noise=5.0, random_state=0)
    return train_test_split(X, y / 50, random_state=0)


def _fit(X, y, **params):
    defaults = dict(hidden_layer_sizes=(32,), learning_rate_init=0.01, max_iter=300,
                    random_state=0)
    return NumpyMLPRegressor(**{**defaults, **params}).fit(X, y)


@pytest.mark.parametrize("loss", ["squared_error", "huber", "absolute_error"])
def test_losses_learn(regression, loss):
    X_train, X_test, y_train, y_test = regression
    assert _fit(X_train, y_train, loss=loss).score(X_test, y_test) > 0.9


def test_huber_resists_outliers(regression):
    X_train, X_test, y_train, y_test = regression
    y_dirty = y_train.copy()
    y_dirty[:15] += 40.0
    squared = _fit(X_train, y_dirty, loss="squared_error").score(X_test, y_test)
    huber = _fit(X_train, y_dirty, loss="huber").score(X_test, y_test)
    assert huber > squared + 0.05


@pytest.mark.parametrize("output_activation", ["relu", "softplus", "exp"])
def test_positive_output_activations_predict_positive_values(regression, output_activation):
    X_train, X_test, y_train, _ = regression
    y_positive = np.abs(y_train)
    model = _fit(X_train, y_positive, output_activation=output_activation)
    assert model.out_activation_ == output_activation
    assert (model.predict(X_test) >= 0).all()


@pytest.mark.parametrize("output_activation, low, high", [("logistic", 0, 1), ("tanh", -1, 1)])
def test_bounded_output_activations(regression, output_activation, low, high):
    X_train, X_test, y_train, _ = regression
    y_bounded = np.clip(y_train / 10, low + 0.01, high - 0.01)
    prediction = _fit(X_train, y_bounded, output_activation=output_activation).predict(X_test)
    assert (prediction > low).all() and (prediction < high).all()


def test_poisson_uses_a_log_link_and_learns_counts(rng):
    X = rng.normal(size=(500, 3))
    y = rng.poisson(np.exp(0.5 * X[:, 0] + 0.3 * X[:, 1]))
    model = _fit(X, y, loss="poisson", hidden_layer_sizes=(8,))
    assert model.out_activation_ == "exp"
    assert np.corrcoef(model.predict(X), np.exp(0.5 * X[:, 0] + 0.3 * X[:, 1]))[0, 1] > 0.9


def test_poisson_refuses_negative_targets_and_non_positive_links(regression):
    X_train, _, y_train, _ = regression
    with pytest.raises(ValueError, match="negative which is not allowed for Poisson"):
        NumpyMLPRegressor(loss="poisson").fit(X_train, y_train)
    with pytest.raises(ValueError, match="strictly positive predictions"):
        NumpyMLPRegressor(loss="poisson", output_activation="relu").fit(
            X_train, np.abs(y_train))


def test_multi_output(regression):
    X_train, X_test, y_train, y_test = regression
    Y_train = np.column_stack([y_train, -2 * y_train])
    model = _fit(X_train, Y_train)
    assert model.n_outputs_ == 2 and model.predict(X_test).shape == (len(X_test), 2)
    assert model.score(X_test, np.column_stack([y_test, -2 * y_test])) > 0.9


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_dtype_kept_and_pickle_round_trip(regression, dtype):
    X_train, X_test, y_train, _ = regression
    model = _fit(X_train.astype(dtype), y_train, max_iter=20)
    assert model.coefs_[0].dtype == dtype
    restored = pickle.loads(pickle.dumps(model))
    np.testing.assert_array_equal(restored.predict(X_test), model.predict(X_test))


def test_early_stopping_validation_curves(regression):
    X_train, _, y_train, _ = regression
    model = _fit(X_train, y_train, early_stopping=True)
    assert len(model.validation_loss_curve_) == len(model.validation_scores_) == model.n_iter_
    assert model.best_validation_score_ == max(model.validation_scores_)


def test_partial_fit_updates(regression):
    X_train, X_test, y_train, y_test = regression
    model = NumpyMLPRegressor(hidden_layer_sizes=(16,), learning_rate_init=0.01, random_state=0)
    scores = []
    for _ in range(3):
        for _ in range(20):
            model.partial_fit(X_train, y_train)
        scores.append(model.score(X_test, y_test))
    assert scores[-1] > scores[0]


def test_predictions_are_clipped_to_the_training_targets(regression):
    X, _, y, _ = regression
    reg = NumpyMLPRegressor(hidden_layer_sizes=(20,), max_iter=50, random_state=0)
    far = 100 * X[:20]
    reg.fit(X, y)
    np.testing.assert_array_equal(reg.target_range_, [[y.min()], [y.max()]])
    predictions = reg.predict(far)
    assert predictions.min() >= y.min() and predictions.max() <= y.max()
    unclipped = reg.set_params(clip_predictions=False).predict(far)
    assert unclipped.min() < y.min() or unclipped.max() > y.max()
    np.testing.assert_array_equal(predictions, np.clip(unclipped, y.min(), y.max()))


def test_partial_fit_widens_the_target_range(regression):
    X, _, y, _ = regression
    reg = NumpyMLPRegressor(hidden_layer_sizes=(5,), random_state=0)
    reg.partial_fit(X[:50], y[:50]).partial_fit(X[50:], y[50:])
    np.testing.assert_array_equal(reg.target_range_, [[y.min()], [y.max()]])

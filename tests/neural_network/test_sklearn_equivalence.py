"""With the same seed and no shuffling, we retrace scikit-learn's training."""

import numpy as np
import pytest
from sklearn.datasets import load_iris
from sklearn.neural_network import MLPClassifier, MLPRegressor

from skneural import NumpyMLPClassifier, NumpyMLPRegressor

PAIRS = [(MLPClassifier, NumpyMLPClassifier), (MLPRegressor, NumpyMLPRegressor)]


@pytest.fixture
def iris():
    return load_iris(return_X_y=True)


@pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")
@pytest.mark.parametrize("shuffle", [False, True])
@pytest.mark.parametrize("solver", ["sgd", "adam", "lbfgs"])
@pytest.mark.parametrize("theirs, ours", PAIRS)
def test_same_training_trajectory(iris, solver, theirs, ours, shuffle):
    # With shuffle, a seed gives scikit-learn's order of the samples at every
    # epoch (each epoch reshuffles the previous order).
    X, y = iris
    params = dict(hidden_layer_sizes=(7, 5), solver=solver, shuffle=shuffle, batch_size=32,
                  random_state=3, max_iter=30, learning_rate_init=0.01)
    reference = theirs(**params).fit(X, y)
    model = ours(revive_dead_units=False, **params).fit(X, y)
    assert model.n_iter_ == reference.n_iter_
    assert model.loss_ == pytest.approx(reference.loss_, rel=1e-9)
    for ours_, theirs_ in zip(model.coefs_ + model.intercepts_,
                              reference.coefs_ + reference.intercepts_):
        np.testing.assert_allclose(ours_, theirs_, atol=1e-9)


@pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")
@pytest.mark.parametrize("activation", ["identity", "logistic", "tanh", "relu"])
def test_forward_pass_equals_scikit_learn_with_the_same_weights(iris, activation):
    X, y = iris
    reference = MLPClassifier((6,), activation=activation, max_iter=50,
                              random_state=0).fit(X, y)
    model = NumpyMLPClassifier((6,), activation=activation, max_iter=1).fit(X, y)
    model.coefs_ = [c.copy() for c in reference.coefs_]
    model.intercepts_ = [b.copy() for b in reference.intercepts_]
    np.testing.assert_allclose(model.predict_proba(X), reference.predict_proba(X))
    np.testing.assert_array_equal(model.predict(X), reference.predict(X))


@pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")
@pytest.mark.parametrize("y_kind", ["binary", "multilabel", "regression"])
def test_predictions_equal_scikit_learn_with_the_same_weights(iris, y_kind):
    X, y = iris
    if y_kind == "binary":
        pair, target = PAIRS[0], y == 0
    elif y_kind == "multilabel":
        pair, target = PAIRS[0], np.column_stack([y == 0, y == 1, X[:, 0] > 5.8])
    else:
        pair, target = PAIRS[1], np.column_stack([X[:, 0], y])
    extra = {"clip_predictions": False} if pair is PAIRS[1] else {}
    reference = pair[0](hidden_layer_sizes=(5,), max_iter=20, random_state=0).fit(X, target)
    model = pair[1](hidden_layer_sizes=(5,), max_iter=1, **extra).fit(X, target)
    model.coefs_, model.intercepts_ = reference.coefs_, reference.intercepts_
    np.testing.assert_allclose(model.predict(X), reference.predict(X))
    if hasattr(reference, "predict_proba"):
        np.testing.assert_allclose(model.predict_proba(X), reference.predict_proba(X))


@pytest.mark.parametrize("theirs, ours", PAIRS)
def test_same_constructor_parameters_as_scikit_learn(theirs, ours):
    assert set(theirs().get_params()) <= set(ours().get_params())
    for name, value in theirs().get_params().items():
        assert ours().get_params()[name] == value, name

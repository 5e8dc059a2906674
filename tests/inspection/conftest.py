import numpy as np
import pytest
from sklearn.base import BaseEstimator
from sklearn.datasets import load_digits

from skneural import NumpyMLPClassifier


@pytest.fixture(scope="module")
def digits():
    X, y = load_digits(return_X_y=True)
    return X[:400] / 16.0, y[:400]


@pytest.fixture(scope="module")
def one_layer(digits):
    return NumpyMLPClassifier(hidden_layer_sizes=(), max_iter=20, random_state=0).fit(*digits)


@pytest.fixture(scope="module")
def hidden5(digits):
    return NumpyMLPClassifier((5,), max_iter=20, random_state=0,
                              weight_percentiles=(0, 25, 50, 75, 100)).fit(*digits)


class _FakeLayer:
    def __init__(self, weights):
        self.weights = weights

    def get_weights(self):
        return self.weights


class _FakeModel:
    def __init__(self, layers):
        self.layers = layers


class FakeKerasClassifier(BaseEstimator):
    """What the Displays read from a fitted SciKeras estimator."""

    def __init__(self, history=None, weights=None):
        self.history = history
        self.weights = weights

    def fit(self, X=None, y=None):
        self.history_ = self.history
        layers = [_FakeLayer([])]  # a Flatten layer has no weights
        layers += [_FakeLayer([w, np.zeros(w.shape[1])]) for w in self.weights or []]
        self.model_ = _FakeModel(layers)
        self.classes_ = np.arange(10)
        return self

"""KernelPerceptron: the dual perceptron separates what no line can."""

import pickle

import numpy as np
import pytest
from sklearn.metrics.pairwise import rbf_kernel

from skneural import KernelPerceptron, Perceptron
from skneural.datasets import make_logic_gate, make_spiral
from skneural.perceptron import _kernel_perceptron


@pytest.fixture
def spiral():
    return make_spiral(n_samples=300, n_classes=3, random_state=0)


@pytest.mark.parametrize("kernel, params", [
    ("rbf", {"gamma": 2.0}),
    ("poly", {"degree": 2, "coef0": 1}),
    (lambda a, b: np.exp(-2.0 * np.sum((a - b) ** 2)), {}),
])
def test_separates_xor(kernel, params):
    X, y = make_logic_gate("xor")
    clf = KernelPerceptron(kernel=kernel, tol=None, **params).fit(X, y)
    np.testing.assert_array_equal(clf.predict(X), y)
    assert clf.mistakes_curve_[-1] == 0


def test_separates_the_spiral(spiral):
    X, y = spiral
    clf = KernelPerceptron(gamma=20.0, tol=None, max_iter=100).fit(X, y)
    # The three arms share their first point (t = 0 is the origin), so
    # 298 of 300 is the best any classifier can do.
    assert clf.score(X, y) >= 298 / 300
    linear = Perceptron(random_state=0).fit(X, y)
    assert linear.score(X, y) < 0.7


def test_fitted_attributes_reproduce_the_decision(spiral):
    X, y = spiral
    clf = KernelPerceptron(gamma=20.0, max_iter=20).fit(X, y)
    n_sv = len(clf.support_)
    assert clf.dual_coef_.shape == (3, n_sv)
    np.testing.assert_array_equal(clf.support_vectors_, X[clf.support_])
    expected = rbf_kernel(X, clf.support_vectors_, gamma=20.0) @ clf.dual_coef_.T
    np.testing.assert_allclose(clf.decision_function(X), expected + clf.intercept_)
    restored = pickle.loads(pickle.dumps(clf))
    np.testing.assert_array_equal(restored.predict(X), clf.predict(X))


def test_linear_kernel_equals_the_primal_perceptron(spiral):
    X, y = spiral
    dual = KernelPerceptron(kernel="linear", shuffle=False, tol=None, max_iter=5)
    primal = Perceptron(shuffle=False, tol=None, max_iter=5, pocket=False)
    with pytest.warns(Warning):
        dual.fit(X, y)
    with pytest.warns(Warning):
        primal.fit(X, y)
    np.testing.assert_allclose(dual.dual_coef_ @ dual.support_vectors_, primal.coef_)
    np.testing.assert_allclose(dual.decision_function(X), primal.decision_function(X))


def test_large_training_sets_compute_gram_rows_on_demand(spiral, monkeypatch):
    X, y = spiral
    whole = KernelPerceptron(gamma=20.0, max_iter=10).fit(X, y)
    monkeypatch.setattr(_kernel_perceptron, "MAX_PRECOMPUTED_SAMPLES", 10)
    blocks = KernelPerceptron(gamma=20.0, max_iter=10).fit(X, y)
    np.testing.assert_allclose(blocks.dual_coef_, whole.dual_coef_)

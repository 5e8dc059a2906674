"""Perceptron, AveragedPerceptron and VotedPerceptron."""

import pickle

import numpy as np
import pytest
from scipy import sparse
from sklearn.datasets import load_digits, load_iris, make_multilabel_classification
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import Perceptron as SklearnPerceptron
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

from skneural import AveragedPerceptron, Perceptron, VotedPerceptron
from skneural.datasets import make_logic_gate
from skneural.perceptron import _pocket

VARIANTS = [Perceptron, AveragedPerceptron, VotedPerceptron]


def _scaled_split(X, y):
    X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0, stratify=y)
    scaler = StandardScaler().fit(X_train)
    return scaler.transform(X_train), scaler.transform(X_test), y_train, y_test


@pytest.fixture
def rosenblatt_data():
    """Four points on which Rosenblatt's rule needs three epochs."""
    X = np.array([[1.0, 2.0], [2.0, 0.0], [1.0, -1.0], [0.0, -2.0]])
    return X, np.array([1, 1, 0, 0])


@pytest.fixture
def iris():
    return load_iris(return_X_y=True)


def test_sign_step_performs_rosenblatt_updates(rosenblatt_data):
    # By hand, updating whenever y * z <= 0, starting from w = 0, b = 0:
    # epoch 1: x1 (z=0) -> w=(1,2) b=1; x3 (z=0) -> w=(0,3) b=0
    # epoch 2: x2 (z=0) -> w=(2,3) b=1; x3 (z=0) -> w=(1,4) b=0
    # epoch 3: no mistake.
    X, y = rosenblatt_data
    clf = Perceptron(step="sign", eta0=1, shuffle=False, tol=None).fit(X, y)
    assert clf.mistakes_curve_ == [2, 2, 0]
    assert clf.n_iter_ == 3
    np.testing.assert_array_equal(clf.coef_, [[1.0, 4.0]])
    np.testing.assert_array_equal(clf.intercept_, [0.0])


def test_heaviside_step_updates_like_geron(rosenblatt_data):
    # w <- w + (y - H(z)) x with H(0) = 1, by hand:
    # epoch 1: x3 -> w=(-1,1) b=-1; epoch 2: x2 -> (1,1) 0, x3 -> (0,2) -1;
    # epoch 3: x2 -> (2,2) 0, x3 -> (1,3) -1; epoch 4: no mistake.
    X, y = rosenblatt_data
    clf = Perceptron(step="heaviside", shuffle=False, tol=None).fit(X, y)
    assert clf.mistakes_curve_ == [1, 2, 2, 0]
    np.testing.assert_array_equal(clf.coef_, [[1.0, 3.0]])
    np.testing.assert_array_equal(clf.intercept_, [-1.0])


@pytest.mark.parametrize("penalty", [None, "l2", "l1", "elasticnet"])
def test_retraces_sklearn_without_shuffling(iris, penalty):
    X, y = iris
    params = dict(penalty=penalty, alpha=0.01, shuffle=False, tol=None, max_iter=5)
    ours = Perceptron(pocket=False, **params).fit(X, y == 1)
    theirs = SklearnPerceptron(**params).fit(X, y == 1)
    np.testing.assert_allclose(ours.coef_, theirs.coef_, atol=1e-12)
    np.testing.assert_allclose(ours.intercept_, theirs.intercept_, atol=1e-12)


@pytest.mark.parametrize("scoring_size", [_pocket.SCORING_SIZE, 100])  # 100: rows in chunks
@pytest.mark.parametrize("cls", [Perceptron, AveragedPerceptron])
def test_pocket_keeps_the_weights_of_the_epoch_with_fewest_mistakes(iris, cls, scoring_size,
                                                                    monkeypatch):
    monkeypatch.setattr(_pocket, "SCORING_SIZE", scoring_size)
    X, y = iris  # versicolor is not linearly separable from the rest
    params = dict(tol=None, max_iter=30, random_state=0)
    last = cls(pocket=False, **params).fit(X, y)
    pocket = cls(**params).fit(X, y)
    assert pocket.mistakes_curve_ == last.mistakes_curve_  # the same training
    errors = []
    for epochs in range(1, 31):
        model = cls(pocket=False, **{**params, "max_iter": epochs})
        with pytest.warns(ConvergenceWarning):
            errors.append(np.sum(model.fit(X, y).predict(X) != y))
    assert np.sum(pocket.predict(X) != y) == min(errors)
    if cls is Perceptron:  # its last weights are not the best ones here
        assert min(errors) < errors[-1]


def test_pocket_changes_nothing_on_separable_data(iris):
    X, y = iris
    X, y = X[:, 2:4], y == 0
    pocket, last = Perceptron().fit(X, y), Perceptron(pocket=False).fit(X, y)
    np.testing.assert_array_equal(pocket.coef_, last.coef_)
    np.testing.assert_array_equal(pocket.intercept_, last.intercept_)


def test_pocket_with_early_stopping_keeps_the_best_held_out_epoch(iris):
    X, y = iris
    params = dict(early_stopping=True, validation_fraction=0.2, tol=None, max_iter=20)
    pocket = Perceptron(**params).fit(X, y)
    last = Perceptron(pocket=False, **params).fit(X, y)
    assert pocket.mistakes_curve_ == last.mistakes_curve_
    assert not np.array_equal(pocket.coef_, last.coef_)


def test_l1_penalty_zeroes_weights(iris):
    X, y = iris
    sparse_model = Perceptron(penalty="l1", alpha=0.01).fit(X, y)
    dense_model = Perceptron().fit(X, y)
    assert np.sum(sparse_model.coef_ == 0) > np.sum(dense_model.coef_ == 0)


def test_iris_setosa_from_petals(iris):
    X, y = iris
    clf = Perceptron(random_state=42).fit(X[:, 2:4], y == 0)
    np.testing.assert_array_equal(clf.predict([[2, 0.5], [3, 1]]), [True, False])
    assert clf.mistakes_curve_[-1] == 0


@pytest.mark.parametrize("load", [load_iris, load_digits])
def test_no_worse_than_sklearn(load):
    # Mean test accuracy over 10 seeds (the last weights of a perceptron vary
    # a lot with the sample order), same max_iter, fixed split.
    X_train, X_test, y_train, y_test = _scaled_split(*load(return_X_y=True))

    def mean_score(cls):
        return np.mean([
            cls(max_iter=1000, random_state=seed).fit(X_train, y_train).score(X_test, y_test)
            for seed in range(10)
        ])

    assert mean_score(Perceptron) >= mean_score(SklearnPerceptron) - 0.005


def test_xor_is_not_linearly_separable():
    X, y = make_logic_gate("xor")
    with pytest.warns(ConvergenceWarning, match="not be linearly separable"):
        clf = Perceptron(tol=None, max_iter=20).fit(X, y)
    assert min(clf.mistakes_curve_) > 0
    assert clf.score(X, y) <= 0.75


def test_linearly_separable_converges_without_warning():
    X, y = make_logic_gate("and", n_repeats=3)
    with np.testing.assert_no_warnings():
        clf = Perceptron(tol=None).fit(X, y)
    assert clf.mistakes_curve_[-1] == 0
    assert clf.score(X, y) == 1.0


def test_multilabel_gets_one_unit_per_label():
    X, Y = make_multilabel_classification(n_samples=60, n_classes=3, random_state=0)
    clf = Perceptron(random_state=0).fit(X, Y)
    assert clf.coef_.shape == (3, X.shape[1])
    np.testing.assert_array_equal(clf.classes_, [0, 1, 2])
    prediction = clf.predict(X)
    assert prediction.shape == Y.shape
    np.testing.assert_array_equal(prediction, (clf.decision_function(X) > 0).astype(int))
    assert (prediction == Y).mean() > 0.7


def test_two_inputs_three_outputs():
    # A layer of 3 TLUs over 2 inputs, each output a gate of (A, B).
    X, _ = make_logic_gate("and", n_repeats=5)
    gates = ["and", "or", "nand"]
    Y = np.column_stack([make_logic_gate(g, n_repeats=5)[1] for g in gates])
    clf = Perceptron(tol=None, random_state=0).fit(X, Y)
    np.testing.assert_array_equal(clf.predict(X), Y)
    assert clf.coef_.shape == (3, 2)


def test_multi_output_with_multiclass_columns(iris):
    X, y = iris
    Y = np.column_stack([y, y == 0])
    clf = Perceptron(random_state=0).fit(X, Y)
    assert clf.coef_.shape == (4, 4)  # three one-vs-rest units, then one
    assert [list(c) for c in clf.classes_] == [[0, 1, 2], [0, 1]]
    scores = clf.decision_function(X)
    assert [s.shape for s in scores] == [(150, 3), (150,)]
    assert clf.predict(X).shape == (150, 2)


def test_predict_proba_is_absent_and_says_why(iris):
    clf = Perceptron().fit(*iris)
    assert not hasattr(clf, "predict_proba")
    with pytest.raises(AttributeError, match="no class probabilities|not class prob"):
        clf.predict_proba(iris[0])


@pytest.mark.parametrize("cls", VARIANTS)
def test_pickle_keeps_predictions(cls, iris):
    X, y = iris
    clf = cls(max_iter=30).fit(X, y)
    restored = pickle.loads(pickle.dumps(clf))
    np.testing.assert_array_equal(restored.decision_function(X), clf.decision_function(X))


@pytest.mark.parametrize("cls", VARIANTS)
def test_partial_fit_equals_one_epoch_of_fit(cls, iris):
    X, y = iris
    online = cls(shuffle=False).partial_fit(X, y, classes=np.unique(y))
    batch = cls(shuffle=False, max_iter=1, tol=None)
    with pytest.warns(ConvergenceWarning):
        batch.fit(X, y)
    np.testing.assert_allclose(online.coef_, batch.coef_)


def test_partial_fit_requires_classes(iris):
    with pytest.raises(ValueError, match="classes must be passed"):
        Perceptron().partial_fit(*iris)


def test_warm_start_continues(rosenblatt_data):
    X, y = rosenblatt_data
    clf = Perceptron(shuffle=False, tol=None, max_iter=1, warm_start=True)
    with pytest.warns(ConvergenceWarning):
        clf.fit(X, y)
    clf.set_params(max_iter=10).fit(X, y)
    np.testing.assert_array_equal(clf.coef_, [[1.0, 4.0]])


def test_averaged_weights_are_the_survival_average(rosenblatt_data):
    # Samples scored by each weight vector (see the Rosenblatt test):
    # (0,0)+0: x1; (1,2)+1: x2, x3; (0,3)+0: x4, x1, x2; (2,3)+1: x3;
    # (1,4)+0: x4 and the whole last epoch -> 12 samples in all.
    X, y = rosenblatt_data
    clf = AveragedPerceptron(shuffle=False, tol=None, pocket=False).fit(X, y)
    expected = (2 * np.array([1, 2]) + 3 * np.array([0, 3]) + np.array([2, 3])
                + 5 * np.array([1, 4])) / 12
    np.testing.assert_allclose(clf.coef_, [expected])
    np.testing.assert_allclose(clf.intercept_, [(2 + 1) / 12])


def test_voted_perceptron_keeps_every_vector(rosenblatt_data):
    X, y = rosenblatt_data
    clf = VotedPerceptron(shuffle=False, tol=None).fit(X, y)
    np.testing.assert_array_equal(clf.vote_counts_, [1, 2, 3, 1, 5])
    np.testing.assert_array_equal(clf.vote_coefs_[-1], [1, 4])
    assert clf.score(X, y) == 1.0


def test_publishing_does_not_split_votes(rosenblatt_data):
    X, y = rosenblatt_data
    clf = VotedPerceptron(shuffle=False, tol=None).fit(X, y)
    prediction = clf.predict(X)
    for _ in range(3):  # separated: no mistake, so the last vector keeps voting
        clf.partial_fit(X, y)
    np.testing.assert_array_equal(clf.vote_counts_, [1, 2, 3, 1, 5 + 3 * len(X)])
    np.testing.assert_array_equal(clf.predict(X), prediction)


def test_early_stopping_does_not_split_votes(iris):
    # Each unit holds one vector more than its number of mistakes (one fewer
    # if its last sample was a mistake), however often the votes were read.
    X, y = iris
    clf = VotedPerceptron(early_stopping=True, random_state=0).fit(X, y)
    assert clf.n_iter_ > 1
    assert len(clf.vote_counts_) <= sum(clf.mistakes_curve_) + len(clf.classes_)
    np.testing.assert_array_equal(
        np.bincount(clf.vote_units_, weights=clf.vote_counts_), [clf.t_ - 1] * 3
    )


def test_scalar_sample_weight_with_early_stopping(iris):
    X, y = iris
    params = dict(early_stopping=True, random_state=0)
    scalar = Perceptron(**params).fit(X, y, sample_weight=2.0)
    array = Perceptron(**params).fit(X, y, sample_weight=np.full(len(y), 2.0))
    np.testing.assert_array_equal(scalar.coef_, array.coef_)
    np.testing.assert_array_equal(scalar.predict(X), array.predict(X))


@pytest.mark.parametrize("cls", VARIANTS)
def test_beats_chance_on_digits_with_float32_and_sparse(cls):
    X_train, X_test, y_train, y_test = _scaled_split(*load_digits(return_X_y=True))
    X_train = X_train.astype(np.float32)
    dense = cls(max_iter=15).fit(X_train, y_train)
    assert dense.coef_.dtype == np.float32
    assert dense.score(X_test, y_test) > 0.9
    on_sparse = cls(max_iter=15).fit(sparse.csr_matrix(X_train), y_train)
    np.testing.assert_allclose(on_sparse.coef_, dense.coef_, rtol=1e-4, atol=1e-4)


def test_class_weight_balanced_and_early_stopping(iris):
    X, y = iris
    X = StandardScaler().fit_transform(X)
    clf = Perceptron(class_weight="balanced", early_stopping=True, random_state=0)
    clf.fit(X, y)
    assert clf.n_iter_ < 20
    assert clf.score(X, y) > 0.75


def test_bad_parameters_get_sklearn_errors(iris):
    with pytest.raises(ValueError, match="'step' parameter"):
        Perceptron(step="relu").fit(*iris)
    with pytest.raises(ValueError, match="greater than one"):
        Perceptron().fit(iris[0], np.zeros(150))

import io
import pickle
from contextlib import redirect_stdout

import numpy as np
import pytest
from scipy import sparse
from sklearn.datasets import load_digits, make_classification, make_multilabel_classification
from sklearn.exceptions import ConvergenceWarning, NotFittedError
from sklearn.metrics import balanced_accuracy_score
from sklearn.model_selection import GridSearchCV, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from skneural import NumpyMLPClassifier
from skneural.neural_network import TrainingDivergedError
from skneural.neural_network._stochastic import _NetworkRun
from skneural.training import Revival, StallStopping

pytestmark = pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")


@pytest.fixture
def digits():
    X, y = load_digits(return_X_y=True)
    return train_test_split(X / 16.0, y, random_state=0)


@pytest.fixture
def blobs():
    return make_classification(n_samples=300, n_features=6, n_informative=4,
                               n_classes=3, random_state=0)


def test_learns_digits_in_a_pipeline(digits):
    X_train, X_test, y_train, y_test = digits
    model = make_pipeline(StandardScaler(), NumpyMLPClassifier(random_state=0))
    assert model.fit(X_train, y_train).score(X_test, y_test) > 0.95


def test_grid_search_and_confusion_matrix_display(digits, pyplot):
    from sklearn.metrics import ConfusionMatrixDisplay

    X_train, X_test, y_train, y_test = digits
    search = GridSearchCV(
        make_pipeline(StandardScaler(), NumpyMLPClassifier(max_iter=30, random_state=0)),
        {"numpymlpclassifier__hidden_layer_sizes": [(16,), (32,)],
         "numpymlpclassifier__activation": ["relu", "elu"]},
        cv=3,
    ).fit(X_train, y_train)
    assert search.best_score_ > 0.9
    display = ConfusionMatrixDisplay.from_estimator(search, X_test, y_test)
    assert display.confusion_matrix.sum() == len(y_test)
    assert np.trace(display.confusion_matrix) > 0.9 * len(y_test)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_dtype_is_kept(blobs, dtype):
    X, y = blobs
    model = NumpyMLPClassifier((8,), max_iter=20, random_state=0).fit(X.astype(dtype), y)
    assert all(c.dtype == dtype for c in model.coefs_ + model.intercepts_)
    assert model.predict_proba(X.astype(dtype)).dtype == dtype


@pytest.mark.parametrize("solver", ["adam", "sgd", "lbfgs"])
def test_float32_and_float64_learn_alike(blobs, solver):
    X, y = blobs
    scores = [
        NumpyMLPClassifier((16,), solver=solver, random_state=0, max_iter=200)
        .fit(X.astype(dtype), y).score(X, y)
        for dtype in (np.float32, np.float64)
    ]
    assert scores[0] == pytest.approx(scores[1], abs=0.03)


def test_pickle_round_trip_gives_identical_predictions(blobs):
    X, y = blobs
    model = NumpyMLPClassifier((8,), max_iter=30, random_state=0).fit(X, y)
    restored = pickle.loads(pickle.dumps(model))
    np.testing.assert_array_equal(restored.predict_proba(X), model.predict_proba(X))
    restored.partial_fit(X, y)  # the optimiser state survives too


def test_same_seed_same_model(blobs):
    X, y = blobs
    a, b = (NumpyMLPClassifier((8,), max_iter=10, random_state=4, dropout=0.2).fit(X, y)
            for _ in range(2))
    np.testing.assert_array_equal(a.predict_proba(X), b.predict_proba(X))


def test_binary_and_string_labels(blobs):
    X, y = blobs
    labels = np.array(["cat", "dog"])[(y > 0).astype(int)]
    model = NumpyMLPClassifier((8,), max_iter=50, random_state=0).fit(X, labels)
    assert model.out_activation_ == "logistic" and model.n_outputs_ == 1
    assert set(model.predict(X)) <= {"cat", "dog"}
    np.testing.assert_allclose(model.predict_proba(X).sum(axis=1), 1)
    np.testing.assert_allclose(np.exp(model.predict_log_proba(X)), model.predict_proba(X))


def test_multilabel():
    X, Y = make_multilabel_classification(n_samples=200, n_classes=4, random_state=0)
    model = NumpyMLPClassifier((32,), max_iter=300, random_state=0).fit(X, Y)
    assert model.out_activation_ == "logistic" and model.n_outputs_ == 4
    assert model.predict(X).shape == Y.shape
    assert model.score(X, Y) > 0.5


def test_partial_fit_learns_and_rejects_unknown_labels(blobs):
    X, y = blobs
    model = NumpyMLPClassifier((16,), learning_rate_init=0.01, random_state=0)
    for _ in range(30):
        model.partial_fit(X, y, classes=[0, 1, 2])
    assert model.score(X, y) > 0.8
    assert model.n_iter_ == 1 and model.t_ == 30 * len(X)
    with pytest.raises(ValueError, match="classes not in"):
        model.partial_fit(X[:3], [0, 1, 5])


def test_partial_fit_needs_classes_first(blobs):
    X, y = blobs
    with pytest.raises(ValueError, match="classes must be passed on the first call"):
        NumpyMLPClassifier().partial_fit(X, y)


def test_partial_fit_is_absent_for_lbfgs():
    model = NumpyMLPClassifier(solver="lbfgs")
    assert not hasattr(model, "partial_fit")
    with pytest.raises(AttributeError, match="no attribute 'partial_fit'") as info:
        model.partial_fit
    assert "lbfgs is not stochastic" in str(info.value.__cause__)


def test_warm_start_continues(blobs):
    X, y = blobs
    model = NumpyMLPClassifier((8,), max_iter=5, warm_start=True, random_state=0).fit(X, y)
    first = [c.copy() for c in model.coefs_]
    model.fit(X, y)
    assert len(model.loss_curve_) == 10
    assert not np.allclose(first[0], model.coefs_[0])
    with pytest.raises(ValueError, match="same classes"):
        model.fit(X[y < 2], y[y < 2])


def test_early_stopping_restores_the_best_weights(blobs):
    X, y = blobs
    model = NumpyMLPClassifier((32,), early_stopping=True, n_iter_no_change=5,
                               max_iter=300, random_state=0).fit(X, y)
    assert len(model.validation_scores_) == len(model.validation_loss_curve_) == model.n_iter_
    assert model.best_validation_score_ == max(model.validation_scores_)
    assert model.best_loss_ is None
    best = int(np.argmax(model.validation_scores_))
    assert model.n_iter_ > best + 1  # it ran past the best epoch and went back


def test_early_stopping_rejects_partial_fit(blobs):
    X, y = blobs
    with pytest.raises(ValueError, match="does not support early_stopping"):
        NumpyMLPClassifier(early_stopping=True).partial_fit(X, y, classes=[0, 1, 2])


def test_class_weight_moves_the_decision(blobs):
    X, y = blobs
    y = (y == 0).astype(int)
    plain = NumpyMLPClassifier((8,), random_state=0, max_iter=100).fit(X, y)
    heavy = NumpyMLPClassifier((8,), random_state=0, max_iter=100,
                               class_weight={0: 1, 1: 20}).fit(X, y)
    assert heavy.predict(X).sum() > plain.predict(X).sum()
    balanced = NumpyMLPClassifier((8,), random_state=0, max_iter=100,
                                  class_weight="balanced").fit(X, y)
    assert (balanced_accuracy_score(y, balanced.predict(X))
            > balanced_accuracy_score(y, plain.predict(X)))


def test_class_weight_balanced_is_refused_by_partial_fit(blobs):
    X, y = blobs
    with pytest.raises(ValueError, match="'balanced' is not supported for partial_fit"):
        NumpyMLPClassifier(class_weight="balanced").partial_fit(X, y, classes=[0, 1, 2])


def test_dropout_trains_and_predicts_deterministically(digits):
    X_train, X_test, y_train, y_test = digits
    model = NumpyMLPClassifier((64,), dropout=0.3, random_state=0).fit(X_train, y_train)
    assert model.score(X_test, y_test) > 0.9
    np.testing.assert_array_equal(model.predict_proba(X_test), model.predict_proba(X_test))


@pytest.mark.parametrize("activation", ["leaky_relu", "softplus", "elu"])
def test_extra_activations_learn(digits, activation):
    X_train, X_test, y_train, y_test = digits
    model = NumpyMLPClassifier((32,), activation=activation, random_state=0)
    assert model.fit(X_train, y_train).score(X_test, y_test) > 0.9


def test_sparse_input_equals_dense(blobs):
    X, y = blobs
    X = np.where(X > 0.5, X, 0)
    dense = NumpyMLPClassifier((8,), max_iter=20, random_state=0).fit(X, y)
    sparse_ = NumpyMLPClassifier((8,), max_iter=20, random_state=0).fit(sparse.csr_matrix(X), y)
    np.testing.assert_allclose(sparse_.predict_proba(X), dense.predict_proba(X), rtol=1e-6)


def test_verbose_prints_progress(blobs):
    X, y = blobs
    out = io.StringIO()
    with redirect_stdout(out):
        NumpyMLPClassifier((4,), max_iter=3, verbose=True, early_stopping=True).fit(X, y)
    assert "Iteration 1, loss = " in out.getvalue()
    assert "Validation score: " in out.getvalue()


def test_convergence_warning_names_the_remedy(blobs):
    X, y = blobs
    with pytest.warns(ConvergenceWarning, match="Maximum iterations \\(2\\).*max_iter"):
        NumpyMLPClassifier((4,), max_iter=2).fit(X, y)


def test_lbfgs_records_a_loss_curve(blobs):
    X, y = blobs
    model = NumpyMLPClassifier((8,), solver="lbfgs", max_iter=50, random_state=0).fit(X, y)
    assert len(model.loss_curve_) == model.n_iter_
    assert model.loss_curve_[-1] == pytest.approx(model.loss_)


def test_divergence_names_the_learning_rate_and_keeps_the_old_model(blobs):
    X, y = blobs
    model = NumpyMLPClassifier((8,), solver="sgd", max_iter=20, random_state=0,
                               momentum=0.0).fit(X, y)
    before = model.predict_proba(X)
    model.set_params(learning_rate_init=1e6, warm_start=True)
    with pytest.raises(TrainingDivergedError, match="learning_rate_init=1000000.0"):
        model.fit(X * 1e3, y)
    np.testing.assert_array_equal(model.predict_proba(X), before)
    assert len(model.loss_curve_) == model.n_iter_


def test_divergence_leaves_a_fresh_model_unfitted(blobs):
    X, y = blobs
    model = NumpyMLPClassifier((8,), solver="sgd", learning_rate_init=1e6, momentum=0.0)
    with pytest.raises(ValueError, match="diverged"):
        model.fit(X * 1e3, y)
    with pytest.raises(NotFittedError):
        model.predict(X)


def test_revival_rescues_a_dead_relu_layer(rng):
    # Non-negative inputs and large steps with momentum kill all the ReLUs
    # of a tiny network on some seeds (scikit-learn gets stuck at the majority
    # class); revived units let every seed learn.
    X = rng.uniform(size=(600, 3))
    y = (X @ [0.3, 0.6, 0.1] > 0.5).astype(int)
    params = dict(hidden_layer_sizes=(3,), solver="sgd", learning_rate_init=0.05,
                  max_iter=2000)
    dead = [NumpyMLPClassifier(revive_dead_units=False, random_state=s, **params).fit(X, y)
            for s in range(12)]
    alive = [NumpyMLPClassifier(random_state=s, **params).fit(X, y) for s in range(12)]
    assert min(m.score(X, y) for m in dead) < 0.8
    assert min(m.score(X, y) for m in alive) > 0.95
    assert sum(m.n_units_revived_ for m in alive) > 0


def test_keyboard_interrupt_keeps_the_last_finished_epoch(blobs, monkeypatch):
    X, y = blobs
    model = NumpyMLPClassifier((8,), max_iter=50, random_state=0)
    calls = {"n": 0}
    original = _NetworkRun.batch

    def interrupt_in_epoch_four(self, *args):
        calls["n"] += 1
        if calls["n"] == 3 * 2 + 1:  # 2 batches per epoch of 300 samples
            raise KeyboardInterrupt
        return original(self, *args)

    monkeypatch.setattr(_NetworkRun, "batch", interrupt_in_epoch_four)
    with pytest.warns(UserWarning, match="interrupted"):
        model.set_params(batch_size=150).fit(X, y)
    assert model.n_iter_ == 3
    assert np.isfinite(model.predict_proba(X)).all()


@pytest.mark.parametrize("where", [Revival, StallStopping])
def test_keyboard_interrupt_in_the_bookkeeping_rolls_the_whole_epoch_back(blobs, monkeypatch,
                                                                          where):
    X, y = blobs
    settings = dict(hidden_layer_sizes=(8,), batch_size=150, tol=0.0, random_state=0)
    three_epochs = NumpyMLPClassifier(max_iter=3, **settings).fit(X, y)
    model = NumpyMLPClassifier(max_iter=50, weight_percentiles=[0, 50, 100], **settings)
    original = where.on_epoch_end
    calls = {"n": 0}

    def interrupt_in_epoch_four(self, *args):
        calls["n"] += 1
        if calls["n"] == 4:
            raise KeyboardInterrupt
        return original(self, *args)

    monkeypatch.setattr(where, "on_epoch_end", interrupt_in_epoch_four)
    with pytest.warns(UserWarning, match="last finished epoch \\(3\\)"):
        model.fit(X, y)
    assert model.n_iter_ == len(model.loss_curve_) == 3
    assert model.t_ == 3 * len(X)
    assert model.weight_stats_["coefs"][0].shape[0] == 3
    np.testing.assert_array_equal(model.loss_curve_, three_epochs.loss_curve_)
    for ours, reference in zip(model.coefs_, three_epochs.coefs_):
        np.testing.assert_array_equal(ours, reference)


@pytest.mark.parametrize(
    "params, message",
    [
        (dict(hidden_layer_sizes=(10, 0)), "hidden_layer_sizes must be > 0"),
        (dict(activation="swish"), "'activation' parameter .* must be a str among"),
        (dict(dropout=1.0), "'dropout' parameter .* must be a float in the range"),
        (dict(learning_rate_init=0.0), "'learning_rate_init' parameter"),
        (dict(weight_init="zeros"), "'weight_init' parameter"),
    ],
)
def test_invalid_parameters(blobs, params, message):
    X, y = blobs
    with pytest.raises(ValueError, match=message):
        NumpyMLPClassifier(**params).fit(X, y)


def test_dropout_is_refused_by_lbfgs(blobs):
    X, y = blobs
    with pytest.raises(ValueError, match="dropout needs a stochastic solver"):
        NumpyMLPClassifier(solver="lbfgs", dropout=0.5).fit(X, y)


def test_bad_input_gets_scikit_learn_errors(blobs):
    X, y = blobs
    with pytest.raises(ValueError, match="NaN"):
        NumpyMLPClassifier().fit(np.where(X > 1, np.nan, X), y)
    model = NumpyMLPClassifier((4,), max_iter=5).fit(X, y)
    with pytest.raises(ValueError, match="expecting 6 features"):
        model.predict(X[:, :3])
    with pytest.raises(ValueError, match="Unknown label type"):
        NumpyMLPClassifier().fit(X, y + 0.5)

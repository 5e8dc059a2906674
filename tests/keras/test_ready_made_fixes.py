"""Each fix of SciKeras's defects, on the ready-made estimators, one test per fix."""

import pickle

import numpy as np
import pytest

pytest.importorskip("tensorflow")

import keras  # noqa: E402
from scipy import sparse  # noqa: E402
from sklearn.base import is_classifier, is_regressor  # noqa: E402
from sklearn.metrics import ConfusionMatrixDisplay  # noqa: E402
from sklearn.model_selection import StratifiedKFold, check_cv  # noqa: E402
from sklearn.utils.multiclass import type_of_target  # noqa: E402
from tensorflow.python.framework import config  # noqa: E402

from skneural.keras import (  # noqa: E402
    KerasMLPClassifier, KerasMLPRegressor, KerasWideDeepRegressor,
)

TINY = dict(hidden_layer_sizes=(4,), max_iter=2, run_eagerly=True)


def test_classifier_and_regressor_tags():
    assert is_classifier(KerasMLPClassifier()) and not is_regressor(KerasMLPClassifier())
    assert is_regressor(KerasMLPRegressor()) and not is_classifier(KerasMLPRegressor())


def test_cross_validation_stratifies_the_classifier():
    cv = check_cv(3, [0, 1] * 5, classifier=is_classifier(KerasMLPClassifier()))
    assert isinstance(cv, StratifiedKFold)


def test_confusion_matrix_display_accepts_the_classifier(classification_data, pyplot):
    X, y = classification_data
    clf = KerasMLPClassifier(**TINY, random_state=0).fit(X, y)
    display = ConfusionMatrixDisplay.from_estimator(clf, X, y)
    assert display.confusion_matrix.sum() == len(y)


def test_feature_names_and_count_from_a_dataframe(regression_data):
    pd = pytest.importorskip("pandas")
    X, y = regression_data
    frame = pd.DataFrame(X, columns=["a", "b", "c", "d"])
    reg = KerasMLPRegressor(**TINY, random_state=0).fit(frame, y)
    assert reg.n_features_in_ == 4
    assert list(reg.feature_names_in_) == ["a", "b", "c", "d"]
    with pytest.raises(ValueError, match="X has 3 features"):
        reg.predict(X[:, :3])


@pytest.mark.parametrize("make_regressor", [
    lambda: KerasMLPRegressor(**TINY, random_state=0),
    lambda: KerasWideDeepRegressor(epochs=2, run_eagerly=True, random_state=0),
])
def test_sparse_input_trains_as_dense_input_does(make_regressor, regression_data):
    X, y = regression_data
    reg = make_regressor()
    assert reg.__sklearn_tags__().input_tags.sparse
    dense = reg.fit(X, y).predict(X)
    np.testing.assert_allclose(make_regressor().fit(sparse.csr_matrix(X), y).predict(X),
                               dense, rtol=1e-5, atol=1e-6)


def test_random_state_instance_draws_a_new_seed_per_fit(regression_data):
    X, y = regression_data
    reg = KerasMLPRegressor(**TINY, random_state=np.random.RandomState(0))
    first = reg.fit(X, y).predict(X)
    second = reg.fit(X, y).predict(X)
    assert not np.allclose(first, second)


def test_same_random_state_gives_identical_predictions(regression_data):
    X, y = regression_data
    first = KerasMLPRegressor(**TINY, dropout=0.2, random_state=3).fit(X, y).predict(X)
    second = KerasMLPRegressor(**TINY, dropout=0.2, random_state=3).fit(X, y).predict(X)
    np.testing.assert_array_equal(first, second)


@pytest.mark.parametrize("enabled", [False, True])
def test_seeded_fit_leaves_global_determinism_and_seeds_alone(enabled, regression_data):
    X, y = regression_data
    was_enabled = config.is_op_determinism_enabled()
    if enabled:
        config.enable_op_determinism()
    try:
        np_state = np.random.get_state()[1].copy()
        KerasMLPRegressor(**TINY, random_state=0).fit(X, y)
        assert config.is_op_determinism_enabled() == enabled
        np.testing.assert_array_equal(np.random.get_state()[1], np_state)
    finally:
        if not was_enabled:
            config.disable_op_determinism()


def test_pickle_round_trip_without_scikeras_monkey_patch(classification_data, monkeypatch):
    X, y = classification_data
    clf = KerasMLPClassifier(**TINY, random_state=0).fit(X, y)
    # SciKeras patches keras.Model.__reduce__ globally; we must not need it.
    monkeypatch.setattr(keras.Model, "__reduce__", object.__reduce__)
    restored = pickle.loads(pickle.dumps(clf))
    np.testing.assert_array_equal(restored.predict_proba(X), clf.predict_proba(X))


def test_routed_parameters_reach_the_optimizer(regression_data):
    X, y = regression_data
    reg = KerasMLPRegressor(**TINY, optimizer="sgd", optimizer__momentum=0.5)
    reg.set_params(optimizer__nesterov=True).fit(X, y)
    assert reg.model_.optimizer.momentum == 0.5 and reg.model_.optimizer.nesterov
    assert reg.get_params()["optimizer__momentum"] == 0.5


def test_all_zero_sample_weights_are_refused(regression_data):
    X, y = regression_data
    with pytest.raises(ValueError, match="non-zero"):
        KerasMLPRegressor(**TINY).fit(X, y, sample_weight=np.zeros(len(y)))


def test_one_hot_label_indicator_target_round_trips(classification_data):
    # SciKeras calls a label indicator matrix with one 1 per row "multiclass-onehot".
    X, _ = classification_data
    y = np.eye(3)[np.argmax(X[:, :3], axis=1)]
    clf = KerasMLPClassifier(**TINY, random_state=0).fit(X, y)
    predictions = clf.predict(X)
    assert predictions.shape == clf.predict_proba(X).shape == y.shape
    assert type_of_target(predictions) == type_of_target(y) == "multilabel-indicator"


def test_multiclass_multioutput_target_is_refused(classification_data):
    X, y = classification_data
    y = np.column_stack([y, np.arange(len(y)) % 3])
    with pytest.raises(ValueError, match="Multioutput target data is not supported"):
        KerasMLPClassifier(**TINY).fit(X, y)


def test_callbacks_run_and_are_released_after_fit(classification_data):
    X, y = classification_data
    epochs = []
    record = keras.callbacks.LambdaCallback(on_epoch_end=lambda epoch, _: epochs.append(epoch))
    clf = KerasMLPClassifier(**TINY, early_stopping=True, callbacks=[record]).fit(X, y)
    assert epochs == [0, 1]
    assert not {"_fit_callbacks", "_predict_callbacks", "_random_state"} & set(vars(clf))

"""KerasMLPClassifier and KerasMLPRegressor: training, history, persistence, search."""

import pickle

import joblib
import numpy as np
import pytest

pytest.importorskip("tensorflow")

import keras  # noqa: E402
from sklearn.base import clone  # noqa: E402
from sklearn.impute import SimpleImputer  # noqa: E402
from sklearn.model_selection import GridSearchCV  # noqa: E402
from sklearn.pipeline import make_pipeline  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402

from skneural.keras import KerasMLPClassifier, KerasMLPRegressor  # noqa: E402

TINY = dict(hidden_layer_sizes=(4,), max_iter=3, run_eagerly=True)


def test_classifier_learns_a_separable_problem(classification_data):
    X, y = classification_data
    clf = KerasMLPClassifier((16,), learning_rate_init=0.05, max_iter=40, random_state=0)
    assert clf.fit(X, y).score(X, y) > 0.9
    assert clf.model_.layers[-1].activation.__name__ == "sigmoid"


def test_multiclass_uses_softmax_and_string_labels(classification_data):
    X, _ = classification_data
    y = np.array(["a", "b", "c", "d"])[np.argmax(X, axis=1)]
    clf = KerasMLPClassifier(**TINY, random_state=0).fit(X, y)
    proba = clf.predict_proba(X)
    assert proba.shape == (len(X), 4)
    np.testing.assert_allclose(proba.sum(axis=1), 1, rtol=1e-5)
    assert set(clf.predict(X)) <= set(clf.classes_) == {"a", "b", "c", "d"}


def test_history_records_loss_val_loss_and_metrics(classification_data):
    X, y = classification_data
    clf = KerasMLPClassifier(
        **TINY, early_stopping=True, validation_fraction=0.25, metrics=["accuracy"],
        random_state=0,
    ).fit(X, y)
    assert set(clf.history_) >= {"loss", "val_loss", "accuracy", "val_accuracy"}
    assert all(len(values) == clf.n_iter_ == 3 for values in clf.history_.values())


def test_class_weight_and_sample_weight_change_the_fit(classification_data):
    X, y = classification_data
    plain = KerasMLPClassifier(**TINY, random_state=0).fit(X, y)
    weighted = KerasMLPClassifier(**TINY, class_weight={0: 1.0, 1: 10.0}, random_state=0)
    weighted.fit(X, y, sample_weight=np.linspace(0.5, 1.5, len(y)))
    assert weighted.history_["loss"][0] != pytest.approx(plain.history_["loss"][0])


def test_an_int_hidden_layer_sizes_is_one_layer(regression_data):
    X, y = regression_data
    reg = KerasMLPRegressor(hidden_layer_sizes=5, max_iter=2).fit(X, y)
    assert reg.model_.layers[1].units == 5


def test_alpha_adds_the_l2_penalty_divided_by_the_batch(regression_data):
    X, y = regression_data
    reg = KerasMLPRegressor(**TINY, alpha=0.5, batch_size=20).fit(X, y)
    assert reg.model_.layers[1].kernel_regularizer.l2 == pytest.approx(0.5 / 40)


def test_joblib_round_trip_gives_identical_predictions(regression_data, tmp_path):
    X, y = regression_data
    reg = KerasMLPRegressor(**TINY, random_state=0).fit(X, y)
    joblib.dump(reg, tmp_path / "reg.joblib")
    restored = joblib.load(tmp_path / "reg.joblib")
    np.testing.assert_array_equal(restored.predict(X), reg.predict(X))


def test_underlying_model_saves_in_keras_format(regression_data, tmp_path):
    X, y = regression_data
    reg = KerasMLPRegressor(**TINY, random_state=0).fit(X, y)
    reg.model_.save(tmp_path / "model.keras")
    loaded = keras.saving.load_model(tmp_path / "model.keras")
    np.testing.assert_allclose(
        loaded.predict(X.astype(np.float32), verbose=0).ravel(), reg.predict(X), rtol=1e-6
    )


def test_float32_input_gives_float32_predictions(regression_data):
    X, y = regression_data
    reg = KerasMLPRegressor(**TINY, random_state=0).fit(X.astype(np.float32), y)
    assert reg.predict(X.astype(np.float32)).dtype == np.float32
    assert reg.predict(X).dtype == np.float64


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_grid_search_in_a_pipeline(classification_data, n_jobs):
    X, y = classification_data
    X = X.copy()
    X[::7, 0] = np.nan
    pipe = make_pipeline(SimpleImputer(), StandardScaler(), KerasMLPClassifier(**TINY))
    grid = {
        "kerasmlpclassifier__hidden_layer_sizes": [(4,), (4, 4)],
        "kerasmlpclassifier__learning_rate_init": [0.01],
        "kerasmlpclassifier__optimizer": ["adam", "sgd"],
    }
    search = GridSearchCV(pipe, grid, cv=2, n_jobs=n_jobs).fit(X, y)
    assert len(search.cv_results_["params"]) == 4
    assert search.predict(X).shape == y.shape


CLIPPED = dict(hidden_layer_sizes=(4,), max_iter=2, batch_size=200, run_eagerly=True,
               random_state=0)


def _far_inputs(X):
    """Inputs far beyond the training ones: a ReLU network extrapolates linearly."""
    return np.vstack([X[:5] * 1e3, -X[:5] * 1e3])


def test_regressor_clips_predictions_to_the_training_targets(regression_data):
    X, y = regression_data
    clipped = KerasMLPRegressor(**CLIPPED).fit(X, y)
    unclipped = KerasMLPRegressor(**CLIPPED, clip_predictions=False).fit(X, y)
    np.testing.assert_array_equal(clipped.target_range_, [[y.min()], [y.max()]])
    raw = unclipped.predict(_far_inputs(X))
    assert raw.min() < y.min() or raw.max() > y.max()
    np.testing.assert_allclose(clipped.predict(_far_inputs(X)), np.clip(raw, y.min(), y.max()))


def test_target_range_leaves_out_zero_weights_and_widens_with_partial_fit(regression_data):
    X, y = regression_data
    weight = np.where(y == y.max(), 0.0, 1.0)
    reg = KerasMLPRegressor(**CLIPPED).fit(X, y, sample_weight=weight)
    assert reg.target_range_[1, 0] == y[weight > 0].max()
    reg.partial_fit(X[:20], y[:20] + 1e3)
    assert reg.target_range_[1, 0] == (y[:20] + 1e3).max()
    assert reg.target_range_[0, 0] == y.min()


def test_clipping_of_several_outputs_is_per_output(regression_data):
    X, y = regression_data
    Y = np.column_stack([y, 10 * y])
    reg = KerasMLPRegressor(**CLIPPED).fit(X, Y)
    y_pred = reg.predict(_far_inputs(X))
    assert np.all((y_pred >= Y.min(axis=0)) & (y_pred <= Y.max(axis=0)))


def test_clipping_survives_pickling_and_clone(regression_data):
    X, y = regression_data
    reg = KerasMLPRegressor(**CLIPPED).fit(X, y)
    restored = pickle.loads(pickle.dumps(reg))
    np.testing.assert_array_equal(restored.target_range_, reg.target_range_)
    np.testing.assert_allclose(restored.predict(_far_inputs(X)), reg.predict(_far_inputs(X)))
    assert not clone(KerasMLPRegressor(clip_predictions=False)).clip_predictions
    with pytest.raises(ValueError, match="clip_predictions"):
        KerasMLPRegressor(**CLIPPED, clip_predictions="yes").fit(X, y)


class _PredictSteps(keras.callbacks.Callback):
    """Counts the steps of ``Model.predict``."""

    def on_predict_begin(self, logs=None):
        self.steps = 0

    def on_predict_batch_end(self, batch, logs=None):
        self.steps += 1


def test_predictions_are_computed_in_large_batches():
    # Keras's 32 rows per step would take 157 steps for these 5,000 rows
    rng = np.random.RandomState(0)
    X = rng.normal(size=(5000, 3)).astype(np.float32)
    y = X.sum(axis=1)
    steps = _PredictSteps()
    reg = KerasMLPRegressor(**TINY, callbacks=[steps], random_state=0).fit(X[:100], y[:100])
    predicted = reg.predict(X)
    assert steps.steps == 2  # 4,096 rows, then 904
    in_small_steps = reg.predict(X, batch_size=32)
    assert steps.steps == 157
    reg.set_params(predict__batch_size=1000).predict(X)  # the user's routed size wins
    assert steps.steps == 5
    np.testing.assert_allclose(predicted, in_small_steps, rtol=1e-6, atol=1e-6)

"""KerasMLPClassifier and KerasMLPRegressor: training, history, persistence, search."""

import joblib
import numpy as np
import pytest

pytest.importorskip("tensorflow")

import keras  # noqa: E402
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


class _PredictSteps(keras.callbacks.Callback):
    """Counts the steps of ``Model.predict``."""

    def on_predict_begin(self, logs=None):
        self.steps = 0

    def on_predict_batch_end(self, batch, logs=None):
        self.steps += 1


class PredictCountingModel(keras.Sequential):
    """Counts the calls of ``Model.predict`` (no leading underscore: Keras
    names a scope after the class)."""

    predicts = 0

    def predict(self, *args, **kwargs):
        type(self).predicts += 1
        return super().predict(*args, **kwargs)


def test_rows_that_fit_in_one_batch_skip_the_input_pipeline_of_predict(regression_data):
    X, y = regression_data
    reg = KerasMLPRegressor(**TINY, random_state=0).fit(X, y)
    model = PredictCountingModel(reg.model_.layers)
    model.build((None, X.shape[1]))
    model.set_weights(reg.model_.get_weights())
    reg.model_, PredictCountingModel.predicts = model, 0
    one_batch = reg.predict(X)
    assert PredictCountingModel.predicts == 0  # one direct call of the model
    for asked in ({"verbose": 1}, {"batch_size": 16}, {"callbacks": [_PredictSteps()]}):
        np.testing.assert_allclose(reg.predict(X, **asked), one_batch, rtol=1e-6)
    assert PredictCountingModel.predicts == 3


class ShiftedPredictionModel(keras.Sequential):
    """A model whose own ``predict_step`` adds 100 to its outputs."""

    def predict_step(self, data):
        return super().predict_step(data) + 100.0


def test_a_model_with_its_own_predict_step_predicts_through_it(regression_data):
    X, y = regression_data
    reg = KerasMLPRegressor(**TINY, clip_predictions=False, random_state=0).fit(X, y)
    plain = reg.predict(X)
    model = ShiftedPredictionModel(reg.model_.layers)
    model.build((None, X.shape[1]))
    model.set_weights(reg.model_.get_weights())
    reg.model_ = model
    np.testing.assert_allclose(reg.predict(X), plain + 100.0, rtol=1e-5)


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

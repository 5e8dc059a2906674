"""Where skneural.keras's wrappers do what scikit-learn 1.9 expects and SciKeras does not.

Tags and stratified cross-validation, validate_data, real seeds from a
RandomState, no global state changed, pickling without a global patch, a
failed fit leaving the estimator alone, settings surviving ``clone``, sparse
input, clear errors for bad build functions, quiet searches, skneural
callbacks and ``distribution_strategy``.
"""

import logging
import os
import pickle
import random
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("tensorflow")

import keras  # noqa: E402
import tensorflow as tf  # noqa: E402
from scipy import sparse  # noqa: E402
from sklearn.base import clone, is_classifier, is_regressor  # noqa: E402
from sklearn.compose import ColumnTransformer  # noqa: E402
from sklearn.datasets import load_iris  # noqa: E402
from sklearn.metrics import ConfusionMatrixDisplay  # noqa: E402
from sklearn.model_selection import GridSearchCV, cross_val_score  # noqa: E402
from sklearn.pipeline import make_pipeline  # noqa: E402
from sklearn.preprocessing import OneHotEncoder, StandardScaler  # noqa: E402

import skneural.callbacks  # noqa: E402
from skneural.keras import KerasClassifier, KerasRegressor  # noqa: E402
from tests.keras._user_models import classifier_model, regressor_model  # noqa: E402

REPOSITORY = Path(__file__).resolve().parents[2]
QUIET = dict(verbose=0, run_eagerly=True)


@pytest.fixture
def sorted_iris():
    """Iris with its labels in sorted order, as load_iris gives them."""
    X, y = load_iris(return_X_y=True)
    return X.astype("float32"), y


@pytest.fixture
def no_scikeras_patches(monkeypatch):
    """Undo SciKeras's global patches of Keras classes (its import makes them)."""
    patched = [
        (keras.Model, "__reduce__"), (keras.Model, "__deepcopy__"),
        (keras.losses.Loss, "__reduce__"), (keras.metrics.Metric, "__reduce__"),
        (keras.optimizers.Optimizer, "__reduce__"),
    ]
    for cls, name in patched:
        if name in vars(cls):
            monkeypatch.delattr(cls, name)


def binary_classifier(**params):
    defaults = dict(model=classifier_model, loss="binary_crossentropy", **QUIET)
    return KerasClassifier(**{**defaults, **params})


def mse_regressor(**params):
    return KerasRegressor(**{**dict(model=regressor_model, loss="mse", **QUIET), **params})


# -- tags and scikit-learn's tools ---------------------------------------------


def test_tags_make_a_classifier_and_a_regressor():
    assert is_classifier(binary_classifier()) and not is_regressor(binary_classifier())
    assert is_regressor(mse_regressor()) and not is_classifier(mse_regressor())
    assert binary_classifier().__sklearn_tags__().estimator_type == "classifier"
    assert mse_regressor().__sklearn_tags__().estimator_type == "regressor"


def test_cross_val_score_stratifies_sorted_iris(sorted_iris):
    X, y = sorted_iris
    clf = KerasClassifier(
        classifier_model, n_hidden=16, loss="sparse_categorical_crossentropy",
        optimizer="adam", optimizer__learning_rate=0.1, epochs=20, batch_size=32,
        random_state=0, **{**QUIET, "run_eagerly": False},  # graph steps: 20 epochs
    )
    scores = cross_val_score(make_pipeline(StandardScaler(), clf), X, y, cv=3)
    assert scores.mean() > 0.8


def test_confusion_matrix_display_accepts_the_classifier(classification_data, pyplot):
    X, y = classification_data
    clf = binary_classifier(random_state=0).fit(X, y)
    display = ConfusionMatrixDisplay.from_estimator(clf, X, y)
    assert display.confusion_matrix.sum() == len(y)


# -- validation ----------------------------------------------------------------


def test_feature_names_in_and_scikit_learns_feature_count_error(regression_data):
    pd = pytest.importorskip("pandas")
    X, y = regression_data
    frame = pd.DataFrame(X, columns=["a", "b", "c", "d"])
    reg = mse_regressor().fit(frame, y)
    assert reg.n_features_in_ == 4 and list(reg.feature_names_in_) == ["a", "b", "c", "d"]
    assert not hasattr(mse_regressor().fit(X, y), "feature_names_in_")
    with pytest.raises(ValueError, match="X has 3 features, but KerasRegressor is expecting 4"):
        reg.predict(X[:, :3])


@pytest.mark.parametrize("where", ["X", "y"])
def test_nan_is_refused_with_scikit_learns_message(regression_data, where):
    X, y = regression_data
    X, y = X.copy(), y.copy()
    if where == "X":
        X[3, 1] = np.nan
    else:
        y[3] = np.nan
    with pytest.raises(ValueError, match=f"Input {where} contains NaN"):
        mse_regressor().fit(X, y)


# -- clone and search ----------------------------------------------------------


def test_clone_keeps_every_setting_including_routed_ones():
    reg = mse_regressor(
        model__n_hidden=3, optimizer="sgd", optimizer__momentum=0.5, loss__delta=0.3,
        callbacks=[keras.callbacks.EarlyStopping], callbacks__0__patience=2,
        fit__batch_size=16, predict__batch_size=64, distribution_strategy=None,
    )
    cloned = clone(reg)
    assert cloned.get_params() == reg.get_params()
    for name in ["model__n_hidden", "optimizer__momentum", "callbacks__0__patience"]:
        assert name in cloned.get_params()


def test_grid_search_over_routed_model_and_optimizer_parameters(classification_data):
    X, y = classification_data
    clf = binary_classifier(optimizer="sgd", model__n_hidden=2, random_state=0)
    grid = {"model__n_hidden": [2, 5], "optimizer__learning_rate": [0.01, 0.1]}
    search = GridSearchCV(clf, grid, cv=2).fit(X, y)
    assert len(search.cv_results_["params"]) == 4
    best = search.best_estimator_
    assert best.model_.layers[0].units == search.best_params_["model__n_hidden"]
    assert float(best.model_.optimizer.learning_rate) == pytest.approx(
        search.best_params_["optimizer__learning_rate"])


# -- random state --------------------------------------------------------------


def test_int_random_state_refits_the_identical_model(classification_data):
    X, y = classification_data
    clf = binary_classifier(epochs=2, batch_size=16, random_state=3)
    first = clf.fit(X, y).predict_proba(X)
    np.testing.assert_array_equal(clf.fit(X, y).predict_proba(X), first)


class TraceCountingModel(keras.Sequential):
    """Counts the traces of its train step: its Python body runs once per trace."""

    traces = 0

    def train_step(self, data):
        type(self).traces += 1
        return super().train_step(data)


def trace_counting_model(meta):
    return TraceCountingModel([
        keras.Input((meta["n_features_in_"],)), keras.layers.Dense(1, activation="sigmoid"),
    ])


def test_the_train_step_is_traced_once_per_fit(classification_data):
    # Keras creates the optimizer's variables in the first trace, and
    # TensorFlow then traces the step again; the wrapper builds them first.
    X, y = classification_data
    TraceCountingModel.traces = 0
    binary_classifier(model=trace_counting_model, run_eagerly=False, epochs=2,
                      batch_size=16, random_state=0).fit(X, y)
    assert TraceCountingModel.traces == 1


def test_random_state_instance_draws_a_fresh_seed_per_fit(classification_data):
    X, y = classification_data
    clf = binary_classifier(random_state=np.random.RandomState(0))
    first = clf.fit(X, y).predict_proba(X)
    second = clf.fit(X, y).predict_proba(X)
    assert not np.allclose(first, second)
    replay = binary_classifier(random_state=np.random.RandomState(0)).fit(X, y)
    np.testing.assert_array_equal(replay.predict_proba(X), first)


def test_seeded_fit_leaves_python_numpy_and_environment_state_alone(classification_data):
    X, y = classification_data
    python_state, numpy_state = random.getstate(), np.random.get_state()[1].copy()
    environment = dict(os.environ)
    binary_classifier(random_state=0).fit(X, y)
    assert random.getstate() == python_state
    np.testing.assert_array_equal(np.random.get_state()[1], numpy_state)
    assert dict(os.environ) == environment


def test_seeded_fit_puts_tensorflows_global_seed_back(classification_data):
    # Public TensorFlow can read and set the global seed but not the position
    # in its sequence of op seeds: after the fit the seed is the user's again
    # (its sequence restarts), and an unseeded process stays unseeded.
    X, y = classification_data
    for user_seed in (None, 123):
        tf.random.set_seed(user_seed)
        binary_classifier(random_state=0).fit(X, y)
        assert tf.compat.v1.random.get_seed(None)[0] == user_seed
    tf.random.set_seed(None)


# -- persistence and failures --------------------------------------------------


def test_pickle_round_trip_without_a_global_patch(classification_data, no_scikeras_patches):
    X, y = classification_data
    clf = binary_classifier(optimizer="adam", random_state=0).fit(X, y)
    restored = pickle.loads(pickle.dumps(clf))
    np.testing.assert_array_equal(restored.predict_proba(X), clf.predict_proba(X))
    assert restored.get_params().keys() == clf.get_params().keys()
    restored.partial_fit(X, y)  # the optimizer state travelled with the model


def test_failed_fit_leaves_the_estimator_as_it_was(classification_data):
    X, y = classification_data
    clf = binary_classifier(random_state=0).fit(X, y)
    clf.set_params(model__n_hidden=-1)  # Dense(-1) fails inside the build function
    model, history = clf.model_, dict(clf.history_)
    attributes, predictions = set(vars(clf)), clf.predict_proba(X)
    with pytest.raises(ValueError):
        clf.fit(X[:, :3], y)
    assert clf.model_ is model and dict(clf.history_) == history
    assert set(vars(clf)) == attributes and clf.n_features_in_ == 4
    np.testing.assert_array_equal(clf.predict_proba(X), predictions)


# -- sparse input --------------------------------------------------------------


def test_sparse_matrix_input(classification_data):
    X, y = classification_data
    clf = binary_classifier(random_state=0).fit(sparse.csr_matrix(X), y)
    dense = binary_classifier(random_state=0).fit(X, y)
    np.testing.assert_allclose(clf.predict_proba(sparse.csr_matrix(X)), dense.predict_proba(X),
                               rtol=1e-5)


def test_column_transformer_with_a_sparse_one_hot_encoder(rng):
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({
        "colour": rng.choice(["red", "green", "blue"], 90),
        "size": rng.normal(size=90),
    })
    y = (frame["colour"] == "red").astype(int).to_numpy()
    encode = ColumnTransformer(
        [("onehot", OneHotEncoder(), ["colour"]), ("scale", StandardScaler(), ["size"])],
        sparse_threshold=1.0,
    )
    assert sparse.issparse(encode.fit_transform(frame))
    pipe = make_pipeline(encode, binary_classifier(epochs=2, random_state=0)).fit(frame, y)
    assert pipe.predict(frame).shape == y.shape


# -- bad build functions -------------------------------------------------------


def build_nothing(meta):
    regressor_model(meta)  # forgets to return it


def build_one_output(meta):
    return keras.Sequential([keras.Input((meta["n_features_in_"],)), keras.layers.Dense(1)])


def test_build_function_returning_no_model_is_a_clear_error(regression_data):
    X, y = regression_data
    with pytest.raises(ValueError, match="build_nothing"):
        mse_regressor(model=build_nothing).fit(X, y)


def test_output_shape_not_fitting_the_target_is_a_clear_error(regression_data):
    X, y = regression_data
    with pytest.raises(ValueError, match="build_one_output") as error:
        mse_regressor(model=build_one_output).fit(X, np.column_stack([y, y, y]))
    message = str(error.value)
    assert "1" in message and "3" in message


# -- quiet searches ------------------------------------------------------------


def test_grid_search_prints_no_retracing_warning(classification_data, caplog, capfd):
    X, y = classification_data
    clf = binary_classifier(run_eagerly=False, random_state=0)
    grid = {"model__n_hidden": [2, 3, 4]}
    with caplog.at_level(logging.WARNING, logger=tf.get_logger().name):
        GridSearchCV(clf, grid, cv=2).fit(X, y)
    assert "retracing" not in caplog.text
    assert "retracing" not in capfd.readouterr().err


# -- skneural callbacks and distribution ---------------------------------------


def test_skneural_and_keras_callbacks_side_by_side(classification_data):
    X, y = classification_data
    epochs = []
    record = keras.callbacks.LambdaCallback(on_epoch_end=lambda epoch, _: epochs.append(epoch))
    stop = skneural.callbacks.EarlyStopping(monitor="loss", patience=1, min_delta=1e9)
    clf = binary_classifier(epochs=6, callbacks=[record, stop]).fit(X, y)
    assert len(clf.history_["loss"]) == len(epochs) == 2


def test_distribution_strategy_defaults_to_none():
    assert binary_classifier().get_params()["distribution_strategy"] is None


DISTRIBUTED_FIT = textwrap.dedent("""
    import numpy as np
    import tensorflow as tf
    import keras

    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(
        cpu, [tf.config.LogicalDeviceConfiguration()] * 2)
    from skneural.keras import KerasRegressor

    def build(meta):
        return keras.Sequential([keras.Input((meta["n_features_in_"],)), keras.layers.Dense(1)])

    strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    rng = np.random.RandomState(0)
    X = rng.normal(size=(64, 3)).astype("float32")
    y = X @ np.array([1.0, -1.0, 0.5], dtype="float32")
    reg = KerasRegressor(build, loss="mse", epochs=2, batch_size=16, verbose=0,
                         distribution_strategy=strategy, random_state=0).fit(X, y)
    assert strategy.num_replicas_in_sync == 2
    assert all(strategy.extended.variable_created_in_scope(w.value) for w in reg.model_.weights)
    assert reg.predict(X).shape == y.shape and len(reg.history_["loss"]) == 2
    print("distributed fit ok")
""")


def test_distribution_strategy_on_two_logical_cpus():
    # Logical devices must be set before TensorFlow initialises: a fresh process.
    env = {**os.environ, "PYTHONPATH": str(REPOSITORY), "TF_CPP_MIN_LOG_LEVEL": "3"}
    result = subprocess.run([sys.executable, "-c", DISTRIBUTED_FIT], capture_output=True,
                            text=True, env=env, cwd=REPOSITORY)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "distributed fit ok" in result.stdout

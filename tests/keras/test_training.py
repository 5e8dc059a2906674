"""How the wrappers call keras.Model.fit: one call of the train function per epoch
and no graph optimiser for the ready-made estimators."""

import numpy as np
import pytest

tf = pytest.importorskip("tensorflow")

import keras  # noqa: E402

from skneural.keras import KerasClassifier, KerasMLPClassifier, KerasWideDeepRegressor  # noqa: E402

# 60 rows in batches of 16: 4 batches per epoch
SETTINGS = dict(hidden_layer_sizes=(8,), max_iter=3, batch_size=16, random_state=0)


class GraphOptimizerWatcher(keras.callbacks.Callback):
    """Records whether grappler is off at the end of each epoch."""

    def __init__(self):
        super().__init__()
        self.off = []

    def on_epoch_end(self, epoch, logs=None):
        options = tf.config.optimizer.get_experimental_options()
        self.off.append(options["disable_meta_optimizer"])


class BatchWatcher(keras.callbacks.Callback):
    """Counts the calls of on_train_batch_end."""

    def __init__(self):
        super().__init__()
        self.calls = 0

    def on_train_batch_end(self, batch, logs=None):
        self.calls += 1


@pytest.fixture
def data(rng):
    X = rng.normal(size=(60, 4)).astype(np.float32)
    return X, (X[:, 0] + X[:, 1] > 0).astype(int)


def test_a_ready_made_estimator_runs_an_epoch_in_one_call(data):
    X, y = data
    clf = KerasMLPClassifier(**SETTINGS).fit(X, y)
    assert clf.model_.steps_per_execution == 4
    assert int(clf.model_.optimizer.iterations) == 3 * 4
    watcher = BatchWatcher()
    watched = KerasMLPClassifier(**SETTINGS, callbacks=[watcher]).fit(X, y)
    assert watched.model_.steps_per_execution == 1
    assert watcher.calls == 3 * 4
    # the same steps either way (up to float32 rounding inside the loop)
    np.testing.assert_allclose(clf.predict_proba(X), watched.predict_proba(X), rtol=1e-5)
    np.testing.assert_allclose(clf.history_["loss"], watched.history_["loss"], rtol=1e-5)


def test_later_fits_on_fewer_rows_keep_their_epochs(data):
    X, y = data
    clf = KerasMLPClassifier(**SETTINGS, warm_start=True).fit(X, y)
    clf.set_params(max_iter=2).fit(X[:40], y[:40])  # 3 batches per epoch
    assert clf.model_.steps_per_execution == 3
    assert int(clf.model_.optimizer.iterations) == 3 * 4 + 2 * 3
    clf.partial_fit(X[:20], y[:20])  # 2 batches
    assert int(clf.model_.optimizer.iterations) == 3 * 4 + 2 * 3 + 2
    assert clf.predict(X).shape == (60,)


@pytest.mark.parametrize("setting", [{"verbose": 1}, {"run_eagerly": True},
                                     {"compile__steps_per_execution": 2}])
def test_batch_by_batch_when_asked(data, setting):
    X, y = data
    clf = KerasMLPClassifier(**SETTINGS).set_params(**setting).fit(X, y)
    assert clf.model_.steps_per_execution == setting.get("compile__steps_per_execution", 1)
    assert int(clf.model_.optimizer.iterations) == 3 * 4


def test_a_ready_made_estimator_trains_without_the_graph_optimizer(data):
    X, y = data
    watcher = GraphOptimizerWatcher()
    KerasMLPClassifier(**SETTINGS, callbacks=[watcher]).fit(X, y)
    assert watcher.off == [True] * 3
    assert not tf.config.optimizer.get_experimental_options()["disable_meta_optimizer"]


def test_a_user_model_keeps_its_own_training_settings(data):
    X, y = data

    def build(meta):
        model = keras.Sequential([keras.Input((meta["n_features_in_"],)),
                                  keras.layers.Dense(1, activation="sigmoid")])
        model.compile(loss="binary_crossentropy", optimizer="sgd")
        return model

    watcher = GraphOptimizerWatcher()
    clf = KerasClassifier(build, epochs=2, batch_size=16, verbose=0, callbacks=[watcher],
                          random_state=0).fit(X, y)
    assert clf.model_.steps_per_execution == 1
    assert watcher.off == [False] * 2


def test_the_wide_and_deep_regressor_runs_an_epoch_in_one_call(data):
    X, _ = data
    reg = KerasWideDeepRegressor(hidden_layer_sizes=(4,), epochs=2, batch_size=16,
                                 random_state=0).fit(X, X.sum(axis=1))
    assert reg.model_.steps_per_execution == 4
    assert int(reg.model_.optimizer.iterations) == 2 * 4

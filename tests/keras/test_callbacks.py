"""skneural callbacks in the Keras estimators, next to Keras's own callbacks."""

import pickle

import numpy as np
import pytest

pytest.importorskip("tensorflow")

import keras  # noqa: E402
from sklearn.base import clone  # noqa: E402
from sklearn.model_selection import GridSearchCV  # noqa: E402

from skneural.callbacks import (  # noqa: E402
    Callback,
    EarlyStopping,
    LearningRateScheduler,
    ModelCheckpoint,
    ReduceLROnPlateau,
    StepDecay,
)
from skneural.keras import (  # noqa: E402
    KerasMLPClassifier,
    KerasMLPRegressor,
    KerasWideDeepRegressor,
)

# No built-in stopping rule ends these fits early; eager steps trace nothing.
TINY = dict(hidden_layer_sizes=(4,), n_iter_no_change=100, tol=0.0,
            run_eagerly=True, random_state=0)
HELD_OUT = dict(early_stopping=True, validation_fraction=0.25)


class Recorder(Callback):
    """Records every epoch's logs and weights; stops after ``stop_at`` epochs."""

    def __init__(self, stop_at=None):
        self.stop_at = stop_at

    def on_fit_begin(self, estimator):
        self.logs, self.weights, self.ended = [], [], False

    def on_epoch_end(self, estimator, epoch, logs):
        self.logs.append((epoch, logs))
        self.weights.append(self.trainer.get_weights())
        return epoch == self.stop_at

    def on_fit_end(self, estimator):
        self.ended = True


@pytest.mark.parametrize("cls", [KerasMLPClassifier, KerasMLPRegressor])
def test_callback_sees_logs_and_stops_the_fit(cls, classification_data):
    X, y = classification_data
    recorder = Recorder(stop_at=3)
    estimator = cls(**TINY, **HELD_OUT, metrics=["mae"], callbacks=[recorder]).fit(X, y)
    assert estimator.n_iter_ == 3 and recorder.ended and recorder.trainer is None
    assert [epoch for epoch, _ in recorder.logs] == [1, 2, 3]
    for _, logs in recorder.logs:
        assert {"loss", "learning_rate", "val_loss", "val_score", "mae", "val_mae"} <= set(logs)
        assert logs["learning_rate"] == pytest.approx(0.001)
        assert np.isfinite([logs["loss"], logs["val_loss"], logs["val_score"]]).all()
    assert recorder.logs[-1][1]["loss"] == pytest.approx(estimator.history_["loss"][-1])


def test_without_held_out_data_the_logs_have_no_val_keys(regression_data):
    X, y = regression_data
    recorder = Recorder()
    KerasMLPRegressor(**TINY, max_iter=2, callbacks=[recorder]).fit(X, y)
    assert set(recorder.logs[0][1]) == {"loss", "learning_rate"}


def test_early_stopping_stops_and_keeps_the_best_epochs_weights(regression_data):
    X, y = regression_data
    stopper, recorder = EarlyStopping(patience=3, restore_best=True), Recorder()
    reg = KerasMLPRegressor(
        **{**TINY, "max_iter": 60}, **HELD_OUT, optimizer="sgd", learning_rate_init=0.1,
        batch_size=8, callbacks=[stopper, recorder],
    ).fit(X, y)
    val_losses = [logs["val_loss"] for _, logs in recorder.logs]
    best = int(np.argmin(val_losses)) + 1
    assert stopper.best_epoch_ == best and stopper.stopped_epoch_ == best + 3 == reg.n_iter_ < 60
    for got, expected in zip(reg.model_.get_weights(), recorder.weights[best - 1], strict=True):
        np.testing.assert_array_equal(got, expected)


def test_early_stopping_without_held_out_data_says_what_to_do(regression_data):
    with pytest.raises(ValueError, match="early_stopping=True"):
        KerasMLPRegressor(**TINY, callbacks=[EarlyStopping()]).fit(*regression_data)


def test_learning_rate_scheduler_sets_the_optimizers_rate(regression_data):
    X, y = regression_data
    recorder = Recorder()
    schedule = LearningRateScheduler(StepDecay(step_size=2, factor=0.5))
    reg = KerasMLPRegressor(**TINY, max_iter=5, learning_rate_init=0.1,
                            callbacks=[schedule, recorder]).fit(X, y)
    rates = [logs["learning_rate"] for _, logs in recorder.logs]
    np.testing.assert_allclose(rates, [0.1, 0.1, 0.05, 0.05, 0.025], rtol=1e-6)
    assert float(reg.model_.optimizer.learning_rate) == pytest.approx(0.025)  # epoch 6


def test_reduce_lr_on_plateau_divides_the_optimizers_rate(regression_data):
    X, y = regression_data
    recorder = Recorder()
    # No epoch improves by 1e9, so the rate drops after every epoch but the first.
    plateau = ReduceLROnPlateau(monitor="loss", factor=0.5, patience=1, min_delta=1e9)
    KerasMLPRegressor(**TINY, max_iter=4, learning_rate_init=0.1,
                      callbacks=[plateau, recorder]).fit(X, y)
    rates = [logs["learning_rate"] for _, logs in recorder.logs]
    np.testing.assert_allclose(rates, [0.1, 0.1, 0.05, 0.025], rtol=1e-6)


def test_a_keras_schedule_cannot_be_set_by_a_callback(regression_data):
    X, y = regression_data
    schedule = LearningRateScheduler(StepDecay(step_size=1, factor=0.5))
    reg = KerasWideDeepRegressor(hidden_layer_sizes=(4,), epochs=2, run_eagerly=True,
                                 callbacks=[schedule])
    with pytest.raises(TypeError, match="learning_rate_schedule='constant'"):
        reg.fit(X, y)
    reg.set_params(learning_rate_schedule="constant").fit(X, y)
    assert float(reg.model_.optimizer.learning_rate) == pytest.approx(0.0025)


def test_keras_and_skneural_callbacks_side_by_side(regression_data):
    X, y = regression_data
    keras_epochs, recorder = [], Recorder()
    record = keras.callbacks.LambdaCallback(
        on_epoch_end=lambda epoch, logs: keras_epochs.append(epoch)
    )
    KerasMLPRegressor(**TINY, max_iter=3, callbacks=[recorder, record]).fit(X, y)
    assert keras_epochs == [0, 1, 2]
    assert [epoch for epoch, _ in recorder.logs] == [1, 2, 3]


def test_routed_keras_callback_keeps_its_position(regression_data):
    X, y = regression_data
    recorder = Recorder()
    # callbacks__1__* reaches the Keras class at index 1, after a skneural one.
    reg = KerasMLPRegressor(
        **TINY, callbacks=[recorder, keras.callbacks.EarlyStopping],
        callbacks__1__monitor="loss", callbacks__1__patience=1, callbacks__1__min_delta=1e9,
    ).fit(X, y)
    assert reg.n_iter_ == len(recorder.logs) == 2


def test_ctrl_c_in_a_callback_keeps_that_epoch_and_ends_the_callbacks(regression_data):
    class Interrupt(Callback):
        def on_epoch_end(self, estimator, epoch, logs):
            if epoch == 3:
                raise KeyboardInterrupt
            return False

    X, y = regression_data
    recorder = Recorder()
    reg = KerasMLPRegressor(**TINY, callbacks=[recorder, Interrupt()])
    with pytest.warns(UserWarning, match="interrupted by user.*epoch \\(3\\)"):
        reg.fit(X, y)
    assert reg.n_iter_ == 3 and recorder.ended and recorder.trainer is None
    for got, expected in zip(reg.model_.get_weights(), recorder.weights[2], strict=True):
        np.testing.assert_array_equal(got, expected)


def test_an_error_in_a_callback_detaches_and_leaves_the_estimator_unfitted(regression_data):
    class Fails(Recorder):
        def on_epoch_end(self, estimator, epoch, logs):
            raise RuntimeError("boom")

    failing = Fails()
    reg = KerasMLPRegressor(**TINY, callbacks=[failing])
    with pytest.raises(RuntimeError, match="boom"):
        reg.fit(*regression_data)
    assert failing.trainer is None and not hasattr(reg, "model_")


def test_model_checkpoint_loads_back_as_the_fitted_estimator(regression_data, tmp_path):
    X, y = regression_data
    path = tmp_path / "model-{epoch}.pkl"
    checkpoint = ModelCheckpoint(path, monitor="loss", save_best_only=False)
    reg = KerasMLPRegressor(**TINY, max_iter=3, callbacks=[checkpoint]).fit(X, y)
    with open(tmp_path / "model-3.pkl", "rb") as file:
        loaded = pickle.load(file)
    assert type(loaded) is KerasMLPRegressor and loaded.model_ is not reg.model_
    np.testing.assert_array_equal(loaded.predict(X), reg.predict(X))
    with open(tmp_path / "model-1.pkl", "rb") as file:
        assert not np.allclose(pickle.load(file).predict(X), reg.predict(X))


def test_callbacks_survive_clone_pickle_and_grid_search(classification_data):
    X, y = classification_data
    clf = KerasMLPClassifier(**TINY, max_iter=3, callbacks=[Recorder()])
    copy = clone(clf)
    assert copy.callbacks[0] is not clf.callbacks[0]
    clf.fit(X, y)
    loaded = pickle.loads(pickle.dumps(clf))
    np.testing.assert_array_equal(loaded.predict_proba(X), clf.predict_proba(X))
    assert [epoch for epoch, _ in loaded.callbacks[0].logs] == [1, 2, 3]
    grid = {"callbacks": [[Recorder()], [Recorder(stop_at=1)]]}
    search = GridSearchCV(copy, grid, cv=2).fit(X, y)
    best = search.best_estimator_
    assert best.callbacks[0].trainer is None
    assert best.n_iter_ == (1 if best.callbacks[0].stop_at == 1 else 3)


@pytest.mark.parametrize("cls", [KerasMLPClassifier, KerasWideDeepRegressor])
def test_sklearn_scoring_monitor_scores_every_keras_epoch(cls, classification_data):
    sklearn_callback = pytest.importorskip("sklearn.callback")
    X, y = classification_data
    params = TINY if cls is KerasMLPClassifier else dict(
        run_eagerly=True, random_state=0, learning_rate_schedule="constant")
    epochs = 4
    model = cls(**params).set_params(
        **({"max_iter": epochs} if cls is KerasMLPClassifier else {"epochs": epochs}))
    scoring = "accuracy" if cls is KerasMLPClassifier else "r2"
    monitor = sklearn_callback.ScoringMonitor(scoring=scoring)
    model.set_callbacks(monitor).fit(X, y)
    rows = [row for row in monitor.get_logs().data if row["task_name"] == "epoch"]
    assert [row["task_id"] for row in rows] == list(range(epochs))
    assert rows[-1][scoring] == pytest.approx(model.score(X, y), abs=1e-6)

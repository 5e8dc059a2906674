"""The public callbacks, on real NumPy MLPs and perceptrons."""

import copy
import pickle

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.datasets import make_classification, make_regression
from sklearn.model_selection import GridSearchCV

from skneural import NumpyMLPClassifier, NumpyMLPRegressor, Perceptron
from skneural.callbacks import (
    Callback,
    CosineSchedule,
    EarlyStopping,
    ExponentialDecay,
    LearningRateScheduler,
    ModelCheckpoint,
    ReduceLROnPlateau,
    StepDecay,
)

X, y = make_regression(n_samples=120, n_features=5, noise=5.0, random_state=0)
X_VAL, Y_VAL = X[:30], y[:30]
X_TRAIN, Y_TRAIN = X[30:], y[30:]


class Logs(Callback):
    """Records every epoch's logs."""

    def on_fit_begin(self, estimator):
        self.logs = []

    def on_epoch_end(self, estimator, epoch, logs):
        self.logs.append(logs)
        return False


def regressor(*callbacks, **params):
    params = dict(hidden_layer_sizes=(8,), max_iter=40, learning_rate_init=0.05,
                  random_state=0, tol=0.0, n_iter_no_change=1000) | params
    return NumpyMLPRegressor(callbacks=list(callbacks), **params)


def test_early_stopping_restores_best_epoch():
    stopper, logs = EarlyStopping(patience=3), Logs()
    model = regressor(stopper, logs, learning_rate_init=0.3, max_iter=200)
    model.fit(X_TRAIN, Y_TRAIN, X_val=X_VAL, y_val=Y_VAL)
    curve = [entry["val_loss"] for entry in logs.logs]
    best = int(np.argmin(curve)) + 1
    assert stopper.best_epoch_ == best
    assert stopper.stopped_epoch_ == best + 3 == model.n_iter_
    # The fitted weights are the best epoch's: refit to that epoch gives them.
    reference = regressor(learning_rate_init=0.3, max_iter=best)
    reference.fit(X_TRAIN, Y_TRAIN, X_val=X_VAL, y_val=Y_VAL)
    np.testing.assert_allclose(model.predict(X_VAL), reference.predict(X_VAL))


def test_early_stopping_without_held_out_data_says_what_to_do():
    with pytest.raises(ValueError, match="X_val and y_val"):
        regressor(EarlyStopping()).fit(X, y)


def test_early_stopping_on_a_score_maximises():
    stopper = EarlyStopping(monitor="val_score", patience=2)
    regressor(stopper).fit(X_TRAIN, Y_TRAIN, X_val=X_VAL, y_val=Y_VAL)
    assert stopper._monitor is None and stopper.best_epoch_ >= 1


@pytest.mark.parametrize(
    "schedule, expected",
    [
        (StepDecay(step_size=2, factor=0.5), [0.1, 0.1, 0.05, 0.05, 0.025]),
        (ExponentialDecay(gamma=0.5), [0.1, 0.05, 0.025, 0.0125, 0.00625]),
        (CosineSchedule(4, warmup_epochs=2, min_lr=0.01), [0.05, 0.1, 0.1, 0.055, 0.01]),
    ],
)
@pytest.mark.parametrize("solver", ["sgd", "adam"])
def test_named_schedules_set_each_epochs_rate(schedule, expected, solver):
    # Adam's logged rate is its nominal one, before the bias correction
    logs = Logs()
    regressor(LearningRateScheduler(schedule), logs, max_iter=5, learning_rate_init=0.1,
              solver=solver).fit(X, y)
    np.testing.assert_allclose([entry["learning_rate"] for entry in logs.logs], expected)


def halve(epoch, lr):
    return lr / 2


def test_callable_schedule_gets_the_current_rate():
    logs = Logs()
    regressor(LearningRateScheduler(halve), logs, max_iter=3, learning_rate_init=0.1,
              solver="sgd").fit(X, y)
    np.testing.assert_allclose([e["learning_rate"] for e in logs.logs], [0.05, 0.025, 0.0125])


def test_reduce_lr_on_plateau_divides_the_rate():
    logs = Logs()
    plateau = ReduceLROnPlateau(monitor="loss", patience=1, min_delta=1e9, factor=0.5)
    regressor(plateau, logs, max_iter=4, learning_rate_init=0.1,
              solver="sgd").fit(X, y)
    # No epoch improves by 1e9: from the second on, every epoch halves it.
    np.testing.assert_allclose([e["learning_rate"] for e in logs.logs], [0.1, 0.1, 0.05, 0.025])


@pytest.mark.parametrize("estimator", [
    NumpyMLPClassifier(hidden_layer_sizes=(6,), max_iter=5, random_state=0),
    # Without the pocket, whose best epoch replaces the last one's weights
    # after the fit, the last checkpoint is the fitted estimator.
    Perceptron(max_iter=5, random_state=0, pocket=False),
])
def test_model_checkpoint_loads_back_with_identical_predictions(tmp_path, estimator):
    Xc, yc = make_classification(n_samples=80, n_features=4, random_state=0)
    path = tmp_path / "model-{epoch}.pkl"
    estimator.set_params(callbacks=[ModelCheckpoint(path, monitor="loss", save_best_only=False)])
    estimator.fit(Xc, yc)
    with open(tmp_path / f"model-{estimator.n_iter_}.pkl", "rb") as file:
        loaded = pickle.load(file)
    assert type(loaded) is type(estimator)
    np.testing.assert_array_equal(loaded.predict(Xc), estimator.predict(Xc))
    assert len(list(tmp_path.iterdir())) == estimator.n_iter_


def test_checkpoint_best_only_skips_worse_epochs(tmp_path):
    written = tmp_path / "best.pkl"
    stopper = EarlyStopping(patience=2)
    model = regressor(ModelCheckpoint(written), stopper, learning_rate_init=0.3, max_iter=200)
    model.fit(X_TRAIN, Y_TRAIN, X_val=X_VAL, y_val=Y_VAL)
    with open(written, "rb") as file:
        np.testing.assert_allclose(pickle.load(file).predict(X_VAL), model.predict(X_VAL))


CALLBACKS = [
    EarlyStopping(patience=3),
    LearningRateScheduler(CosineSchedule(total_epochs=10, warmup_epochs=2)),
    ReduceLROnPlateau(),
    ModelCheckpoint("model.pkl"),
]


@pytest.mark.parametrize("callback", CALLBACKS, ids=lambda c: type(c).__name__)
def test_repr_clone_deepcopy_and_pickle(callback):
    assert eval(repr(callback), vars(__import__("skneural.callbacks").callbacks)).__dict__ == callback.__dict__
    for copied in (clone(callback, safe=False), copy.deepcopy(callback), pickle.loads(pickle.dumps(callback))):
        assert repr(copied) == repr(callback)


def test_fitted_estimator_with_callbacks_pickles_and_clones():
    model = regressor(EarlyStopping(patience=2), LearningRateScheduler(StepDecay(5)))
    model.fit(X_TRAIN, Y_TRAIN, X_val=X_VAL, y_val=Y_VAL)
    loaded = pickle.loads(pickle.dumps(model))
    np.testing.assert_array_equal(loaded.predict(X), model.predict(X))
    assert all(callback.trainer is None for callback in model.callbacks)
    clone(model).fit(X, y, X_val=X_VAL, y_val=Y_VAL)


def test_grid_search_over_a_schedule():
    grid = GridSearchCV(
        regressor(max_iter=5),
        {"callbacks": [[LearningRateScheduler(StepDecay(2))],
                       [LearningRateScheduler(CosineSchedule(5, warmup_epochs=1))]]},
        cv=2,
    ).fit(X, y)
    assert "CosineSchedule" in repr(grid.cv_results_["param_callbacks"])


def zero_then_back(epoch, lr):
    return 0.0 if epoch == 2 else 0.1


def test_a_rate_of_zero_can_be_set_and_left():
    logs = Logs()
    regressor(LearningRateScheduler(zero_then_back), logs, max_iter=4,
              learning_rate_init=0.1, solver="sgd").fit(X, y)
    np.testing.assert_allclose([e["learning_rate"] for e in logs.logs], [0.1, 0.1, 0.0, 0.1])


class Weights(Callback):
    """Records the weights after every epoch."""

    def on_fit_begin(self, estimator):
        self.weights = []

    def on_epoch_end(self, estimator, epoch, logs):
        self.weights.append(self.trainer.get_weights())


@pytest.mark.parametrize("solver", ["sgd", "adam"])
def test_a_rate_of_zero_freezes_the_weights(solver):
    weights = Weights()
    regressor(LearningRateScheduler(zero_then_back), weights, max_iter=4,
              learning_rate_init=0.1, solver=solver, momentum=0.0).fit(X, y)
    after_2, after_3 = weights.weights[1], weights.weights[2]
    for before, after in zip(after_2, after_3):
        np.testing.assert_array_equal(before, after)

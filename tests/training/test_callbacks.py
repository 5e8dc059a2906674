"""User callbacks on every NumPy epoch-trained estimator."""

import pickle

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.model_selection import GridSearchCV

from skneural.callbacks import Callback
from tests._estimators import kind, make_estimator, public_estimator_classes

NUMPY_TRAINED = [
    cls for cls in public_estimator_classes()
    if "callbacks" in cls().get_params() and not cls.__module__.startswith("skneural.keras")
]
# No stopping rule ends these fits before max_iter.
LONG = dict(tol=0.0, n_iter_no_change=100)


class Recorder(Callback):
    """Records the logs; stops after ``stop_at`` epochs."""

    def __init__(self, stop_at=None):
        self.stop_at = stop_at

    def on_fit_begin(self, estimator):
        self.logs, self.ended = [], False

    def on_epoch_end(self, estimator, epoch, logs):
        self.logs.append((epoch, logs))
        return epoch == self.stop_at

    def on_fit_end(self, estimator):
        self.ended = True


class KeepFirstEpoch(Callback):
    """Snapshots the weights after epoch 1 and restores them at the end."""

    def on_epoch_end(self, estimator, epoch, logs):
        if epoch == 1:
            self.first = self.trainer.get_weights()
        return False

    def on_fit_end(self, estimator):
        self.trainer.set_weights(self.first)


def _data(kind_):
    rng = np.random.RandomState(0)
    X = rng.normal(size=(60, 3))
    if kind_ == "classifier":
        return X, (X[:, 0] * X[:, 1] > 0).astype(int)
    return X, X[:, 0] - X[:, 1] ** 2


def _weights(estimator):
    names = ("coefs_", "coef_", "dual_coef_")
    value = next(getattr(estimator, name) for name in names if hasattr(estimator, name))
    return [np.array(w, copy=True) for w in (value if isinstance(value, list) else [value])]


@pytest.mark.parametrize("cls", NUMPY_TRAINED, ids=lambda cls: cls.__name__)
def test_callback_sees_logs_and_stops_the_fit(cls):
    X, y = _data(kind(cls))
    recorder = Recorder(stop_at=3)
    estimator = make_estimator(cls, max_iter=30, **LONG, callbacks=[recorder])
    estimator.set_params(early_stopping=True, validation_fraction=0.2)
    estimator.fit(X, y)
    assert estimator.n_iter_ == 3 and recorder.ended and recorder.trainer is None
    assert [epoch for epoch, _ in recorder.logs] == [1, 2, 3]
    for _, logs in recorder.logs:
        assert {"loss", "learning_rate", "val_loss", "val_score"} <= set(logs)
        assert np.isfinite([logs["loss"], logs["learning_rate"], logs["val_loss"]]).all()


@pytest.mark.parametrize("cls", NUMPY_TRAINED, ids=lambda cls: cls.__name__)
def test_weights_restored_in_on_fit_end_are_the_fitted_ones(cls):
    X, y = _data(kind(cls))
    one_epoch = make_estimator(cls, max_iter=1, **LONG).fit(X, y)
    restored = make_estimator(cls, max_iter=5, **LONG, callbacks=[KeepFirstEpoch()])
    with pytest.warns(Warning):
        restored.fit(X, y)
    assert restored.n_iter_ == 5
    if cls.__name__ == "AveragedPerceptron":
        # Its average depends on the step count too, which stays at epoch 5.
        plain = make_estimator(cls, max_iter=5, **LONG)
        with pytest.warns(Warning):
            plain.fit(X, y)
        assert not np.allclose(_weights(restored)[0], _weights(plain)[0])
        return
    for got, expected in zip(_weights(restored), _weights(one_epoch)):
        np.testing.assert_allclose(got, expected)


@pytest.mark.parametrize("cls", NUMPY_TRAINED, ids=lambda cls: cls.__name__)
def test_ctrl_c_in_a_callback_rolls_back_and_ends_the_callbacks(cls):
    class Interrupt(Callback):
        def on_epoch_end(self, estimator, epoch, logs):
            if epoch == 3:
                raise KeyboardInterrupt
            return False

    X, y = _data(kind(cls))
    recorder = Recorder()
    estimator = make_estimator(cls, max_iter=30, **LONG, callbacks=[recorder, Interrupt()])
    with pytest.warns(UserWarning, match="interrupted by user"):
        estimator.fit(X, y)
    assert estimator.n_iter_ == 3 and recorder.ended
    assert np.isfinite(np.asarray(estimator.decision_function(X)
                                  if hasattr(estimator, "decision_function")
                                  else estimator.predict(X), dtype=float)).all()


@pytest.mark.parametrize("cls", NUMPY_TRAINED, ids=lambda cls: cls.__name__)
def test_callbacks_survive_clone_pickle_and_grid_search(cls):
    X, y = _data(kind(cls))
    estimator = make_estimator(cls, max_iter=3, **LONG, callbacks=[Recorder()])
    copy = clone(estimator)
    assert copy.callbacks[0] is not estimator.callbacks[0]
    with pytest.warns(Warning):
        estimator.fit(X, y)
    loaded = pickle.loads(pickle.dumps(estimator))
    np.testing.assert_array_equal(loaded.predict(X), estimator.predict(X))
    assert loaded.callbacks[0].logs == estimator.callbacks[0].logs
    search = GridSearchCV(copy, {"callbacks": [[Recorder()], [Recorder(stop_at=1)]]}, cv=2)
    with pytest.warns(Warning):
        search.fit(X, y)
    assert search.best_estimator_.callbacks[0].trainer is None


@pytest.mark.parametrize("cls", NUMPY_TRAINED, ids=lambda cls: cls.__name__)
def test_a_non_callback_is_refused(cls):
    X, y = _data(kind(cls))
    with pytest.raises(TypeError, match="Callback instances"):
        make_estimator(cls, callbacks=[print]).fit(X, y)

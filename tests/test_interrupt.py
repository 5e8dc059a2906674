"""Ctrl-C during fit: training stops, the last finished epoch stays, a warning says so."""

import numpy as np
import pytest

from skneural.neural_network._stochastic import StochasticTrainingMixin
from skneural.perceptron._perceptron_base import BasePerceptron
from skneural.training import Checkpoint
from tests._estimators import kind, make_estimator, public_estimator_classes


def _epoch_end(cls):
    """What ends each epoch: the training run's checkpoint, or Keras's _end_epoch."""
    if issubclass(cls, (StochasticTrainingMixin, BasePerceptron)):
        return Checkpoint, "on_epoch_end"
    return (cls, "_end_epoch") if hasattr(cls, "_end_epoch") else None


EPOCH_TRAINED = [cls for cls in public_estimator_classes() if _epoch_end(cls)]


def _xor_like(kind_):
    X = np.random.RandomState(0).normal(size=(80, 4))
    if kind_ == "classifier":
        return X, (X[:, 0] * X[:, 1] > 0).astype(int)  # not linearly separable
    return X, np.sin(X[:, 0]) + X[:, 1] ** 2


def _per_epoch_record(estimator):
    for name in ("loss_curve_", "mistakes_curve_"):
        if hasattr(estimator, name):
            return getattr(estimator, name)
    return estimator.history_["loss"]  # Keras


@pytest.mark.parametrize("cls", EPOCH_TRAINED, ids=lambda cls: cls.__name__)
def test_ctrl_c_keeps_the_last_finished_epoch(cls, monkeypatch):
    X, y = _xor_like(kind(cls))
    long_fit = dict(max_iter=50, tol=0.0) if "max_iter" in cls().get_params() else dict(epochs=50)
    estimator = make_estimator(cls, **long_fit)
    owner, name = _epoch_end(cls)
    original, calls = getattr(owner, name), {"n": 0}

    def interrupt_at_the_end_of_epoch_three(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return original(self, *args, **kwargs)

    monkeypatch.setattr(owner, name, interrupt_at_the_end_of_epoch_three)
    with pytest.warns(UserWarning, match="interrupted by user.*epoch \\(2\\)"):
        estimator.fit(X, y)
    assert estimator.n_iter_ == 2
    assert len(_per_epoch_record(estimator)) == 2
    assert np.isfinite(np.asarray(estimator.predict(X), dtype=float)).all()


def test_every_trained_estimator_is_covered():
    untested = {
        cls.__name__ for cls in public_estimator_classes()
        if not _epoch_end(cls)
    }
    # The logic unit has fixed weights; the ensemble's Ctrl-C (which stops every
    # member) is tested in tests/neural_network/test_ensemble.py.
    assert untested <= {"ThresholdLogicUnit", "MLPEnsembleRegressor"}, untested

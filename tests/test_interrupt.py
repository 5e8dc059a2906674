"""Ctrl-C during fit: training stops, the last finished epoch stays, a warning says so."""

import numpy as np
import pytest

from tests._estimators import kind, make_estimator, public_estimator_classes

# Estimators trained epoch by epoch; each calls its _end_epoch once per epoch.
EPOCH_TRAINED = [cls for cls in public_estimator_classes() if hasattr(cls, "_end_epoch")]


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
    estimator = make_estimator(cls, max_iter=50, tol=0.0)
    original, calls = cls._end_epoch, {"n": 0}

    def interrupt_at_the_end_of_epoch_three(self, *args, **kwargs):
        result = original(self, *args, **kwargs)
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return result

    monkeypatch.setattr(cls, "_end_epoch", interrupt_at_the_end_of_epoch_three)
    with pytest.warns(UserWarning, match="interrupted by user.*epoch \\(2\\)"):
        estimator.fit(X, y)
    assert estimator.n_iter_ == 2
    assert len(_per_epoch_record(estimator)) == 2
    assert np.isfinite(np.asarray(estimator.predict(X), dtype=float)).all()


def test_every_trained_estimator_is_covered():
    untested = {
        cls.__name__ for cls in public_estimator_classes()
        if not hasattr(cls, "_end_epoch")
    }
    # The logic unit has fixed weights; the ensemble's Ctrl-C (which stops every
    # member) is tested in tests/neural_network/test_ensemble.py.
    assert untested <= {"ThresholdLogicUnit", "MLPEnsembleRegressor"}, untested

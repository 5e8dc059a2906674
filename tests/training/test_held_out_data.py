"""User-given held-out data: fit(X, y, X_val=..., y_val=...) on the NumPy MLPs."""

import numpy as np
import pytest

from skneural import NumpyMLPClassifier, NumpyMLPRegressor
from skneural.callbacks import Callback


class ValLosses(Callback):
    def on_fit_begin(self, estimator):
        self.val_losses = []

    def on_epoch_end(self, estimator, epoch, logs):
        self.val_losses.append(logs["val_loss"])
        return False


def _data(n=60, seed=0):
    rng = np.random.RandomState(seed)
    X = rng.normal(size=(n, 3))
    return X, (X[:, 0] + X[:, 1] > 0).astype(int)


@pytest.mark.parametrize("early_stopping", [False, True])
def test_validation_data_feed_curves_and_callbacks(early_stopping):
    X, y = _data()
    X_val, y_val = _data(20, seed=1)
    recorder = ValLosses()
    clf = NumpyMLPClassifier(
        hidden_layer_sizes=(4,), max_iter=5, random_state=0, callbacks=[recorder],
        early_stopping=early_stopping, n_iter_no_change=100,
    )
    with pytest.warns(Warning):
        clf.fit(X, y, X_val=X_val, y_val=y_val)
    assert len(clf.validation_scores_) == len(clf.validation_loss_curve_) == 5
    assert clf.validation_loss_curve_ == recorder.val_losses
    assert clf.best_validation_score_ == max(clf.validation_scores_)
    expected = clf.score(X_val, y_val)
    if not early_stopping:  # the last weights are the fitted ones
        assert clf.validation_scores_[-1] == pytest.approx(expected)


def test_validation_data_do_not_change_training_without_early_stopping():
    X, y = _data()
    X_val, y_val = _data(20, seed=1)
    params = dict(hidden_layer_sizes=(4,), max_iter=5, random_state=0)
    with pytest.warns(Warning):
        plain = NumpyMLPRegressor(**params).fit(X, y)
        validated = NumpyMLPRegressor(**params).fit(X, y, X_val=X_val, y_val=y_val)
    np.testing.assert_array_equal(plain.predict(X), validated.predict(X))
    assert plain.validation_scores_ is None


def test_validation_data_are_validated():
    X, y = _data()
    clf = NumpyMLPClassifier(hidden_layer_sizes=(4,), max_iter=2)
    with pytest.raises(ValueError, match="together"):
        clf.fit(X, y, X_val=X)
    with pytest.raises(ValueError, match="features"):
        clf.fit(X, y, X_val=X[:, :2], y_val=y)
    with pytest.raises(ValueError, match="classes not in"):
        clf.fit(X, y, X_val=X, y_val=y + 5)
    with pytest.raises(ValueError, match="stochastic solver"):
        clf.set_params(solver="lbfgs").fit(X, y, X_val=X, y_val=y)
    assert not hasattr(clf, "coefs_")

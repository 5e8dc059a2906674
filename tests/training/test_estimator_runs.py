"""Ctrl-C inside a real estimator's training run: a batch or a hook interrupted
in epoch 4 leaves every fitted attribute as a fit of 3 epochs sets it."""

import numpy as np
import pytest

from skneural import AveragedPerceptron, NumpyMLPRegressor
from skneural.neural_network import _hooks
from skneural.neural_network._stochastic import _NetworkRun
from skneural.perceptron import _perceptron_run

pytestmark = pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")


@pytest.fixture
def data(rng):
    X = rng.normal(size=(160, 4))
    return X, (X[:, 0] * X[:, 1] + 0.3 * X[:, 2] > 0).astype(int)


def _interrupt_on_call(monkeypatch, owner, name, call):
    """Make ``owner.name`` raise Ctrl-C on its ``call``-th call, after running."""
    original, calls = getattr(owner, name), {"n": 0}

    def interrupted(*args, **kwargs):
        result = original(*args, **kwargs)
        calls["n"] += 1
        if calls["n"] == call:
            raise KeyboardInterrupt
        return result

    monkeypatch.setattr(owner, name, interrupted)


def _flat(value):
    """Every number in an attribute (lists of arrays, dicts of them), flattened."""
    if isinstance(value, dict):
        return np.concatenate([_flat(value[key]) for key in sorted(value)])
    if isinstance(value, list) and value and isinstance(value[0], np.ndarray):
        return np.concatenate([array.ravel() for array in value])
    return np.ravel(np.asarray(value, dtype=float))


def _assert_same_fit(fitted, reference, names):
    for name in names:
        np.testing.assert_array_equal(_flat(getattr(fitted, name)),
                                      _flat(getattr(reference, name)), err_msg=name)


MLP_ATTRIBUTES = ["n_iter_", "t_", "loss_", "loss_curve_", "validation_scores_",
                  "validation_loss_curve_", "best_validation_score_", "best_loss_",
                  "n_units_revived_", "weight_stats_", "coefs_", "intercepts_"]


@pytest.mark.parametrize("where", ["batch", "held-out hook"])
def test_an_interrupted_network_is_the_three_epoch_network(data, monkeypatch, where):
    X, y = data
    y = y + X[:, 3]  # the held-out R^2 improves every epoch: a new best each time
    settings = dict(hidden_layer_sizes=(6,), batch_size=40, early_stopping=True, tol=0.0,
                    weight_percentiles=[0, 50, 100], random_state=0)
    reference = NumpyMLPRegressor(max_iter=3, **settings).fit(X, y)
    if where == "batch":  # 4 batches of 40 training samples per epoch
        _interrupt_on_call(monkeypatch, _NetworkRun, "batch", 3 * 4 + 2)
    else:
        _interrupt_on_call(monkeypatch, _hooks.HeldOutScoring, "on_epoch_end", 4)
    with pytest.warns(UserWarning, match="last finished epoch \\(3\\)"):
        model = NumpyMLPRegressor(max_iter=50, **settings).fit(X, y)
    _assert_same_fit(model, reference, MLP_ATTRIBUTES)
    np.testing.assert_array_equal(model.predict(X), reference.predict(X))


@pytest.mark.parametrize("where", ["epoch", "held-out hook"])
def test_an_interrupted_perceptron_is_the_three_epoch_perceptron(data, monkeypatch, where):
    X, y = data
    settings = dict(early_stopping=True, tol=None, random_state=0)
    reference = AveragedPerceptron(max_iter=3, **settings).fit(X, y)
    if where == "epoch":
        _interrupt_on_call(monkeypatch, _perceptron_run, "run_epoch", 4)
    else:
        _interrupt_on_call(monkeypatch, _perceptron_run.HeldOutAccuracy, "on_epoch_end", 4)
    with pytest.warns(UserWarning, match="last finished epoch \\(3\\)"):
        model = AveragedPerceptron(max_iter=50, **settings).fit(X, y)
    _assert_same_fit(model, reference, ["n_iter_", "t_", "mistakes_curve_", "coef_",
                                        "intercept_"])
    np.testing.assert_array_equal(model.decision_function(X), reference.decision_function(X))

"""The mini-batch training loop."""

import numpy as np
import pytest
from sklearn.datasets import load_digits

from skneural import NumpyMLPClassifier
from skneural.engine import step


@pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")
@pytest.mark.parametrize("sample_weight", [False, True])
def test_scaled_gradients_train_the_same_network(monkeypatch, sample_weight):
    # The optimiser takes gradients divided by the L2 coefficient and adds
    # the penalty itself; unscaled gradients must give the same training.
    X, y = load_digits(return_X_y=True)
    X = X[:300] / 16
    y = y[:300]
    weights = np.random.RandomState(0).uniform(0.5, 2, 300) if sample_weight else None
    settings = dict(hidden_layer_sizes=(20,), alpha=0.1, batch_size=64, max_iter=4,
                    random_state=0)
    fused = NumpyMLPClassifier(**settings).fit(X, y, sample_weight=weights)
    monkeypatch.setattr(step, "_gradient_scale", lambda alpha, batch_size: 1.0)
    plain = NumpyMLPClassifier(**settings).fit(X, y, sample_weight=weights)
    assert fused.loss_curve_ == pytest.approx(plain.loss_curve_, rel=1e-9)
    for ours, theirs in zip(fused.coefs_ + fused.intercepts_,
                            plain.coefs_ + plain.intercepts_):
        np.testing.assert_allclose(ours, theirs, rtol=1e-7, atol=1e-10)

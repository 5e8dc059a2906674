"""The demo behind ``python -m skneural``.

Trains skneural's NumPy MLPs next to scikit-learn's on data that ships with
scikit-learn (digits, diabetes), each in a Pipeline with StandardScaler, and
prints a table of test scores and fit times.
"""

import time
import warnings

import numpy as np
from sklearn.datasets import load_diabetes, load_digits
from sklearn.exceptions import ConvergenceWarning
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from . import NumpyMLPClassifier, NumpyMLPRegressor, __version__


def _tasks():
    digits = load_digits(return_X_y=True)
    diabetes = load_diabetes(return_X_y=True)
    common = dict(hidden_layer_sizes=(100,), random_state=0)
    return [
        ("digits, adam", digits, "accuracy", MLPClassifier, NumpyMLPClassifier,
         dict(common, max_iter=300)),
        ("digits, sgd + momentum", digits, "accuracy", MLPClassifier, NumpyMLPClassifier,
         dict(common, solver="sgd", learning_rate_init=0.05, max_iter=300)),
        ("digits, lbfgs", digits, "accuracy", MLPClassifier, NumpyMLPClassifier,
         dict(common, solver="lbfgs", max_iter=300)),
        ("diabetes, adam", diabetes, "R^2", MLPRegressor, NumpyMLPRegressor,
         dict(common, learning_rate_init=0.01, max_iter=500, early_stopping=True)),
    ]


def _fit_and_score(estimator, X, y, dtype):
    X_train, X_test, y_train, y_test = train_test_split(
        X.astype(dtype), y, random_state=0
    )
    model = make_pipeline(StandardScaler(), estimator)
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(X_train, y_train)
    return model.score(X_test, y_test), time.perf_counter() - start


def main():
    """Print the comparison table."""
    print(f"skneural {__version__}: NumPy MLPs next to scikit-learn's, "
          "on data bundled with scikit-learn\n")
    header = f"{'task':26s} {'metric':9s} {'dtype':8s} {'sklearn':>9s} {'skneural':>9s}" \
             f" {'sklearn s':>10s} {'skneural s':>11s} {'speed-up':>9s}"
    print(header)
    print("-" * len(header))
    for name, (X, y), metric, theirs, ours, params in _tasks():
        for dtype in (np.float64, np.float32):
            ref_score, ref_time = _fit_and_score(theirs(**params), X, y, dtype)
            our_score, our_time = _fit_and_score(ours(**params), X, y, dtype)
            print(f"{name:26s} {metric:9s} {np.dtype(dtype).name:8s} {ref_score:9.3f} "
                  f"{our_score:9.3f} {ref_time:10.2f} {our_time:11.2f} "
                  f"{ref_time / our_time:8.2f}x")
    print("\nSame parameters, same fitted attributes: switch by changing the import.")

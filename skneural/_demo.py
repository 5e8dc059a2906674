"""The demo behind ``python -m skneural``.

Trains each family of skneural next to its scikit-learn counterpart on data
that ships with scikit-learn (digits, diabetes, iris), each in a Pipeline with
StandardScaler, and prints a table of test scores and fit times: the NumPy
MLPs, the perceptron and, when the ``keras`` extra is installed, a Keras MLP.
"""

import importlib.util
import os
import time
import warnings

import numpy as np
from sklearn.datasets import load_diabetes, load_digits, load_iris
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import Perceptron as SklearnPerceptron
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from . import NumpyMLPClassifier, NumpyMLPRegressor, Perceptron, __version__

KERAS_EXTRA = ("tensorflow", "keras")

NEXT_STEPS = """
Where to go next:
  docs        https://skneural.readthedocs.io (user guide, API, migration from sklearn/SciKeras)
  gallery     https://skneural.readthedocs.io/en/latest/auto_examples/ (examples/ in the source)
  benchmarks  benchmarks/ in the source, e.g. python benchmarks/bench_mnist.py"""


def _keras_task(digits, common, max_iter):
    """The Keras row, or None when the keras extra is not installed."""
    if not all(importlib.util.find_spec(name) for name in KERAS_EXTRA):
        return None
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    from .keras import KerasMLPClassifier

    return ("keras: digits, adam", digits, "accuracy", MLPClassifier, KerasMLPClassifier,
            dict(common, max_iter=max_iter), (np.float32,))


def _tasks(max_iter):
    """(name, data, metric, sklearn class, skneural class, params, dtypes) per row."""
    digits = load_digits(return_X_y=True)
    diabetes = load_diabetes(return_X_y=True)
    iris = load_iris(return_X_y=True)
    common = dict(hidden_layer_sizes=(100,), random_state=0)
    both = (np.float64, np.float32)
    tasks = [
        ("mlp: digits, adam", digits, "accuracy", MLPClassifier, NumpyMLPClassifier,
         dict(common, max_iter=max_iter), both),
        ("mlp: digits, sgd + momentum", digits, "accuracy", MLPClassifier, NumpyMLPClassifier,
         dict(common, solver="sgd", learning_rate_init=0.05, max_iter=max_iter), both),
        ("mlp: digits, lbfgs", digits, "accuracy", MLPClassifier, NumpyMLPClassifier,
         dict(common, solver="lbfgs", max_iter=max_iter), both),
        ("mlp: diabetes, adam", diabetes, "R^2", MLPRegressor, NumpyMLPRegressor,
         dict(common, learning_rate_init=0.01, max_iter=max_iter, early_stopping=True), both),
        ("perceptron: iris", iris, "accuracy", SklearnPerceptron, Perceptron,
         dict(random_state=0, max_iter=max_iter), both),
        ("perceptron: digits", digits, "accuracy", SklearnPerceptron, Perceptron,
         dict(random_state=0, max_iter=max_iter), both),
    ]
    keras = _keras_task(digits, common, max_iter=min(max_iter, 50))
    return tasks + ([keras] if keras else [])


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


def main(max_iter=300):
    """Print the comparison table, then where to go next.

    Parameters
    ----------
    max_iter : int, default=300
        Epoch budget of every estimator (the Keras one gets at most 50);
        small values give a quick run.
    """
    print(f"skneural {__version__}: each family next to its scikit-learn counterpart, "
          "on data bundled with scikit-learn\n")
    header = f"{'task':28s} {'metric':9s} {'dtype':8s} {'sklearn':>9s} {'skneural':>9s}" \
             f" {'sklearn s':>10s} {'skneural s':>11s} {'speed-up':>9s}"
    print(header)
    print("-" * len(header))
    for name, (X, y), metric, theirs, ours, params, dtypes in _tasks(max_iter):
        for dtype in dtypes:
            ref_score, ref_time = _fit_and_score(theirs(**params), X, y, dtype)
            our_score, our_time = _fit_and_score(ours(**params), X, y, dtype)
            print(f"{name:28s} {metric:9s} {np.dtype(dtype).name:8s} {ref_score:9.3f} "
                  f"{our_score:9.3f} {ref_time:10.2f} {our_time:11.2f} "
                  f"{ref_time / our_time:8.2f}x")
    print("\nSame parameters, same fitted attributes: switch by changing the import.")
    print(NEXT_STEPS)

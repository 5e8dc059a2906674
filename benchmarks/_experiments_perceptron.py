"""Rows of the results table for the perceptrons and what they cannot do
(SOURCES.md §4 and §5): iris setosa, XOR, the spiral."""

import time
import warnings

import numpy as np
from sklearn.datasets import load_iris
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.linear_model import Perceptron as SklearnPerceptron
from sklearn.neural_network import MLPClassifier

from _results_table import Row, accuracy, experiment, measure, measure_pair
from skneural import NumpyMLPClassifier, Perceptron, make_logic_network
from skneural.datasets import make_logic_gate, make_spiral

IRIS_FLOWERS = [[2, 0.5], [3, 1]]  # petal length and width (cm)
XOR_EPOCHS = 100
XOR_MLP_SEEDS = range(10)
SPIRAL_SEEDS = range(5)
IRIS_SEEDS = range(10)


def _timed_fit(estimator, X, y):
    """Fit ``estimator``; return the fit seconds and the ConvergenceWarnings raised."""
    start = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ConvergenceWarning)
        estimator.fit(X, y)
    seconds = time.perf_counter() - start
    return seconds, [w for w in caught if issubclass(w.category, ConvergenceWarning)]


@experiment("iris_perceptron")
def iris_perceptron():
    X, y = load_iris(return_X_y=True)
    X, y = X[:, 2:4], y == 0
    figures, seconds = [], []
    for cls in (Perceptron, SklearnPerceptron):
        model = cls(random_state=42)
        seconds.append(_timed_fit(model, X, y)[0])
        predictions = ", ".join(str(bool(label)) for label in model.predict(IRIS_FLOWERS))
        figures.append(f"{predictions} / {model.score(X, y):.4f}")
    return Row(
        "Iris perceptron, setosa vs rest", "§5",
        "predictions for (2, 0.5), (3, 1) / training accuracy", "True, False",
        figures[0], figures[1], "sklearn Perceptron", seconds[0], seconds[1],
        "the 150 iris flowers, petal length and width, target 'setosa'; "
        "Perceptron(random_state=42) with the default settings on both sides (sign "
        "step, eta0=1, shuffling, tol=1e-3); accuracy on the training data, which "
        "are linearly separable.",
    )


@experiment("iris3_perceptron")
def iris3_perceptron():
    X, y = load_iris(return_X_y=True)
    X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0, stratify=y)
    scaler = StandardScaler().fit(X_train)
    data = scaler.transform(X_train), y_train, scaler.transform(X_test), y_test
    ours, ref = measure_pair(lambda cls, seed: cls(random_state=seed),
                             (Perceptron, SklearnPerceptron), data, accuracy, IRIS_SEEDS)
    last = measure(lambda seed: Perceptron(pocket=False, random_state=seed), data,
                   accuracy, IRIS_SEEDS)
    return Row(
        "Iris perceptron, 3 classes", "sklearn",
        f"test accuracy, median [range] of {len(IRIS_SEEDS)} seeds", "n/a",
        ours.spread, ref.spread, "sklearn Perceptron", ours.seconds, ref.seconds,
        "the 150 iris flowers, 4 features; stratified train_test_split("
        "random_state=0) (112 train, 38 test), StandardScaler fitted on the training "
        "part; Perceptron(random_state=seed) with the defaults on both sides, seeds "
        f"0-9, fit time per seed. Means: skneural {ours.score:.4f}, scikit-learn "
        f"{ref.score:.4f}. Versicolor is not linearly separable from the rest, so the "
        "last weights depend on the shuffle; our default pocket=True keeps the epoch "
        "with the fewest training mistakes; with pocket=False (scikit-learn's "
        f"last weights) ours gives {last.spread} (mean {last.score:.4f}).",
    )


def _xor_perceptron(cls):
    """Fit ``cls`` on the XOR truth table for XOR_EPOCHS epochs (no loss-based stop)."""
    X, y = make_logic_gate("xor")
    model = cls(tol=None, max_iter=XOR_EPOCHS, random_state=0)
    seconds, caught = _timed_fit(model, X, y)
    return model.score(X, y), seconds, bool(caught)


@experiment("xor_perceptron")
def xor_perceptron():
    ours, our_seconds, ours_warned = _xor_perceptron(Perceptron)
    ref, ref_seconds, ref_warned = _xor_perceptron(SklearnPerceptron)
    return Row(
        "XOR, single-layer perceptron", "§5", "truth-table accuracy",
        "cannot learn (<= 0.75)", f"{ours:.4f}{' + warning' if ours_warned else ''}",
        f"{ref:.4f}{' + warning' if ref_warned else ''}", "sklearn Perceptron",
        our_seconds, ref_seconds,
        f"the four rows of the XOR truth table; Perceptron(tol=None, max_iter="
        f"{XOR_EPOCHS}, random_state=0), so only max_iter stops training; "
        "'+ warning' means the fit raised a ConvergenceWarning (skneural's says the "
        "data may not be linearly separable; scikit-learn warns only with a tol).",
    )


@experiment("xor_logic_network")
def xor_logic_network():
    X, y = make_logic_gate("xor")
    start = time.perf_counter()
    network = make_logic_network("xor")
    seconds = time.perf_counter() - start
    score = float(np.mean(network.predict(X) == y))
    return Row(
        "XOR, two-layer threshold network", "§5", "truth-table accuracy",
        "computes it (1.0)", score, None, "none in scikit-learn", seconds, None,
        "make_logic_network('xor'): McCulloch-Pitts units A AND NOT B and B AND NOT A, "
        "then OR; fixed weights, nothing learnt (the time is the construction).",
    )


@experiment("xor_mlp")
def xor_mlp():
    X, y = make_logic_gate("xor")
    data = X, y, X, y
    ours, ref = measure_pair(
        lambda cls, seed: cls(hidden_layer_sizes=(4,), activation="tanh", solver="lbfgs",
                              random_state=seed),
        (NumpyMLPClassifier, MLPClassifier), data, accuracy, XOR_MLP_SEEDS,
    )
    return Row(
        "XOR, MLP", "§5", "truth-table accuracy, mean of 10 seeds", "can learn (1.0)",
        ours.score, ref.score, "MLPClassifier", ours.seconds, ref.seconds,
        "the four rows of the XOR truth table; hidden_layer_sizes=(4,), "
        "activation='tanh', solver='lbfgs'; seeds 0-9, fit time per seed. Worst seed: "
        f"skneural {ours.scores.min():.4f}, scikit-learn {ref.scores.min():.4f}.",
    )


def _spiral_row(title, text, classes, reference_name, make_estimator, settings):
    """Training accuracy on spirals drawn with each seed of SPIRAL_SEEDS."""
    pairs = [
        measure_pair(lambda cls, _: make_estimator(cls, seed), classes,
                     _spiral(seed), accuracy)
        for seed in SPIRAL_SEEDS
    ]
    ours, ref = ([pair[side] for pair in pairs] for side in (0, 1))
    return Row(
        title, "§4", "training accuracy, mean of 5 spirals", text,
        float(np.mean([m.score for m in ours])), float(np.mean([m.score for m in ref])),
        reference_name, float(np.mean([m.seconds for m in ours])),
        float(np.mean([m.seconds for m in ref])),
        "make_spiral(n_samples=300, n_classes=3, noise=0.2, random_state=seed) for "
        "seeds 0-4 (K = 3 arms of 100 points, angular noise 0.2 rad), accuracy on the "
        f"training points as in the lecture, fit time per spiral; {settings}",
    )


def _spiral(seed):
    X, y = make_spiral(n_samples=300, n_classes=3, noise=0.2, random_state=seed)
    return X, y, X, y


@experiment("spiral_linear")
def spiral_linear():
    def make(cls, seed):
        if cls is LogisticRegression:
            return LogisticRegression()
        return NumpyMLPClassifier(hidden_layer_sizes=(), solver="lbfgs", random_state=seed)

    return _spiral_row(
        "Spiral, linear softmax model", "about 0.50",
        (NumpyMLPClassifier, LogisticRegression), "LogisticRegression", make,
        "ours: NumpyMLPClassifier(hidden_layer_sizes=(), solver='lbfgs'), a softmax "
        "layer without hidden units; reference: LogisticRegression() (multinomial, "
        "default C=1).",
    )


@experiment("spiral_mlp")
def spiral_mlp():
    return _spiral_row(
        "Spiral, MLP with 100 ReLU units", "about 0.95",
        (NumpyMLPClassifier, MLPClassifier), "MLPClassifier",
        lambda cls, seed: cls(hidden_layer_sizes=(100,), learning_rate_init=0.01,
                              max_iter=1000, random_state=seed),
        "hidden_layer_sizes=(100,), ReLU, Adam with learning_rate_init=0.01, "
        "max_iter=1000 and the default stopping rule, random_state=seed.",
    )

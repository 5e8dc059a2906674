"""Rows of the results table for the NumPy MLPs (SOURCES.md §1, §2, §5)."""

import warnings
from dataclasses import dataclass

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.model_selection import cross_validate, train_test_split
from sklearn.neural_network import MLPClassifier, MLPRegressor

from _data import (california_pipeline, california_split, load_california,
                   load_font_colors, load_mnist)
from _results_table import Measurement, Row, accuracy, experiment, measure_pair, rmse
from skneural import NumpyMLPClassifier, NumpyMLPRegressor

FONT_SEEDS = range(10)
CLASSIFIERS = (NumpyMLPClassifier, MLPClassifier)
CALIFORNIA_SEEDS = range(10)
MNIST_SEEDS = range(3)
CALIFORNIA_CV_SEEDS = (0, 1, 2, 42)  # 42: the text's seed


@experiment("font_colors")
def font_colors():
    X, y = load_font_colors()
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=1 / 3,
                                                        random_state=0)
    data = X_train, y_train, X_test, y_test
    settings = dict(solver="sgd", hidden_layer_sizes=(3,), activation="relu",
                    max_iter=100_000, learning_rate_init=0.05)
    ours, ref = measure_pair(lambda cls, seed: cls(random_state=seed, **settings),
                             CLASSIFIERS, data, accuracy, FONT_SEEDS)
    return Row(
        "Font colours, 3-3-1 ReLU net", "§1", "test accuracy, mean of 10 seeds",
        "about 0.99", ours.score, ref.score, "MLPClassifier",
        ours.seconds, ref.seconds,
        "R, G, B / 255; 2/3 train, 1/3 test (random_state=0); solver='sgd', "
        "learning_rate_init=0.05, hidden_layer_sizes=(3,), max_iter=100_000 with "
        "the default stopping rule; seeds 0-9, fit time per seed. The text reports "
        "0.993 for scikit-learn on its own split. Worst seed: "
        f"skneural {ours.scores.min():.4f}, scikit-learn {ref.scores.min():.4f}.",
    )


def _mnist_row(title, source, text, epochs, settings, description):
    """Train ours and scikit-learn's MLPClassifier on MNIST with ``settings``."""
    X_train, y_train, X_test, y_test = load_mnist()
    data = X_train, y_train, X_test, y_test
    params = dict(max_iter=epochs, tol=0.0, n_iter_no_change=epochs, **settings)
    ours, ref = measure_pair(lambda cls, seed: cls(random_state=seed, **params),
                             CLASSIFIERS, data, accuracy, MNIST_SEEDS)
    return Row(title, source, f"test accuracy, median [range] of {len(MNIST_SEEDS)} seeds",
               text, ours.spread, ref.spread, "MLPClassifier", ours.seconds, ref.seconds,
               f"60,000 training images (float32 pixels / 255), 10,000 test images; "
               f"{epochs} epochs; {description} Seeds 0-{len(MNIST_SEEDS) - 1}, fit time "
               f"per seed; means: skneural {ours.score:.4f}, scikit-learn {ref.score:.4f}.")


@experiment("mnist_softmax")
def mnist_softmax():
    # The codelab's loss is 100 times the mean cross-entropy (reduce_mean over
    # batch and 10 classes, times 1000), so its rate 0.003 is 0.3 on ours.
    return _mnist_row(
        "MNIST, one-layer softmax", "§2", "0.9232", 8,
        dict(hidden_layer_sizes=(), solver="sgd", learning_rate_init=0.3, momentum=0.0,
             batch_size=100, alpha=0.0),
        "no hidden layer (hidden_layer_sizes=()), 10 softmax outputs, plain "
        "mini-batch SGD without momentum, batches of 100, learning rate 0.3 on the "
        "mean cross-entropy (the text's 0.003 on a loss scaled by 100), no L2 "
        "penalty: 8 epochs = 4,800 steps (the text: 5,000).",
    )


@experiment("mnist_one_hidden")
def mnist_one_hidden():
    return _mnist_row(
        "MNIST, one hidden layer", "§2", "> 0.97", 8,
        dict(hidden_layer_sizes=(300,), solver="adam", batch_size=200),
        "784-300-10 ReLU network, Adam (learning rate 0.001), batches of 200.",
    )


@experiment("mnist_two_hidden")
def mnist_two_hidden():
    # Adam at its constant rate 0.001 levels off near 0.979 (it has no decay);
    # SGD with Nesterov momentum passes 0.98 from about epoch 14.
    return _mnist_row(
        "MNIST, two hidden layers", "§2", "> 0.98", 20,
        dict(hidden_layer_sizes=(300, 100), solver="sgd", learning_rate_init=0.1,
             momentum=0.9, batch_size=200),
        "784-300-100-10 ReLU network, mini-batch SGD with Nesterov momentum 0.9, "
        "learning rate 0.1, batches of 200, alpha=1e-4. With Adam (learning rate "
        "0.001, as in the one-hidden-layer row) the test accuracy levels off at "
        "0.975-0.981 from epoch 8 on, without a rate decay to settle.",
    )


@experiment("california_mlp")
def california_mlp():
    X, y = load_california()
    X_train, X_valid, y_train, y_valid = california_split(X, y)
    data = X_train, y_train, X_valid, y_valid
    ours, ref = measure_pair(_california_pipeline, (NumpyMLPRegressor, MLPRegressor), data,
                             rmse, seeds=CALIFORNIA_SEEDS)
    return Row(
        "California housing, MLP [50, 50, 50]", "§5",
        f"validation RMSE, median [range] of {len(CALIFORNIA_SEEDS)} seeds", "0.505",
        ours.spread, ref.spread, "MLPRegressor", ours.seconds, ref.seconds,
        "the 8 features of scikit-learn's fetch_california_housing derived from "
        "housing.csv, target in $100,000; train/valid/test by two "
        "train_test_split(random_state=42) as in the text; make_pipeline("
        "SimpleImputer(strategy='median'), StandardScaler(), MLP(hidden_layer_sizes="
        "[50, 50, 50], random_state=seed)), default Adam settings, seeds 0-9, fit "
        "time per seed (the text: 0.505 at one seed). The imputer fills the 207 "
        "bedroom counts missing from the CSV. Three validation districts have an "
        "average occupancy above 500 (the training set has none above 231); a ReLU "
        "network extrapolates linearly there, which made single seeds swing "
        "(scikit-learn's worst seed is on them). Our default "
        "clip_predictions=True keeps predictions within the training targets' range. "
        f"Means: skneural {ours.score:.4f}, scikit-learn {ref.score:.4f}.",
    )


@experiment("california_mlp_cv")
def california_mlp_cv():
    X, y = load_california()
    ours, ref = (_cross_validated_rmse(cls, X, y) for cls in (NumpyMLPRegressor, MLPRegressor))
    worst_folds = (f"skneural {ours.worst_folds.min():.4f}-{ours.worst_folds.max():.4f}, "
                   f"scikit-learn {ref.worst_folds.min():.4f}-{ref.worst_folds.max():.4f}")
    return Row(
        "California housing, MLP [50, 50, 50], 5-fold CV", "§5",
        f"CV RMSE (mean of 5 folds), median [range] of {len(CALIFORNIA_CV_SEEDS)} seeds",
        "n/a", ours.spread, ref.spread, "MLPRegressor", ours.seconds, ref.seconds,
        "the full data set (20,640 districts), the pipeline of the row above with "
        "random_state=seed, cross_validate(cv=5, scoring='neg_root_mean_squared_error'): "
        "unshuffled folds, so each fold is a block of the CSV's geographic order and the "
        "model extrapolates to new regions (fold 3 most: latitudes the other folds do "
        f"not cover); seeds {', '.join(map(str, CALIFORNIA_CV_SEEDS))}, fit time per fold. "
        f"Worst fold over the seeds: {worst_folds}. Means: skneural {ours.score:.4f}, "
        f"scikit-learn {ref.score:.4f}.",
    )


@dataclass
class _CrossValidation(Measurement):
    """Mean CV RMSE per seed (``scores``), each seed's worst fold, the mean fit time."""

    worst_folds: np.ndarray


def _cross_validated_rmse(regressor_class, X, y):
    folds, seconds = [], []
    for seed in CALIFORNIA_CV_SEEDS:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            result = cross_validate(_california_pipeline(regressor_class, seed), X, y, cv=5,
                                    scoring="neg_root_mean_squared_error")
        folds.append(-result["test_score"])
        seconds.append(result["fit_time"].mean())
    folds = np.array(folds)
    return _CrossValidation(folds.mean(axis=1), float(np.mean(seconds)), folds.max(axis=1))


def _california_pipeline(regressor_class, seed):
    return california_pipeline(regressor_class, random_state=seed)

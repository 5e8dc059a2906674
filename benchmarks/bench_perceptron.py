"""The perceptron family vs scikit-learn's Perceptron, side by side.

On load_digits (64 pixels, 10 classes) and the 3-class iris, both scaled with
StandardScaler on a fixed stratified split, prints for each model the median
fit time (with its range) over --seeds seeds times --repeats fits, the models
taking turns so that they share the machine's load (after one untimed fit
each), the test accuracy (mean
over the seeds), and the ratios to scikit-learn's Perceptron with the same
max_iter. ``--mnist N`` adds the first N MNIST training images (pixels / 255,
the test set for accuracy) for scikit-learn's and skneural's Perceptron::

    python benchmarks/bench_perceptron.py [--seeds 10] [--repeats 3] [--mnist 20000]
"""

import argparse
import time
import warnings

import numpy as np
from _data import load_mnist
from sklearn.datasets import load_digits, load_iris
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import Perceptron as SklearnPerceptron
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

from skneural import AveragedPerceptron, KernelPerceptron, Perceptron, VotedPerceptron

MODELS = {
    "sklearn Perceptron": SklearnPerceptron,
    "skneural Perceptron": Perceptron,
    "skneural AveragedPerceptron": AveragedPerceptron,
    "skneural VotedPerceptron": VotedPerceptron,
    "skneural KernelPerceptron (rbf)": KernelPerceptron,
}
LARGE_DATA_MODELS = ("sklearn Perceptron", "skneural Perceptron")


def scaled_split(X, y):
    X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0, stratify=y)
    scaler = StandardScaler().fit(X_train)
    return scaler.transform(X_train), scaler.transform(X_test), y_train, y_test


def mnist_subset(n_samples):
    X_train, y_train, X_test, y_test = load_mnist()
    return X_train[:n_samples], X_test, y_train[:n_samples], y_test


def fit_seconds(cls, X, y, seed):
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model = cls(max_iter=1000, random_state=seed).fit(X, y)
    return time.perf_counter() - start, model


def report(name, models, data, seeds, repeats):
    X_train, X_test, y_train, y_test = data
    print(f"\n{name}: train {X_train.shape}, test {X_test.shape[0]}, max_iter=1000, "
          f"fit time = median [range] of {seeds} seeds x {repeats} fits, "
          f"accuracy = mean over the seeds")
    print(f"{'model':34s} {'fit s':>8s} {'range':>17s} {'x sklearn':>10s} "
          f"{'accuracy':>9s} {'diff':>7s}")
    for cls in models.values():  # untimed: first-call costs
        fit_seconds(cls, X_train, y_train, 0)
    times = {label: [] for label in models}
    accuracies = {label: [] for label in models}
    for seed in range(seeds):
        for _ in range(repeats):
            for label, cls in models.items():
                seconds, model = fit_seconds(cls, X_train, y_train, seed)
                times[label].append(seconds)
                if len(accuracies[label]) == seed:
                    accuracies[label].append(model.score(X_test, y_test))
    reference = None
    for label in models:
        median, accuracy = float(np.median(times[label])), float(np.mean(accuracies[label]))
        reference = reference or (median, accuracy)
        span = f"[{min(times[label]):.4f}, {max(times[label]):.4f}]"
        print(f"{label:34s} {median:8.4f} {span:>17s} {median / reference[0]:9.2f}x "
              f"{accuracy:9.4f} {accuracy - reference[1]:+7.4f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--mnist", type=int, default=0,
                        help="also fit on the first MNIST images (0: not)")
    args = parser.parse_args()
    for name, loader in [("load_digits", load_digits), ("iris (3 classes)", load_iris)]:
        report(name, MODELS, scaled_split(*loader(return_X_y=True)), args.seeds, args.repeats)
    if args.mnist:
        models = {label: MODELS[label] for label in LARGE_DATA_MODELS}
        report(f"MNIST (first {args.mnist})", models, mnist_subset(args.mnist),
               args.seeds, args.repeats)


if __name__ == "__main__":
    main()

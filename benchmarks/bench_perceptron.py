"""The perceptron family vs scikit-learn's Perceptron, side by side.

On load_digits (64 pixels, 10 classes) and the 3-class iris, both scaled with
StandardScaler on a fixed stratified split, prints for each model the fit time
(best of --repeats) and the test accuracy (mean over --seeds seeds), and the
ratios to scikit-learn's Perceptron with the same max_iter::

    python benchmarks/bench_perceptron.py [--seeds 10] [--repeats 3]
"""

import argparse
import time
import warnings

import numpy as np
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


def scaled_split(X, y):
    X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0, stratify=y)
    scaler = StandardScaler().fit(X_train)
    return scaler.transform(X_train), scaler.transform(X_test), y_train, y_test


def measure(cls, data, seeds, repeats):
    """(best fit seconds, mean test accuracy) of ``cls`` with default max_iter."""
    X_train, X_test, y_train, y_test = data
    times, scores = [], []
    for seed in range(seeds):
        for _ in range(repeats if seed == 0 else 1):
            start = time.perf_counter()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ConvergenceWarning)
                model = cls(max_iter=1000, random_state=seed).fit(X_train, y_train)
            times.append(time.perf_counter() - start)
        scores.append(model.score(X_test, y_test))
    return min(times), float(np.mean(scores))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    for name, loader in [("load_digits", load_digits), ("iris (3 classes)", load_iris)]:
        data = scaled_split(*loader(return_X_y=True))
        print(f"\n{name}: train {data[0].shape}, test {data[1].shape[0]}, max_iter=1000, "
              f"accuracy = mean over {args.seeds} seeds")
        print(f"{'model':34s} {'fit s':>8s} {'x sklearn':>10s} {'accuracy':>9s} {'diff':>7s}")
        reference = None
        for label, cls in MODELS.items():
            seconds, accuracy = measure(cls, data, args.seeds, args.repeats)
            reference = reference or (seconds, accuracy)
            print(f"{label:34s} {seconds:8.4f} {seconds / reference[0]:9.1f}x "
                  f"{accuracy:9.4f} {accuracy - reference[1]:+7.4f}")


if __name__ == "__main__":
    main()

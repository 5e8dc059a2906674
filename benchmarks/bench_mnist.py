"""NumpyMLPClassifier vs scikit-learn's MLPClassifier on MNIST, side by side.

784-300-100-10 ReLU network, Adam, batches of 200, 5 epochs, float32 pixels
scaled to [0, 1]. Prints seconds per epoch of both, their ratio and both test
accuracies. Reads the IDX files from $SKNEURAL_DATA/mnist (default
../shared/data/mnist)::

    python benchmarks/bench_mnist.py [--epochs 5] [--repeats 1]
"""

import argparse
import time
import warnings

from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier

from _data import load_mnist
from skneural import NumpyMLPClassifier

SETTINGS = dict(
    hidden_layer_sizes=(300, 100),
    solver="adam",
    batch_size=200,
    random_state=0,
    tol=0.0,
)


def time_per_epoch(estimator, X_train, y_train, X_test, y_test):
    """Fit, then return (seconds per epoch, test accuracy)."""
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        estimator.fit(X_train, y_train)
    elapsed = time.perf_counter() - start
    return elapsed / estimator.n_iter_, estimator.score(X_test, y_test)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=1)
    args = parser.parse_args()
    X_train, y_train, X_test, y_test = load_mnist()
    print(f"MNIST {X_train.shape} {X_train.dtype}, {args.epochs} epochs, "
          f"best of {args.repeats}")
    results = {}
    for name, cls in [("sklearn MLPClassifier", MLPClassifier),
                      ("skneural NumpyMLPClassifier", NumpyMLPClassifier)]:
        runs = [
            time_per_epoch(cls(max_iter=args.epochs, **SETTINGS),
                           X_train, y_train, X_test, y_test)
            for _ in range(args.repeats)
        ]
        results[name] = min(runs)
        print(f"{name:30s} {results[name][0]:.3f} s/epoch  "
              f"test accuracy {results[name][1]:.4f}")
    (ref, ref_acc), (ours, our_acc) = results.values()
    print(f"speed-up (sklearn / skneural): {ref / ours:.2f}x   "
          f"accuracy difference: {our_acc - ref_acc:+.4f}")


if __name__ == "__main__":
    main()

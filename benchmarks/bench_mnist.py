"""NumpyMLPClassifier vs scikit-learn's MLPClassifier on MNIST, side by side.

784-300-100-10 ReLU network, Adam, batches of 200, 5 epochs, float32 pixels
scaled to [0, 1]. Prints seconds per epoch of both, their ratio and both test
accuracies. A third line times one epoch of the bare training loop: the same
NumPy operations (gather, forward with biases, backward, L2, Adam) with no
bookkeeping at all, the floor any NumPy implementation of this training
stands on. Reads the IDX files from $SKNEURAL_DATA/mnist (default
../shared/data/mnist)::

    python benchmarks/bench_mnist.py [--epochs 5] [--repeats 1]
"""

import argparse
import math
import time
import warnings

import numpy as np
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


def bare_epoch_seconds(X, y, sizes=(784, 300, 100, 10), batch=200, alpha=1e-4, lr=1e-3):
    """Seconds of one epoch of a minimal float32 Adam loop (after a warm-up epoch).

    The same operations as ours, written out with nothing else: biases, the
    L2 penalty folded into scaled gradients, Adam in cache-sized chunks.
    """
    rng = np.random.RandomState(0)
    dtype = X.dtype
    shapes = [(a + 1, b) for a, b in zip(sizes, sizes[1:])]  # weights, then a bias row
    flat = rng.uniform(-0.05, 0.05, sum(a * b for a, b in shapes)).astype(dtype)
    grad, first, second = np.empty_like(flat), np.zeros_like(flat), np.zeros_like(flat)
    W, G, start = [], [], 0
    for a, b in shapes:
        W.append(flat[start:start + a * b].reshape(a, b))
        G.append(grad[start:start + a * b].reshape(a, b))
        start += a * b
    A = [np.empty((batch, units), dtype) for units in sizes[1:]]
    D = [np.empty((batch, units), dtype) for units in sizes[1:]]
    X_batch, Y = np.empty((batch, sizes[0]), dtype), np.eye(sizes[-1], dtype=dtype)[y]
    ones, scale = np.ones(batch, dtype), alpha / batch

    def step(rows, t):
        np.take(X, rows, axis=0, out=X_batch, mode="clip")
        inputs = [X_batch, *A[:-1]]
        for w, a, x in zip(W, A, inputs):
            np.matmul(x, w[:-1], out=a)
            a += w[-1]
            np.maximum(a, 0, out=a)
        out = A[-1]
        np.exp(out - out.max(axis=1, keepdims=True), out=out)
        out /= out.sum(axis=1, keepdims=True)
        np.subtract(out, Y[rows], out=D[-1])
        D[-1] *= 1 / (batch * scale)
        for i in range(len(W) - 1, -1, -1):
            np.matmul(inputs[i].T, D[i], out=G[i][:-1])
            np.matmul(ones, D[i], out=G[i][-1])
            if i:
                np.matmul(D[i], W[i][:-1].T, out=D[i - 1])
                np.multiply(D[i - 1], A[i - 1] > 0, out=D[i - 1])
        step_size = lr * math.sqrt(1 - 0.999**t) / (1 - 0.9**t) * 0.1 / math.sqrt(0.001)
        epsilon = 1e-8 / (math.sqrt(0.001) * scale)
        for first_entry in range(0, flat.size, 65536):
            chunk = slice(first_entry, first_entry + 65536)
            g, w, m, v = grad[chunk], flat[chunk], first[chunk], second[chunk]
            g += w  # the penalty on the biases too: it costs the same
            m *= 0.9
            m += g
            g *= g
            v *= 0.999
            v += g
            np.sqrt(v, out=g)
            g += epsilon
            np.divide(m, g, out=g)
            g *= step_size
            w -= g

    seconds, t = [], 0
    for _ in range(2):
        order, start = rng.permutation(len(X)), time.perf_counter()
        for first_row in range(0, len(X) - batch + 1, batch):
            t += 1
            step(order[first_row:first_row + batch], t)
        seconds.append(time.perf_counter() - start)
    return seconds[-1]


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
    bare = bare_epoch_seconds(X_train, y_train)
    print(f"{'bare NumPy loop (no bookkeeping)':30s} {bare:.3f} s/epoch  "
          f"(sklearn / bare: {ref / bare:.2f}x, skneural / bare: {ours / bare:.2f})")


if __name__ == "__main__":
    main()

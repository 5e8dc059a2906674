"""What callbacks cost: fit time with callbacks=None, [], a no-op Callback and
ProgressBar, side by side.

For NumpyMLPClassifier (one hidden layer of 100, Adam, on MNIST: the first
--samples training images) and Perceptron (on load_digits, where its epochs
take well under a millisecond, so a per-epoch cost shows most), the four
variants run interleaved --repeats times; prints the median fit times and
their ratios to callbacks=None. ProgressBar draws on a terminal-like null
console (rich's global console reconfigured to write to os.devnull)::

    SKNEURAL_DATA=/path/to/data python benchmarks/bench_callbacks.py [--repeats 7]
"""

import argparse
import os
import statistics
import time
import warnings

import rich
from sklearn.datasets import load_digits
from sklearn.exceptions import ConvergenceWarning

from skneural import NumpyMLPClassifier, Perceptron
from skneural.callbacks import Callback, ProgressBar

from _data import load_mnist


class NoOp(Callback):
    """Does nothing, through the whole protocol."""


VARIANTS = {
    "callbacks=None": lambda: None,
    "callbacks=[]": lambda: [],
    "[NoOp()]": lambda: [NoOp()],
    "[ProgressBar()]": lambda: [ProgressBar()],
}


def fit_seconds(make_model, callbacks, data):
    model = make_model().set_params(callbacks=callbacks)
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(*data)
    return time.perf_counter() - start


def compare(name, make_model, data, repeats):
    times = {variant: [] for variant in VARIANTS}
    fit_seconds(make_model, None, data)  # warm-up
    for _ in range(repeats):
        for variant, callbacks in VARIANTS.items():
            times[variant].append(fit_seconds(make_model, callbacks(), data))
    base = statistics.median(times["callbacks=None"])
    print(f"\n{name}")
    for variant, seconds in times.items():
        median = statistics.median(seconds)
        print(f"  {variant:16s} median {median * 1e3:8.1f} ms "
              f"(range {min(seconds) * 1e3:.1f}-{max(seconds) * 1e3:.1f})  "
              f"ratio {median / base:.3f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--samples", type=int, default=10000)
    args = parser.parse_args()
    rich.reconfigure(file=open(os.devnull, "w"), force_terminal=True)
    X, y, _, _ = load_mnist()
    compare(
        f"NumpyMLPClassifier((100,), adam), 10 epochs on {args.samples} MNIST images",
        lambda: NumpyMLPClassifier((100,), max_iter=10, tol=0.0, random_state=0),
        (X[: args.samples], y[: args.samples]), args.repeats,
    )
    compare(
        "Perceptron, 50 epochs on load_digits (1797 images)",
        lambda: Perceptron(max_iter=50, tol=None, random_state=0),
        load_digits(return_X_y=True), args.repeats,
    )


if __name__ == "__main__":
    main()

"""The Keras wrappers' fit time against a plain ``model.compile(...); model.fit(...)``.

The same user model, built by the same build function, is fitted twice per
repeat, in alternating order so that both see the same machine load:

- through ``KerasRegressor`` / ``KerasClassifier(model=build_fn, loss=...,
  optimizer=..., epochs=..., batch_size=..., random_state=...)``, timing
  ``fit`` (validation, building, compiling, training);
- by hand: ``keras.utils.set_random_seed``, the build function, then
  ``model.compile(...)`` and ``model.fit(...)`` with the same settings.

Two workloads: the text's California housing MLP (three Dense layers of 50,
Adam 1e-3, MSE, batches of 32, inputs standardised) and the small MNIST CNN
of the results table on a subsample of the training images. Prints the
median (and range) of the fit times and the ratio of the medians
(target: <= 1.05). Reads $SKNEURAL_DATA (default ../shared/data)::

    python benchmarks/bench_keras_wrappers.py [--repeats 5] [--mnist-samples 10000]

``--wrappers scikeras`` times SciKeras's wrappers instead of skneural's.
"""

import argparse
import importlib
import os
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402

from _data import california_split, load_california, load_mnist  # noqa: E402
from _keras_models import (  # noqa: E402
    MNIST_CNN_FIT,
    PlainKeras,
    build_california_mlp,
    build_mnist_cnn,
    mnist_cnn_learning_rate,
)

SEED = 0
WRAPPER_MODULES = {"skneural": "skneural.keras", "scikeras": "scikeras.wrappers"}


def california_workload(epochs):
    """(build function, X, y, settings) of the California MLP."""
    X, y = load_california(impute_median=True)
    X_train, _, y_train, _ = california_split(X, y)
    X_train = StandardScaler().fit_transform(X_train).astype(np.float32)
    settings = dict(loss="mse", optimizer="adam", learning_rate=1e-3,
                    fit_settings=dict(epochs=epochs, batch_size=32))
    return build_california_mlp, X_train, y_train.astype(np.float32), settings


def mnist_workload(n_samples):
    """(build function, X, y, settings) of the MNIST CNN on ``n_samples`` images."""
    X_train, y_train, _, _ = load_mnist()
    subset = np.random.RandomState(SEED).choice(len(X_train), n_samples, replace=False)
    settings = dict(loss="sparse_categorical_crossentropy", optimizer="adam",
                    learning_rate=mnist_cnn_learning_rate(n_samples),
                    fit_settings=MNIST_CNN_FIT)
    return build_mnist_cnn, X_train[subset].reshape(-1, 28, 28, 1), y_train[subset], settings


def wrapped(wrapper_class, build_fn, settings):
    """``wrapper_class`` around ``build_fn`` with the same settings as
    ``PlainKeras(build_fn, **settings)``."""
    return wrapper_class(model=build_fn, loss=settings["loss"],
                         optimizer=settings["optimizer"],
                         optimizer__learning_rate=settings["learning_rate"],
                         verbose=0, random_state=SEED, **settings["fit_settings"])


def timed_fit(estimator, X, y):
    start = time.perf_counter()
    estimator.fit(X, y)
    return time.perf_counter() - start


def compare(name, wrapper_class, workload, repeats):
    """Time both fits ``repeats`` times, alternating; print medians and ratio."""
    build_fn, X, y, settings = workload
    estimators = {"wrapper": wrapped(wrapper_class, build_fn, settings),
                  "plain": PlainKeras(build_fn, **settings, seed=SEED)}
    # Warm TensorFlow up (thread pools, kernels) before timing anything.
    PlainKeras(build_fn, **{**settings, "fit_settings": dict(epochs=1)}).fit(X[:256], y[:256])
    times = {"wrapper": [], "plain": []}
    for repeat in range(repeats):
        order = ("wrapper", "plain") if repeat % 2 == 0 else ("plain", "wrapper")
        for side in order:
            times[side].append(timed_fit(estimators[side], X, y))
    for side, label in (("wrapper", wrapper_class.__name__), ("plain", "plain Keras")):
        runs = np.array(times[side])
        print(f"{name:34s} {label:16s} median {np.median(runs):7.2f} s "
              f"(range {runs.min():.2f}-{runs.max():.2f}, {repeats} runs), "
              f"training score {estimators[side].score(X, y):.4f}")
    ratio = np.median(times["wrapper"]) / np.median(times["plain"])
    print(f"{name:34s} ratio wrapper / plain: {ratio:.3f} (target <= 1.05)", flush=True)
    return ratio


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--california-epochs", type=int, default=10)
    parser.add_argument("--mnist-samples", type=int, default=10_000)
    parser.add_argument("--wrappers", choices=sorted(WRAPPER_MODULES), default="skneural")
    args = parser.parse_args()
    module = importlib.import_module(WRAPPER_MODULES[args.wrappers])
    compare(f"California MLP, {args.california_epochs} epochs", module.KerasRegressor,
            california_workload(args.california_epochs), args.repeats)
    compare(f"MNIST CNN, {args.mnist_samples:,} images, {MNIST_CNN_FIT['epochs']} epochs",
            module.KerasClassifier, mnist_workload(args.mnist_samples), args.repeats)


if __name__ == "__main__":
    main()

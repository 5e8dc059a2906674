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

import keras  # noqa: E402
import numpy as np  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402

from _data import california_split, load_california, load_mnist  # noqa: E402
from _keras_models import (  # noqa: E402
    MNIST_CNN_FIT,
    MNIST_CNN_LEARNING_RATE,
    build_california_mlp,
    build_mnist_cnn,
)

SEED = 0
WRAPPER_MODULES = {"skneural": "skneural.keras", "scikeras": "scikeras.wrappers"}


def california_workload(epochs):
    """(build function, meta, X, y, compile settings, fit settings) for the MLP."""
    X, y = load_california(impute_median=True)
    X_train, _, y_train, _ = california_split(X, y)
    X_train = StandardScaler().fit_transform(X_train).astype(np.float32)
    compile_settings = dict(loss="mse", optimizer="adam", learning_rate=1e-3)
    fit_settings = dict(epochs=epochs, batch_size=32)
    meta = {"n_features_in_": X_train.shape[1]}
    return build_california_mlp, meta, X_train, y_train.astype(np.float32), \
        compile_settings, fit_settings


def mnist_workload(n_samples):
    """(build function, meta, X, y, compile settings, fit settings) for the CNN."""
    X_train, y_train, _, _ = load_mnist()
    subset = np.random.RandomState(SEED).choice(len(X_train), n_samples, replace=False)
    X, y = X_train[subset].reshape(-1, 28, 28, 1), y_train[subset]
    compile_settings = dict(loss="sparse_categorical_crossentropy", optimizer="adam",
                            learning_rate=MNIST_CNN_LEARNING_RATE)
    meta = {"X_shape_": X.shape, "n_classes_": 10}
    return build_mnist_cnn, meta, X, y, compile_settings, MNIST_CNN_FIT


def plain_fit(build_fn, meta, X, y, compile_settings, fit_settings):
    """Seconds of a hand-written seed, build, compile and fit."""
    start = time.perf_counter()
    keras.utils.set_random_seed(SEED)
    model = build_fn(meta)
    optimizer_class = type(keras.optimizers.get(compile_settings["optimizer"]))
    model.compile(loss=compile_settings["loss"],
                  optimizer=optimizer_class(learning_rate=compile_settings["learning_rate"]))
    model.fit(X, y, verbose=0, **fit_settings)
    return time.perf_counter() - start


def wrapper_fit(wrapper_class, build_fn, X, y, compile_settings, fit_settings):
    """Seconds of ``wrapper_class(model=build_fn, ...).fit(X, y)``."""
    estimator = wrapper_class(model=build_fn, loss=compile_settings["loss"],
                              optimizer=compile_settings["optimizer"],
                              optimizer__learning_rate=compile_settings["learning_rate"],
                              verbose=0, random_state=SEED, **fit_settings)
    start = time.perf_counter()
    estimator.fit(X, y)
    return time.perf_counter() - start


def compare(name, wrapper_class, workload, repeats):
    """Time both fits ``repeats`` times, alternating; print medians and ratio."""
    build_fn, meta, X, y, compile_settings, fit_settings = workload
    # Warm TensorFlow up (thread pools, kernels) before timing anything.
    plain_fit(build_fn, meta, X[:256], y[:256], compile_settings, dict(epochs=1))
    times = {"wrapper": [], "plain": []}
    for repeat in range(repeats):
        order = ("wrapper", "plain") if repeat % 2 == 0 else ("plain", "wrapper")
        for side in order:
            if side == "wrapper":
                seconds = wrapper_fit(wrapper_class, build_fn, X, y, compile_settings,
                                      fit_settings)
            else:
                seconds = plain_fit(build_fn, meta, X, y, compile_settings, fit_settings)
            times[side].append(seconds)
    for side, label in (("wrapper", wrapper_class.__name__), ("plain", "plain Keras")):
        runs = np.array(times[side])
        print(f"{name:34s} {label:16s} median {np.median(runs):7.2f} s "
              f"(range {runs.min():.2f}-{runs.max():.2f}, {repeats} runs)")
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

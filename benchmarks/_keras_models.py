"""User models written as build functions, shared by the Keras benchmarks and
the results table: what a user would pass as ``KerasClassifier(model=...)``."""

import math

import keras
import numpy as np
from sklearn.metrics import r2_score

# The MNIST CNN's training: Adam from 3e-3, decayed to zero along half a
# cosine over the epochs, the fastest setting found to pass 0.99 test accuracy.
MNIST_CNN_FIT = dict(epochs=5, batch_size=128)
MNIST_CNN_INITIAL_RATE = 3e-3


def mnist_cnn_learning_rate(n_samples):
    """The CNN's learning-rate schedule for a fit on ``n_samples`` images."""
    steps = MNIST_CNN_FIT["epochs"] * math.ceil(n_samples / MNIST_CNN_FIT["batch_size"])
    return keras.optimizers.schedules.CosineDecay(MNIST_CNN_INITIAL_RATE, decay_steps=steps)


def build_mnist_cnn(meta):
    """A small CNN for 28x28 grey images: two 3x3 convolutions of 16 and 32
    ReLU filters, each followed by 2x2 max pooling, a Dense layer of 64 ReLU
    units and a softmax layer. Uncompiled: the wrapper compiles it from its
    ``loss`` and ``optimizer``."""
    layers = keras.layers
    return keras.Sequential([
        keras.Input(meta["X_shape_"][1:]),
        layers.Conv2D(16, 3, activation="relu"),
        layers.MaxPooling2D(),
        layers.Conv2D(32, 3, activation="relu"),
        layers.MaxPooling2D(),
        layers.Flatten(),
        layers.Dense(64, activation="relu"),
        layers.Dense(meta["n_classes_"], activation="softmax"),
    ])


def build_california_mlp(meta):
    """The text's California regression MLP: three Dense layers of 50 ReLU
    units and one linear output (inputs standardised beforehand)."""
    model = keras.Sequential([keras.Input((meta["n_features_in_"],))])
    for _ in range(3):
        model.add(keras.layers.Dense(50, activation="relu"))
    model.add(keras.layers.Dense(1))
    return model


def build_tuning_model(n_hidden, n_neurons, learning_rate, optimizer):
    """The text's model for its hyperparameter search on 28x28 images: Flatten,
    ``n_hidden`` Dense ReLU layers of ``n_neurons``, Dense 10 softmax, compiled
    with ``optimizer`` ('sgd' or 'adam') at ``learning_rate``."""
    model = keras.Sequential([keras.Input((28, 28)), keras.layers.Flatten()])
    for _ in range(n_hidden):
        model.add(keras.layers.Dense(n_neurons, activation="relu"))
    model.add(keras.layers.Dense(10, activation="softmax"))
    optimizers = {"sgd": keras.optimizers.SGD, "adam": keras.optimizers.Adam}
    model.compile(loss="sparse_categorical_crossentropy",
                  optimizer=optimizers[optimizer](learning_rate=learning_rate),
                  metrics=["accuracy"])
    return model


class PlainKeras:
    """The reference to the wrappers: ``build_fn(meta)``, then
    ``model.compile(...)`` and ``model.fit(...)`` by hand, as a user without a
    wrapper writes them, behind ``fit``/``score``.

    ``meta`` holds what the build function reads (filled from ``X`` in
    ``fit``: ``n_features_in_``, ``X_shape_``, ``n_classes_``); ``loss`` is
    a Keras loss name, ``optimizer`` a Keras optimiser name built with
    ``learning_rate`` (a number or a Keras schedule); ``fit_settings`` go
    to ``Model.fit``.
    """

    def __init__(self, build_fn, loss, optimizer, learning_rate, fit_settings, seed=0):
        self.build_fn = build_fn
        self.loss = loss
        self.optimizer = optimizer
        self.learning_rate = learning_rate
        self.fit_settings = fit_settings
        self.seed = seed

    def fit(self, X, y):
        keras.utils.set_random_seed(self.seed)
        meta = {"n_features_in_": X.shape[1], "X_shape_": X.shape,
                "n_classes_": len(np.unique(y))}
        self.model_ = self.build_fn(meta)
        optimizer_class = type(keras.optimizers.get(self.optimizer))
        self.model_.compile(loss=self.loss,
                            optimizer=optimizer_class(learning_rate=self.learning_rate))
        self.model_.fit(X, y, verbose=0, **self.fit_settings)
        return self

    def score(self, X, y):
        """Accuracy for a classification loss, R² otherwise."""
        output = self.model_.predict(X, verbose=0)
        if "crossentropy" in self.loss:
            return float(np.mean(output.argmax(axis=1) == y))
        return float(r2_score(y, output.ravel()))

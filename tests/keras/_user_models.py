"""Model-building functions written the way SciKeras's documentation writes them.

Shared by the wrapper tests and the SciKeras parity tests. They are top-level
functions (as SciKeras asks) so that estimators holding them clone and pickle.
"""

import numpy as np
import pytest

keras = pytest.importorskip("keras")


def classifier_model(meta, n_hidden=4):
    """An uncompiled MLP sized from ``meta``: sigmoid for binary, softmax otherwise."""
    binary = meta["target_type_"] == "binary"
    model = keras.Sequential([keras.Input((meta["n_features_in_"],))])
    model.add(keras.layers.Dense(n_hidden, activation="relu"))
    if binary:
        model.add(keras.layers.Dense(1, activation="sigmoid"))
    else:
        model.add(keras.layers.Dense(meta["n_classes_"], activation="softmax"))
    return model


def compiled_classifier_model(meta, compile_kwargs, n_hidden=4):
    """The MLP compiled inside the build function, as in SciKeras's MLP tutorial."""
    model = classifier_model(meta, n_hidden)
    binary = meta["target_type_"] == "binary"
    loss = "binary_crossentropy" if binary else "sparse_categorical_crossentropy"
    model.compile(loss=loss, optimizer=compile_kwargs["optimizer"])
    return model


def regressor_model(meta, n_hidden=4):
    """An uncompiled MLP with one linear unit per target column."""
    n_outputs = meta["n_outputs_"]
    return keras.Sequential([
        keras.Input((meta["n_features_in_"],)),
        keras.layers.Dense(n_hidden, activation="relu"),
        keras.layers.Dense(n_outputs),
    ])


def fixed_weight_model(n_features, n_outputs, activation=None, seed=0):
    """A pre-built functional model whose weights come from a fixed NumPy seed."""
    inputs = keras.Input((n_features,))
    hidden = keras.layers.Dense(3, activation="tanh")(inputs)
    outputs = keras.layers.Dense(n_outputs, activation=activation)(hidden)
    model = keras.Model(inputs, outputs)
    rng = np.random.RandomState(seed)
    model.set_weights([rng.normal(size=w.shape).astype("float32") for w in model.get_weights()])
    return model


class BatchCounter(keras.callbacks.Callback):
    """Counts train, validation and predict batches in class attributes.

    Class attributes, because a wrapper may copy the callback (for ``clone``);
    ``reset()`` before each use.
    """

    counts = {}

    @classmethod
    def reset(cls):
        cls.counts = {"train": 0, "test": 0, "predict": 0}

    def on_train_batch_end(self, batch, logs=None):
        type(self).counts["train"] += 1

    def on_test_batch_end(self, batch, logs=None):
        type(self).counts["test"] += 1

    def on_predict_batch_end(self, batch, logs=None):
        type(self).counts["predict"] += 1


class BatchSize(keras.layers.Layer):
    """Outputs, for every sample, the size of the batch it was computed in."""

    def call(self, inputs):
        return 0.0 * inputs + keras.ops.cast(keras.ops.shape(inputs)[0], inputs.dtype)


def batch_size_model(meta):
    """A regressor model whose predictions are the predict batch sizes."""
    inputs = keras.Input((meta["n_features_in_"],))
    return keras.Model(inputs, BatchSize()(keras.layers.Dense(1)(inputs)))

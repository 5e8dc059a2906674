"""User models written as build functions, shared by the Keras benchmarks and
the results table: what a user would pass as ``KerasClassifier(model=...)``."""

import keras

# The MNIST CNN's training, chosen as the fastest setting that reaches 0.99
# test accuracy on every seed tried (see the results table's settings).
MNIST_CNN_FIT = dict(epochs=3, batch_size=128)
MNIST_CNN_LEARNING_RATE = 3e-3


def build_mnist_cnn(meta):
    """A small CNN for 28x28 grey images: two 3x3 convolutions of 16 and 32
    ReLU filters, each followed by 2x2 max pooling, then a softmax layer.
    Uncompiled: the wrapper compiles it from its ``loss`` and ``optimizer``."""
    layers = keras.layers
    return keras.Sequential([
        keras.Input(meta["X_shape_"][1:]),
        layers.Conv2D(16, 3, activation="relu"),
        layers.MaxPooling2D(),
        layers.Conv2D(32, 3, activation="relu"),
        layers.MaxPooling2D(),
        layers.Flatten(),
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

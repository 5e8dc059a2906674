"""What the MNIST examples share: the scaled data and the codelab's
one-layer softmax network. Not an example itself."""

import warnings
from pathlib import Path

import numpy as np
from sklearn.exceptions import ConvergenceWarning

from skneural import NumpyMLPClassifier
from skneural.datasets import fetch_mnist

# The examples train for a fixed number of epochs, as the classic texts do.
warnings.filterwarnings("ignore", category=ConvergenceWarning)


def load_mnist():
    """(X_train, y_train, X_test, y_test) from $SKNEURAL_DATA/mnist, pixels in [0, 1]."""
    X_train, y_train = fetch_mnist(subset="train", return_X_y=True)
    X_test, y_test = fetch_mnist(subset="test", return_X_y=True)
    return X_train / np.float32(255), y_train, X_test / np.float32(255), y_test


def codelab_softmax(**params):
    """The codelab's one-layer softmax network: mini-batches of 100, plain
    gradient descent for about 8 epochs. Its learning rate of 0.003 on a loss
    scaled by 1000 and averaged over the 10 classes is a rate of 0.3 on the
    usual log-loss."""
    settings = dict(hidden_layer_sizes=(), solver="sgd", learning_rate_init=0.3, momentum=0,
                    batch_size=100, alpha=0, max_iter=8, random_state=0)
    return NumpyMLPClassifier(**{**settings, **params})


def save(figure, example_file):
    """Save ``figure`` as a PNG next to the example."""
    figure.savefig(Path(example_file).with_suffix(".png"), dpi=100)

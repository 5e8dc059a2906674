"""
Misclassified test digits first
===============================

The one-layer softmax network's test digits, the misclassified ones first,
each with its true and predicted label (red when they differ): the view the
TensorFlow codelab shows while training.

Reads MNIST from ``$SKNEURAL_DATA/mnist``.
"""

import warnings

import matplotlib.pyplot as plt
import numpy as np
from sklearn.exceptions import ConvergenceWarning

from skneural import NumpyMLPClassifier
from skneural.datasets import fetch_mnist
from skneural.inspection import MisclassifiedDisplay

# MNIST from data_home ($SKNEURAL_DATA by default), pixels scaled to [0, 1].
X_train, y_train = fetch_mnist(subset="train", return_X_y=True)
X_test, y_test = fetch_mnist(subset="test", return_X_y=True)
X_train, X_test = X_train / np.float32(255), X_test / np.float32(255)

# The codelab's one-layer softmax network: mini-batches of 100 and plain
# gradient descent for a fixed number of epochs, so the ConvergenceWarning is
# expected. The codelab's learning rate of 0.003 on a loss summed over the
# batch of 100 and averaged over the 10 classes is a rate of 0.3 on the usual
# mean log-loss.
warnings.filterwarnings("ignore", category=ConvergenceWarning)
softmax = NumpyMLPClassifier(hidden_layer_sizes=(), solver="sgd", learning_rate_init=0.3,
                             momentum=0, batch_size=100, alpha=0, max_iter=8,
                             random_state=0)
softmax.fit(X_train, y_train)

display = MisclassifiedDisplay.from_estimator(softmax, X_test, y_test, n_images=40, n_cols=10)
n_wrong = int((display.y_true != display.y_pred).sum())
print(f"{n_wrong} of {len(y_test)} test digits misclassified")
display.figure_.suptitle(f"{n_wrong} misclassified test digits, the first 40")
plt.show()

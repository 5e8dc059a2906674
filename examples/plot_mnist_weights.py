"""
The weights of a one-layer MNIST network look like digits
==========================================================

A single softmax layer maps the 784 pixels of an MNIST digit to 10 class
scores, trained as in the TensorFlow codelab: mini-batches of 100, plain
gradient descent, about 8 epochs. It reaches about 92 % test accuracy. The
784 weights into each output unit, drawn as a 28x28 image (lowest weight
black, highest white), are blurred templates of the ten digits.

Reads MNIST with :func:`skneural.datasets.fetch_mnist` from
``$SKNEURAL_DATA/mnist``.
"""

import warnings

import matplotlib.pyplot as plt
import numpy as np
from sklearn.exceptions import ConvergenceWarning

from skneural import NumpyMLPClassifier
from skneural.datasets import fetch_mnist
from skneural.inspection import WeightImagesDisplay

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
accuracy = softmax.score(X_test, y_test)
print(f"one-layer softmax network, test accuracy: {accuracy:.4f}")

display = WeightImagesDisplay.from_estimator(softmax)
display.figure_.suptitle(f"Weights into each output unit (test accuracy {accuracy:.1%})")
plt.show()

"""
The most confident test digit of every confusion-matrix cell
============================================================

The confusion matrix of the one-layer softmax network on the MNIST test set
(rows true, columns predicted), drawn with the digit of highest predicted
probability in each cell and the cell's count above it (red off the
diagonal). The off-diagonal cells show the mistakes the network makes with
most conviction, e.g. 3s taken for 5s.

Reads MNIST from ``$SKNEURAL_DATA/mnist``.
"""

import warnings

import matplotlib.pyplot as plt
import numpy as np
from sklearn.exceptions import ConvergenceWarning

from skneural import NumpyMLPClassifier
from skneural.datasets import fetch_mnist
from skneural.inspection import ConfusionSamplesDisplay

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

display = ConfusionSamplesDisplay.from_estimator(softmax, X_test, y_test)
matrix = display.confusion_matrix
print(f"test accuracy {matrix.trace() / matrix.sum():.4f}; "
      f"3s predicted as 5s: {matrix[3, 5]}")
display.figure_.suptitle("Most confident test digit per cell (rows true, columns predicted)")
plt.show()

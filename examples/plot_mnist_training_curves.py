"""
Training curves and weight percentiles of a one-layer MNIST network
===================================================================

The one-layer softmax network again, now holding out 10 % of the training
digits to score after every epoch (``early_stopping=True``) and recording
the percentiles 0, 10, 25, 50, 75, 90 and 100 of its weights and biases
(``weight_percentiles``). Top: the training and validation loss and the
validation accuracy per epoch. Bottom: how the distribution of the weights
and biases spreads out while the network learns.

Reads MNIST from ``$SKNEURAL_DATA/mnist``.
"""

import warnings

import matplotlib.pyplot as plt
import numpy as np
from sklearn.exceptions import ConvergenceWarning

from skneural import NumpyMLPClassifier
from skneural.datasets import fetch_mnist
from skneural.inspection import TrainingCurveDisplay, WeightDistributionDisplay

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
                             momentum=0, batch_size=100, alpha=0, max_iter=15,
                             random_state=0,
                             early_stopping=True, n_iter_no_change=15,
                             weight_percentiles=(0, 10, 25, 50, 75, 90, 100))
softmax.fit(X_train, y_train)
print(f"best validation accuracy {softmax.best_validation_score_:.4f}, "
      f"test accuracy {softmax.score(X_test, y_test):.4f}")

figure, axes = plt.subplots(2, 2, figsize=(10, 7), layout="constrained")
TrainingCurveDisplay.from_estimator(softmax, ax=axes[0])
WeightDistributionDisplay.from_estimator(softmax, ax=axes[1].reshape(2, 1))
plt.show()

"""
Ten hidden units: their filters and how each digit uses them
============================================================

A network with one hidden layer of 10 ReLU units on MNIST. Top: the 784
weights into each hidden unit, drawn as a 28x28 filter. Below: for each
digit, a bar chart of its output unit's weights on the 10 hidden units,
i.e. which filters vote for and against that digit.

Reads MNIST from ``$SKNEURAL_DATA/mnist``.
"""

import matplotlib.pyplot as plt
import numpy as np

from skneural import NumpyMLPClassifier
from skneural.datasets import fetch_mnist
from skneural.inspection import HiddenUnitsDisplay

# MNIST from data_home ($SKNEURAL_DATA by default), pixels scaled to [0, 1].
X_train, y_train = fetch_mnist(subset="train", return_X_y=True)
X_test, y_test = fetch_mnist(subset="test", return_X_y=True)
X_train, X_test = X_train / np.float32(255), X_test / np.float32(255)

network = NumpyMLPClassifier(hidden_layer_sizes=(10,), max_iter=6, random_state=0)
network.fit(X_train, y_train)
print(f"784-10-10 network, test accuracy: {network.score(X_test, y_test):.4f}")

display = HiddenUnitsDisplay.from_estimator(network)
display.figure_.set_size_inches(16, 3.8)
plt.show()

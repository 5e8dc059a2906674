"""
Misclassified test digits first
===============================

The one-layer softmax network's test digits, the misclassified ones first,
each with its true and predicted label (red when they differ): the view the
TensorFlow codelab shows while training.

Reads MNIST from ``$SKNEURAL_DATA/mnist``. Writes
``plot_mnist_misclassified.png`` next to this file.
"""

from _figures import save
from _mnist import codelab_softmax, load_mnist

from skneural.inspection import MisclassifiedDisplay

X_train, y_train, X_test, y_test = load_mnist()
softmax = codelab_softmax().fit(X_train, y_train)

display = MisclassifiedDisplay.from_estimator(softmax, X_test, y_test, n_images=40, n_cols=10)
n_wrong = int((display.y_true != display.y_pred).sum())
print(f"{n_wrong} of {len(y_test)} test digits misclassified")
display.figure_.suptitle(f"{n_wrong} misclassified test digits, the first 40")
save(display.figure_, "plot_mnist_misclassified")

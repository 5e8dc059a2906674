"""
The most confident test digit of every confusion-matrix cell
============================================================

The confusion matrix of the one-layer softmax network on the MNIST test set
(rows true, columns predicted), drawn with the digit of highest predicted
probability in each cell and the cell's count above it (red off the
diagonal). The off-diagonal cells show the mistakes the network makes with
most conviction, e.g. 3s taken for 5s.

Reads MNIST from ``$SKNEURAL_DATA/mnist``. Writes
``plot_mnist_confusion_samples.png`` next to this file.
"""

from _mnist import codelab_softmax, load_mnist, save

from skneural.inspection import ConfusionSamplesDisplay

X_train, y_train, X_test, y_test = load_mnist()
softmax = codelab_softmax().fit(X_train, y_train)

display = ConfusionSamplesDisplay.from_estimator(softmax, X_test, y_test)
matrix = display.confusion_matrix
print(f"test accuracy {matrix.trace() / matrix.sum():.4f}; "
      f"3s predicted as 5s: {matrix[3, 5]}")
display.figure_.suptitle("Most confident test digit per cell (rows true, columns predicted)")
save(display.figure_, __file__)

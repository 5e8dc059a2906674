"""
The weights of a one-layer MNIST network look like digits
==========================================================

A single softmax layer maps the 784 pixels of an MNIST digit to 10 class
scores, trained as in the TensorFlow codelab: mini-batches of 100, plain
gradient descent, about 8 epochs. It reaches about 92 % test accuracy. The
784 weights into each output unit, drawn as a 28x28 image (lowest weight
black, highest white), are blurred templates of the ten digits.

Reads MNIST with :func:`skneural.datasets.fetch_mnist` from
``$SKNEURAL_DATA/mnist``. Writes ``plot_mnist_weights.png`` next to this file.
"""

from _mnist import codelab_softmax, load_mnist, save

from skneural.inspection import WeightImagesDisplay

X_train, y_train, X_test, y_test = load_mnist()
softmax = codelab_softmax().fit(X_train, y_train)
accuracy = softmax.score(X_test, y_test)
print(f"one-layer softmax network, test accuracy: {accuracy:.4f}")

display = WeightImagesDisplay.from_estimator(softmax)
display.figure_.suptitle(f"Weights into each output unit (test accuracy {accuracy:.1%})")
save(display.figure_, __file__)

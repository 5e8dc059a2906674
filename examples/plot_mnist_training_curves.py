"""
Training curves and weight percentiles of a one-layer MNIST network
===================================================================

The one-layer softmax network again, now holding out 10 % of the training
digits to score after every epoch (``early_stopping=True``) and recording
the percentiles 0, 10, 25, 50, 75, 90 and 100 of its weights and biases
(``weight_percentiles``). Top: the training and validation loss and the
validation accuracy per epoch. Bottom: how the distribution of the weights
and biases spreads out while the network learns.

Reads MNIST from ``$SKNEURAL_DATA/mnist``. Writes
``plot_mnist_training_curves.png`` next to this file.
"""

import matplotlib.pyplot as plt
from _mnist import codelab_softmax, load_mnist, save

from skneural.inspection import TrainingCurveDisplay, WeightDistributionDisplay

X_train, y_train, X_test, y_test = load_mnist()
softmax = codelab_softmax(max_iter=15, early_stopping=True, n_iter_no_change=15,
                          weight_percentiles=(0, 10, 25, 50, 75, 90, 100))
softmax.fit(X_train, y_train)
print(f"best validation accuracy {softmax.best_validation_score_:.4f}, "
      f"test accuracy {softmax.score(X_test, y_test):.4f}")

figure, axes = plt.subplots(2, 2, figsize=(10, 7), layout="constrained")
TrainingCurveDisplay.from_estimator(softmax, ax=axes[0])
WeightDistributionDisplay.from_estimator(softmax, ax=axes[1].reshape(2, 1))
save(figure, __file__)

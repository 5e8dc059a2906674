"""
CIFAR-10: a one-layer network and its colour weight images
==========================================================

CIFAR-10 holds 32x32 colour photographs of ten classes (planes, cars,
birds, cats, deer, dogs, frogs, horses, ships and trucks). A dense network
that sees only pixels does poorly on them: one softmax layer reaches about
37 % test accuracy (chance is 10 %), and adding a hidden layer helps little.

The 3,072 weights into each output unit, drawn as a 32x32 colour image,
are blurred colour templates rather than objects: a blue background for
planes and ships, green and brown for deer and frogs, a red-brown blob in
the middle for cars and trucks.

Reads CIFAR-10 with :func:`skneural.datasets.fetch_cifar10` from
``$SKNEURAL_DATA/cifar10/cifar-10-python.tar.gz`` (163 MB, downloaded there
when missing). The documentation shows this example without running it when
the tarball is absent from the build machine.
"""

import warnings

import matplotlib.pyplot as plt
import numpy as np
from sklearn.exceptions import ConvergenceWarning

from skneural import NumpyMLPClassifier
from skneural.datasets import fetch_cifar10
from skneural.inspection import WeightImagesDisplay

train = fetch_cifar10(subset="train")
test = fetch_cifar10(subset="test")
# Pixels in [0, 1], minus the mean training image: the weights then show
# how each class differs from the average photograph.
mean_image = train.data.mean(axis=0, dtype=np.float32) / 255
X_train = train.data / np.float32(255) - mean_image
X_test = test.data / np.float32(255) - mean_image

# 10 epochs of mini-batch SGD on one softmax layer; a fixed budget, so the
# ConvergenceWarning is expected.
warnings.filterwarnings("ignore", category=ConvergenceWarning)
softmax = NumpyMLPClassifier(hidden_layer_sizes=(), solver="sgd", learning_rate_init=0.01,
                             batch_size=100, alpha=1e-3, max_iter=10, random_state=0)
softmax.fit(X_train, train.target)
accuracy = softmax.score(X_test, test.target)
print(f"one-layer softmax network on CIFAR-10, test accuracy: {accuracy:.4f}")

display = WeightImagesDisplay.from_estimator(softmax, display_labels=train.target_names,
                                             n_cols=5)
display.figure_.set_size_inches(10, 4.5)
display.figure_.suptitle(f"Weights into each output unit (test accuracy {accuracy:.1%})")
plt.show()

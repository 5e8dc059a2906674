"""
Three spiral arms: a linear model against an MLP
================================================

The spiral of the classic lecture: three intertwined arms, one class each
(:func:`skneural.datasets.make_spiral`). A linear softmax model (no hidden
layer) can only cut the plane into three wedges and classifies about half the
points right. Two linear layers with 100 ReLU units between them bend the
boundaries around the arms and reach about 95 % or more.

Both models are :class:`~skneural.NumpyMLPClassifier`; only
``hidden_layer_sizes`` differs. The plots show their decision regions
(scikit-learn's :class:`~sklearn.inspection.DecisionBoundaryDisplay`) with the
training points on top.
"""

import matplotlib.pyplot as plt
from sklearn.inspection import DecisionBoundaryDisplay

from skneural import NumpyMLPClassifier
from skneural.datasets import make_spiral

X, y = make_spiral(n_samples=300, n_classes=3, noise=0.2, random_state=0)
models = {
    "linear softmax (no hidden layer)": NumpyMLPClassifier(
        hidden_layer_sizes=(), learning_rate_init=0.01, max_iter=2000, random_state=0),
    "MLP, 100 ReLU units": NumpyMLPClassifier(
        hidden_layer_sizes=(100,), learning_rate_init=0.01, max_iter=2000, random_state=0),
}

fig, axes = plt.subplots(1, 2, figsize=(11, 5), layout="constrained")
for ax, (name, model) in zip(axes, models.items()):
    model.fit(X, y)
    accuracy = model.score(X, y)
    print(f"{name:34s} training accuracy {accuracy:.3f}")
    DecisionBoundaryDisplay.from_estimator(model, X, response_method="predict", ax=ax,
                                           grid_resolution=300, multiclass_colors="Pastel1")
    ax.scatter(X[:, 0], X[:, 1], c=y, cmap="Set1", s=14, edgecolors="k", linewidths=0.3)
    ax.set(title=f"{name}: accuracy {accuracy:.0%}", aspect="equal")
plt.show()

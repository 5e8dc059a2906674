"""
Where a perceptron fails: XOR and the spiral
============================================

A perceptron draws one straight boundary per unit, so it cannot learn XOR
(the four corners of a square, opposite corners alike) nor three intertwined
spiral arms; the perceptron convergence theorem only holds for linearly
separable data, and skneural's ``Perceptron`` says so with a
``ConvergenceWarning``. The same rule in the feature space of an RBF kernel
(``KernelPerceptron``) separates both, and so does a small MLP.

Draws the decision boundaries of the three models on noisy XOR and on the
spiral (scikit-learn's ``DecisionBoundaryDisplay``) with their training
accuracies.
"""

import warnings
import matplotlib.pyplot as plt
from sklearn.exceptions import ConvergenceWarning
from sklearn.inspection import DecisionBoundaryDisplay

from skneural import KernelPerceptron, NumpyMLPClassifier, Perceptron
from skneural.datasets import make_logic_gate, make_spiral

DATASETS = {
    "XOR (noisy corners)": make_logic_gate("xor", n_repeats=50, noise=0.15, random_state=0),
    "Spiral, 3 arms": make_spiral(n_samples=300, n_classes=3, noise=0.1, random_state=0),
}
MODELS = {
    "Perceptron": lambda: Perceptron(random_state=0),
    "KernelPerceptron (RBF)": lambda: KernelPerceptron(gamma=10.0, max_iter=200),
    "NumpyMLPClassifier (100 ReLU)": lambda: NumpyMLPClassifier(
        hidden_layer_sizes=(100,), learning_rate_init=0.01, max_iter=1000, random_state=0
    ),
}

fig, axes = plt.subplots(len(DATASETS), len(MODELS), figsize=(12, 8), constrained_layout=True)
for row, (data_name, (X, y)) in zip(axes, DATASETS.items()):
    for ax, (model_name, make_model) in zip(row, MODELS.items()):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            model = make_model().fit(X, y)
        colors = {"cmap": "Pastel1"} if len(set(y)) == 2 else {"multiclass_colors": "Pastel1"}
        DecisionBoundaryDisplay.from_estimator(
            model, X, response_method="predict", ax=ax, grid_resolution=200, **colors
        )
        ax.scatter(X[:, 0], X[:, 1], c=y, cmap="Set1", s=12, edgecolors="k", linewidths=0.3)
        accuracy = model.score(X, y)
        ax.set_title(f"{model_name}\n{data_name}: accuracy {accuracy:.0%}", fontsize=10)
        print(f"{data_name:22s} {model_name:30s} training accuracy {accuracy:.3f}")

plt.show()

"""
XOR: the perceptron fails, an MLP solves it
===========================================

XOR is true when exactly one of its two inputs is: the four corners of a
square with opposite corners alike. No straight line separates them, so the
perceptron learning rule never settles (the perceptron convergence theorem
holds only for linearly separable data; skneural's
:class:`~skneural.Perceptron` says so with a ``ConvergenceWarning``): it
keeps getting at least one of the four points wrong. A network with one
hidden layer of a few units learns XOR exactly.

Left: the perceptron's mistakes per epoch on the truth table, which never
reach zero. Middle and right: the decision regions of both models.
"""

import warnings

import matplotlib.pyplot as plt
from sklearn.exceptions import ConvergenceWarning
from sklearn.inspection import DecisionBoundaryDisplay

from skneural import NumpyMLPClassifier, Perceptron
from skneural.datasets import make_logic_gate

X, y = make_logic_gate("xor")  # the four rows of the truth table
print("truth table:", [(*map(int, row), int(label)) for row, label in zip(X, y)])

with warnings.catch_warnings():
    warnings.simplefilter("ignore", ConvergenceWarning)  # expected: XOR is not separable
    perceptron = Perceptron(max_iter=20, random_state=0).fit(X, y)
mlp = NumpyMLPClassifier(hidden_layer_sizes=(4,), activation="tanh", solver="lbfgs",
                         random_state=0).fit(X, y)
for model in (perceptron, mlp):
    print(f"{type(model).__name__:20s} predicts {model.predict(X)}, "
          f"accuracy {model.score(X, y):.2f}")

fig, axes = plt.subplots(1, 3, figsize=(13, 4), layout="constrained")
axes[0].plot(range(1, perceptron.n_iter_ + 1), perceptron.mistakes_curve_, marker="o")
axes[0].set(xlabel="epoch", ylabel="mistakes on the 4 points", ylim=(0, 4.2),
            title="Perceptron rule on XOR")
for ax, model in zip(axes[1:], (perceptron, mlp)):
    DecisionBoundaryDisplay.from_estimator(model, X, response_method="predict", ax=ax,
                                           grid_resolution=200, cmap="Pastel1", eps=0.5)
    ax.scatter(X[:, 0], X[:, 1], c=y, cmap="Set1", s=120, edgecolors="k")
    ax.set(title=f"{type(model).__name__}: accuracy {model.score(X, y):.0%}",
           xlabel="A", ylabel="B", aspect="equal")
plt.show()

"""
Training and validation loss curves, with and without dropout
=============================================================

With ``early_stopping=True``, skneural's MLPs hold out part of the training
data and record the held-out loss after every epoch in
``validation_loss_curve_``, next to the training loss in ``loss_curve_``
(scikit-learn records only the held-out accuracy). Plotted together, the two
curves show over-fitting: the training loss keeps falling while the validation
loss levels off. Dropout narrows the gap between them.

Runs on scikit-learn's bundled digits, in a few seconds.
"""

import matplotlib.pyplot as plt
from sklearn.datasets import load_digits
from sklearn.preprocessing import StandardScaler

from skneural import NumpyMLPClassifier

X, y = load_digits(return_X_y=True)
X = StandardScaler().fit_transform(X)

fig, axes = plt.subplots(1, 2, figsize=(10, 4), sharey=True)
for ax, dropout in zip(axes, [0.0, 0.3]):
    model = NumpyMLPClassifier(hidden_layer_sizes=(256,), dropout=dropout,
                               early_stopping=True, validation_fraction=0.2,
                               n_iter_no_change=30, max_iter=300, random_state=0)
    model.fit(X, y)
    ax.plot(model.loss_curve_, label="training loss (with L2 penalty)")
    ax.plot(model.validation_loss_curve_, label="validation loss")
    ax.set(title=f"dropout={dropout}: best validation accuracy "
                 f"{model.best_validation_score_:.3f}",
           xlabel="epoch", ylabel="log-loss", yscale="log")
    ax.legend()
    print(f"dropout={dropout}: {model.n_iter_} epochs, best validation accuracy "
          f"{model.best_validation_score_:.3f}")
fig.tight_layout()
plt.show()

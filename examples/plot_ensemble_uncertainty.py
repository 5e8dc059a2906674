"""
Uncertainty from an ensemble of 5 ReLU and 5 tanh networks
==========================================================

Ten small networks learn the same noisy curve on [-1, 1], each from its own
random initialisation; five use ReLU units and five tanh units. Inside the
training interval they agree. Outside it their predictions part: the ReLU
members extrapolate along straight lines, the tanh members level off. The
standard deviation across members, ``predict(X, return_std=True)``, thus
grows away from the data and serves as an uncertainty estimate.
"""

import matplotlib.pyplot as plt
import numpy as np

from skneural import MLPEnsembleRegressor, NumpyMLPRegressor

rng = np.random.RandomState(0)
X_train = rng.uniform(-1, 1, size=(80, 1))
y_train = np.sin(3 * X_train).ravel() + rng.normal(scale=0.1, size=80)

# Unclipped members (clip_predictions=False): clipped to the training targets
# range they would agree beyond the data, hiding the uncertainty shown here.
member = NumpyMLPRegressor(hidden_layer_sizes=(20,), solver="lbfgs", max_iter=500,
                           clip_predictions=False)
ensemble = MLPEnsembleRegressor(member, n_estimators=10, activations=("relu", "tanh"),
                                n_jobs=2, random_state=0).fit(X_train, y_train)

X_plot = np.linspace(-3, 3, 400).reshape(-1, 1)
mean, std = ensemble.predict(X_plot, return_std=True)
inside = np.abs(X_plot.ravel()) <= 1
print(f"mean std inside [-1, 1]: {std[inside].mean():.3f}, outside: {std[~inside].mean():.3f}")

figure, ax = plt.subplots(figsize=(9, 5), layout="constrained")
ax.axvspan(-1, 1, color="0.92", label="training interval")
for name, color in (("relu", "tab:orange"), ("tanh", "tab:green")):
    for k, member in enumerate(m for m in ensemble.estimators_ if m.activation == name):
        ax.plot(X_plot, member.predict(X_plot), color=color, linewidth=0.8, alpha=0.7,
                label=f"{name} members" if k == 0 else None)
ax.fill_between(X_plot.ravel(), mean - 2 * std, mean + 2 * std, color="tab:blue", alpha=0.2,
                label="mean ± 2 std")
ax.plot(X_plot, mean, color="tab:blue", linewidth=2, label="ensemble mean")
ax.scatter(X_train, y_train, s=10, color="black", label="training data")
ax.set(xlabel="x", ylabel="y",
       title="The members disagree, and the spread grows, outside the training data")
ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=3)
plt.show()

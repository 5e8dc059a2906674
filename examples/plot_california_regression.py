"""
California housing with the NumPy MLP: output activation and Huber loss
=======================================================================

The textbook's regression MLP: three hidden layers of 50 ReLU units on the
standardised California features, with two successive
``train_test_split(random_state=42)`` for training, validation and test
sets. scikit-learn's ``MLPRegressor`` gets a validation RMSE of about 0.505.

:class:`~skneural.NumpyMLPRegressor` can also do what ``MLPRegressor``
cannot: an output activation (``softplus`` keeps the predicted prices
positive) and the Huber loss, which weighs the large errors of the outliers
(the prices capped at $500,001) linearly instead of quadratically. With the
softplus output a larger learning rate than Adam's default of 0.001 (here
0.003) gets it to the same RMSE within the same epochs. The plot
shows the training loss per epoch and the predictions against the true
prices on the validation set.

Reads the housing CSV with :func:`skneural.datasets.fetch_california_housing`
from ``$SKNEURAL_DATA/california_housing``. To keep the documentation build
short, each network trains for at most 30 epochs (the text trains until
convergence).
"""

import warnings

import matplotlib.pyplot as plt
from sklearn.exceptions import ConvergenceWarning
from sklearn.impute import SimpleImputer
from sklearn.metrics import root_mean_squared_error
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from skneural import NumpyMLPRegressor
from skneural.datasets import fetch_california_housing

X, y = fetch_california_housing(return_X_y=True)
X_train_full, X_test, y_train_full, y_test = train_test_split(X, y, random_state=42)
X_train, X_valid, y_train, y_valid = train_test_split(X_train_full, y_train_full, random_state=42)

settings = dict(hidden_layer_sizes=(50, 50, 50), max_iter=30, random_state=42)
models = {
    "MLPRegressor (scikit-learn)": MLPRegressor(**settings),
    "NumpyMLPRegressor, Huber loss": NumpyMLPRegressor(loss="huber", **settings),
    "NumpyMLPRegressor, Huber loss, softplus output": NumpyMLPRegressor(
        loss="huber", output_activation="softplus", learning_rate_init=0.003, **settings),
}

fig, (ax_loss, ax_pred) = plt.subplots(1, 2, figsize=(12, 4.5), layout="constrained")
warnings.filterwarnings("ignore", category=ConvergenceWarning)  # fixed 30 epochs
for name, regressor in models.items():
    model = make_pipeline(SimpleImputer(strategy="median"), StandardScaler(), regressor)
    model.fit(X_train, y_train)
    predicted = model.predict(X_valid)
    rmse = root_mean_squared_error(y_valid, predicted)
    print(f"{name:48s} validation RMSE {rmse:.3f}, lowest prediction {predicted.min():.2f}")
    ax_loss.plot(regressor.loss_curve_, label=f"{name}: RMSE {rmse:.3f}")
    ax_pred.scatter(y_valid, predicted, s=2, alpha=0.3, label=name)
ax_loss.set(xlabel="epoch", ylabel="training loss", yscale="log",
            title="Training loss (Huber is not on the same scale)")
ax_loss.legend(fontsize=8)
ax_pred.plot([0, 5], [0, 5], color="black", linewidth=1)
ax_pred.set(xlabel="true price ($100,000)", ylabel="predicted price",
            title="Validation set: predicted against true")
ax_pred.legend(fontsize=8, markerscale=5)
plt.show()

"""
Wide & Deep on California housing: the training history
========================================================

The Wide & Deep network of the classic text (Cheng et al., 2016) as a
scikit-learn estimator: ``KerasWideDeepRegressor`` with its defaults and early
stopping on 10 % of the training data. We plot the training and held-out loss
per epoch from ``history_`` and print the validation RMSE on the text's split
(two ``train_test_split(random_state=42)``).

Needs TensorFlow (the ``keras`` extra) and the raw California housing CSV in
``$SKNEURAL_DATA/california_housing`` (default ``../shared/data``). Writes
``wide_deep_history.png``.
"""

import os
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from sklearn.metrics import root_mean_squared_error
from sklearn.model_selection import train_test_split

from skneural.keras import KerasWideDeepRegressor

data_home = Path(os.environ.get("SKNEURAL_DATA", Path(__file__).parents[2] / "shared" / "data"))
raw = pd.read_csv(data_home / "california_housing" / "housing.csv")

# The 8 features of scikit-learn's version, per district (household averages).
per_household = raw[["total_rooms", "total_bedrooms", "population"]].div(raw["households"], axis=0)
X = pd.concat([
    raw[["median_income", "housing_median_age"]],
    per_household.set_axis(["AveRooms", "AveBedrms", "AveOccup"], axis=1).fillna(per_household.median()),
    raw[["population", "latitude", "longitude"]],
], axis=1)
y = raw["median_house_value"] / 100_000

X_train_full, X_test, y_train_full, y_test = train_test_split(X, y, random_state=42)
X_train, X_valid, y_train, y_valid = train_test_split(X_train_full, y_train_full, random_state=42)

model = KerasWideDeepRegressor(early_stopping=True, random_state=42).fit(X_train, y_train)
rmse = root_mean_squared_error(y_valid, model.predict(X_valid))
print(f"validation RMSE {rmse:.3f} after {model.n_iter_} epochs")

fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(model.history_["loss"], label="training loss")
ax.plot(model.history_["val_loss"], label="held-out loss")
ax.set(xlabel="epoch", ylabel="Huber loss (main + 0.1 auxiliary)",
       title=f"Wide & Deep on California housing (validation RMSE {rmse:.3f})")
ax.legend()
fig.tight_layout()
fig.savefig(Path(__file__).with_suffix("").parent / "wide_deep_history.png")

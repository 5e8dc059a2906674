"""
Wide & Deep on California housing: the training history
========================================================

The Wide & Deep network of the classic text (Cheng et al., 2016) as a
scikit-learn estimator: ``KerasWideDeepRegressor`` with its defaults and early
stopping on 10 % of the training data, after a median imputer for the 207
missing bedroom counts. :class:`~skneural.inspection.TrainingCurveDisplay`
draws the training and held-out loss per epoch from the Keras ``history_``;
the script prints the validation RMSE on the text's split (two
``train_test_split(random_state=42)``).

Needs TensorFlow (the ``keras`` extra) and reads the California housing CSV
with :func:`skneural.datasets.fetch_california_housing` from
``$SKNEURAL_DATA/california_housing``.
"""

import matplotlib.pyplot as plt
from sklearn.impute import SimpleImputer
from sklearn.metrics import root_mean_squared_error
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline

from skneural.datasets import fetch_california_housing
from skneural.inspection import TrainingCurveDisplay
from skneural.keras import KerasWideDeepRegressor

X, y = fetch_california_housing(return_X_y=True)
X_train_full, X_test, y_train_full, y_test = train_test_split(X, y, random_state=42)
X_train, X_valid, y_train, y_valid = train_test_split(X_train_full, y_train_full, random_state=42)

model = make_pipeline(
    SimpleImputer(strategy="median"),
    KerasWideDeepRegressor(early_stopping=True, random_state=42),
).fit(X_train, y_train)
rmse = root_mean_squared_error(y_valid, model.predict(X_valid))
print(f"validation RMSE {rmse:.3f} after {model[-1].n_iter_} epochs")

display = TrainingCurveDisplay.from_estimator(model)
display.figure_.suptitle(f"Wide & Deep on California housing (validation RMSE {rmse:.3f})")
plt.show()

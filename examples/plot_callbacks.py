"""
Callbacks: a cosine schedule with warm-up, early stopping and a custom callback
===============================================================================

The text's callbacks on the California housing regression MLP: early
stopping with a patience of 10 epochs that restores the best weights, and a
custom callback that prints the ratio of the validation loss to the
training loss after every epoch (a ratio well above 1 is a sign of
overfitting). The network trains by SGD with momentum, its learning rate
following a cosine schedule with a linear warm-up of 5 epochs, set by
:class:`~skneural.callbacks.LearningRateScheduler`.

The held-out data are given to ``fit`` as ``X_val`` and ``y_val`` (from
the text's two successive ``train_test_split(random_state=42)``); every
callback sees each epoch's ``loss``, ``val_loss`` and ``learning_rate``.
The plot shows the learning rate and both losses per epoch, with the epoch
whose weights early stopping kept.

Reads the housing CSV with :func:`skneural.datasets.fetch_california_housing`
from ``$SKNEURAL_DATA/california_housing``.
"""

import matplotlib.pyplot as plt
from sklearn.impute import SimpleImputer
from sklearn.metrics import root_mean_squared_error
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from skneural import NumpyMLPRegressor
from skneural.callbacks import Callback, CosineSchedule, EarlyStopping, LearningRateScheduler
from skneural.datasets import fetch_california_housing

X, y = fetch_california_housing(return_X_y=True)
X_train_full, X_test, y_train_full, y_test = train_test_split(X, y, random_state=42)
X_train, X_valid, y_train, y_valid = train_test_split(X_train_full, y_train_full, random_state=42)
preprocess = make_pipeline(SimpleImputer(strategy="median"), StandardScaler())
X_train = preprocess.fit_transform(X_train)
X_valid, X_test = preprocess.transform(X_valid), preprocess.transform(X_test)


class PrintValTrainRatio(Callback):
    """The text's custom callback: the val/train loss ratio after each epoch."""

    def on_epoch_end(self, estimator, epoch, logs):
        print(f"Epoch {epoch:3d}: val/train {logs['val_loss'] / logs['loss']:.2f}")
        return False


class History(Callback):
    """Keeps every epoch's logs, for the plot."""

    def on_fit_begin(self, estimator):
        self.epochs = []

    def on_epoch_end(self, estimator, epoch, logs):
        self.epochs.append((epoch, logs))
        return False


# %%
# Training
# --------
max_epochs = 80
stopping, history = EarlyStopping(patience=10, restore_best=True), History()
model = NumpyMLPRegressor(
    hidden_layer_sizes=(50, 50, 50), solver="sgd", learning_rate_init=0.01, max_iter=max_epochs,
    random_state=42, tol=0.0, n_iter_no_change=max_epochs,
    callbacks=[
        LearningRateScheduler(CosineSchedule(total_epochs=max_epochs, warmup_epochs=5)),
        stopping, PrintValTrainRatio(), history,
    ],
)
model.fit(X_train, y_train, X_val=X_valid, y_val=y_valid)
rmse = root_mean_squared_error(y_test, model.predict(X_test))
print(f"Stopped after epoch {stopping.stopped_epoch_}; best epoch {stopping.best_epoch_}; "
      f"test RMSE {rmse:.3f}")

# %%
# The learning rate and both losses per epoch
# -------------------------------------------
epochs = [epoch for epoch, _ in history.epochs]
fig, (ax_rate, ax_loss) = plt.subplots(1, 2, figsize=(11, 4), layout="constrained")
ax_rate.plot(epochs, [logs["learning_rate"] for _, logs in history.epochs])
ax_rate.set(xlabel="epoch", ylabel="learning rate", title="Cosine schedule, 5 warm-up epochs")
ax_loss.plot(epochs, [logs["loss"] for _, logs in history.epochs], label="training loss")
ax_loss.plot(epochs, [logs["val_loss"] for _, logs in history.epochs], label="validation loss")
ax_loss.axvline(stopping.best_epoch_, color="grey", linestyle="--",
                label=f"best epoch ({stopping.best_epoch_}), restored")
ax_loss.set(xlabel="epoch", ylabel="loss (half squared error)", yscale="log",
            title=f"Early stopping, patience 10: test RMSE {rmse:.3f}")
ax_loss.legend()
plt.show()

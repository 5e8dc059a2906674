"""KerasWideDeepRegressor on California housing, next to scikit-learn and raw Keras.

Train/validation/test by two ``train_test_split(random_state=42)`` as in the
text. Prints the validation RMSE and fit time of

- ``KerasWideDeepRegressor()`` with its defaults (target: RMSE <= 0.50);
- scikit-learn's ``make_pipeline(StandardScaler(), MLPRegressor(hidden_layer_sizes=[50, 50, 50]))``;
- the same Wide & Deep network written by hand in Keras (same clipping,
  standardisation, layers, auxiliary output, Huber loss, cosine-decayed
  Adam, epochs and batches),

and the fit-time ratio of our wrapper to raw Keras (target: <= 1.05), as the
median over ``--repeats`` alternating fits. Reads
$SKNEURAL_DATA/california_housing/housing.csv (default ../shared/data)::

    python benchmarks/bench_california.py [--repeats 3]
"""

import argparse
import os
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import keras  # noqa: E402
import numpy as np  # noqa: E402
from sklearn.metrics import root_mean_squared_error  # noqa: E402
from sklearn.neural_network import MLPRegressor  # noqa: E402
from sklearn.pipeline import make_pipeline  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402

from _data import california_split, load_california  # noqa: E402
from skneural.keras import KerasWideDeepRegressor  # noqa: E402


class RawWideDeep:
    """A KerasWideDeepRegressor's network, written directly in Keras.

    Reads the settings of ``reference`` (our estimator, never fitted):
    clipping of the inputs (``clip_quantile``, None for none) and of the
    predictions (``clip_predictions``), the column indices of both paths,
    hidden layers, auxiliary output (``aux_loss_weight=0`` for none), loss,
    learning-rate schedule, epochs and batches. With ``clip_quantile=None,
    clip_predictions=False, aux_loss_weight=0, loss='squared_error',
    learning_rate=1e-3, learning_rate_schedule='constant', epochs=20`` it is
    the text's plain Wide & Deep model.
    """

    def __init__(self, reference, seed=42):
        self.reference = reference  # our estimator, for its settings only
        self.seed = seed

    def _clip(self, X):
        return X if self.reference.clip_quantile is None else np.clip(X, self.low, self.high)

    def _network(self, clipped):
        ref = self.reference
        inputs = keras.Input((clipped.shape[1],))
        normalized = keras.layers.Normalization(
            mean=clipped.mean(axis=0), variance=clipped.var(axis=0)
        )(inputs)
        wide, hidden = (
            normalized if columns is None else keras.ops.take(normalized, list(columns), axis=1)
            for columns in (ref.wide_features, ref.deep_features)
        )
        for units in ref.hidden_layer_sizes:
            hidden = keras.layers.Dense(units, activation=ref.activation)(hidden)
        main = keras.layers.Dense(1)(keras.layers.Concatenate()([wide, hidden]))
        if ref.aux_loss_weight == 0:
            return keras.Model(inputs, main)
        return keras.Model(inputs, [main, keras.layers.Dense(1)(hidden)])

    def _compile(self, n_samples):
        ref = self.reference
        rate = ref.learning_rate
        if ref.learning_rate_schedule == "cosine":
            steps = ref.epochs * -(-n_samples // ref.batch_size)
            rate = keras.optimizers.schedules.CosineDecay(rate, decay_steps=steps)
        loss = keras.losses.Huber(delta=ref.huber_delta) if ref.loss == "huber" else "mse"
        losses = {"loss": loss}
        if ref.aux_loss_weight > 0:
            losses = {"loss": [loss, loss],
                      "loss_weights": [1 - ref.aux_loss_weight, ref.aux_loss_weight]}
        self.model.compile(optimizer=keras.optimizers.Adam(learning_rate=rate), **losses)

    def fit(self, X, y):
        ref = self.reference
        keras.utils.set_random_seed(self.seed)
        if ref.clip_quantile is not None:
            self.low, self.high = np.quantile(
                X, [ref.clip_quantile, 1 - ref.clip_quantile], axis=0
            )
        clipped = self._clip(X)
        self.model = self._network(clipped)
        self._compile(len(X))
        self.target_range = y.min(), y.max()
        target = y if ref.aux_loss_weight == 0 else (y, y)
        self.model.fit(clipped.astype(np.float32), target, batch_size=ref.batch_size,
                       epochs=ref.epochs, verbose=0)
        return self

    def predict(self, X):
        output = self.model.predict(self._clip(X).astype(np.float32), verbose=0)
        y_pred = (output[0] if isinstance(output, list) else output).ravel()
        return np.clip(y_pred, *self.target_range) if self.reference.clip_predictions else y_pred


def timed_fit(model, X, y):
    start = time.perf_counter()
    model.fit(X, y)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    X, y = load_california(impute_median=True)
    X_train, X_valid, y_train, y_valid = california_split(X, y)
    ours = KerasWideDeepRegressor(random_state=42)
    raw = RawWideDeep(ours)
    times = {"ours": [], "raw": []}
    # Warm TensorFlow up (graph machinery, thread pools) before timing anything.
    KerasWideDeepRegressor(epochs=1).fit(X_train[:256], y_train[:256])
    for _ in range(args.repeats):  # alternate, so both see the same machine load
        times["ours"].append(timed_fit(ours, X_train, y_train))
        times["raw"].append(timed_fit(raw, X_train, y_train))
    sklearn_mlp = make_pipeline(StandardScaler(), MLPRegressor(hidden_layer_sizes=[50, 50, 50], random_state=42))
    times["sklearn"] = [timed_fit(sklearn_mlp, X_train, y_train)]
    models = {"ours": ours, "raw": raw, "sklearn": sklearn_mlp}
    names = {
        "ours": "KerasWideDeepRegressor()",
        "raw": "raw Keras, same network",
        "sklearn": "sklearn MLPRegressor([50,50,50])",
    }
    print(f"{'model':36s} {'valid RMSE':>10s} {'fit s (median)':>15s}")
    for key, model in models.items():
        rmse = root_mean_squared_error(y_valid, model.predict(X_valid))
        print(f"{names[key]:36s} {rmse:10.3f} {np.median(times[key]):15.2f}")
    ratio = np.median(times["ours"]) / np.median(times["raw"])
    print(f"fit-time ratio wrapper / raw Keras: {ratio:.3f} (target <= 1.05)")


if __name__ == "__main__":
    main()

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
from sklearn.model_selection import train_test_split  # noqa: E402
from sklearn.neural_network import MLPRegressor  # noqa: E402
from sklearn.pipeline import make_pipeline  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402

from _data import load_california  # noqa: E402
from skneural.keras import KerasWideDeepRegressor  # noqa: E402


def split(X, y):
    """Train and validation sets by the text's two splits (test set unused)."""
    X_train_full, _, y_train_full, _ = train_test_split(X, y, random_state=42)
    return train_test_split(X_train_full, y_train_full, random_state=42)


class RawWideDeep:
    """The defaults of KerasWideDeepRegressor, written directly in Keras."""

    def __init__(self, reference):
        self.reference = reference  # our estimator, for its settings only

    def fit(self, X, y):
        ref = self.reference
        keras.utils.set_random_seed(42)
        low, high = np.quantile(X, [ref.clip_quantile, 1 - ref.clip_quantile], axis=0)
        self.low, self.high = low, high
        clipped = np.clip(X, low, high)
        inputs = keras.Input((X.shape[1],))
        normalized = keras.layers.Normalization(
            mean=clipped.mean(axis=0), variance=clipped.var(axis=0)
        )(inputs)
        hidden = normalized
        for units in ref.hidden_layer_sizes:
            hidden = keras.layers.Dense(units, activation=ref.activation)(hidden)
        joined = keras.layers.Concatenate()([normalized, hidden])
        main, aux = keras.layers.Dense(1)(joined), keras.layers.Dense(1)(hidden)
        self.model = keras.Model(inputs, [main, aux])
        steps = ref.epochs * -(-len(X) // ref.batch_size)
        schedule = keras.optimizers.schedules.CosineDecay(ref.learning_rate, decay_steps=steps)
        huber = keras.losses.Huber(delta=ref.huber_delta)
        self.model.compile(
            optimizer=keras.optimizers.Adam(learning_rate=schedule), loss=[huber, huber],
            loss_weights=[1 - ref.aux_loss_weight, ref.aux_loss_weight],
        )
        self.model.fit(clipped.astype(np.float32), (y, y), batch_size=ref.batch_size,
                       epochs=ref.epochs, verbose=0)
        return self

    def predict(self, X):
        clipped = np.clip(X, self.low, self.high).astype(np.float32)
        return self.model.predict(clipped, verbose=0)[0].ravel()


def timed_fit(model, X, y):
    start = time.perf_counter()
    model.fit(X, y)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    X, y = load_california(impute_median=True)
    X_train, X_valid, y_train, y_valid = split(X, y)
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

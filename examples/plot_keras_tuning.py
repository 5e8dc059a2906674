"""
Tuning a Keras model with scikit-learn's searches
=================================================

The text tunes its Fashion-MNIST network with Keras Tuner: a
``build_model`` function draws the number of hidden layers (0 to 8), their
width (16 to 256 units), a log-uniform learning rate (1e-4 to 1e-2) and the
optimiser (SGD or Adam); ``kt.RandomSearch`` tries 5 of them for 10 epochs
each and finds a best validation accuracy of 0.8736 (5 layers of 70 units,
Adam at 4.1e-4); ``kt.Hyperband`` then spends its epochs by successive
halving.

In scikit-learn the same function goes into
:class:`~skneural.keras.KerasClassifier`, its arguments become parameters of
the estimator, ``RandomSearch`` becomes
:class:`~sklearn.model_selection.RandomizedSearchCV` and ``Hyperband``
becomes :class:`~sklearn.model_selection.HalvingRandomSearchCV` with the
number of epochs as the resource: every round trains the surviving
candidates for three times as many epochs as the last and keeps the best
third.

The data are Fashion-MNIST when its files are in ``data_home``
(:func:`skneural.datasets.fetch_fashion_mnist`), MNIST otherwise. The budget
is cut to under 2 minutes on 2 CPU cores: 3,000 training images scored
on 1,000 held-out ones (the text: 55,000 and 5,000), 5 candidates of 5
epochs for the random search, and 9 candidates from 1 to 9 epochs for the
halving search. The results table (:doc:`../results`) runs the text's 10
epochs on more images.
"""

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import keras  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from scipy.stats import loguniform  # noqa: E402
from sklearn.experimental import enable_halving_search_cv  # noqa: E402, F401
from sklearn.model_selection import (  # noqa: E402
    HalvingRandomSearchCV,
    RandomizedSearchCV,
    ShuffleSplit,
)

from skneural.datasets import fetch_fashion_mnist, fetch_mnist, get_data_home  # noqa: E402
from skneural.keras import KerasClassifier  # noqa: E402

# %%
# The data: a subsample, with one held-out validation split
# ----------------------------------------------------------
# The text scores its candidates on a fixed validation set;
# ``ShuffleSplit(n_splits=1)`` holds out one, the same for every candidate.

if any((get_data_home() / "fashion_mnist").glob("*")):
    dataset, fetch = "Fashion-MNIST", fetch_fashion_mnist
else:
    dataset, fetch = "MNIST", fetch_mnist
X, y = fetch(subset="train", return_X_y=True)
subset = np.random.RandomState(42).choice(len(X), 4_000, replace=False)
X, y = X[subset].reshape(-1, 28, 28) / np.float32(255), y[subset]
validation = ShuffleSplit(n_splits=1, test_size=1_000, random_state=42)

# %%
# The text's model-building function
# ----------------------------------
# Its arguments are the hyperparameters: keyword arguments of the wrapper
# reach it by name. ``optimizer`` is also the wrapper's own parameter (what
# it compiles an uncompiled model with), so the function's ``optimizer`` is
# set as ``model__optimizer``, the prefix that routes a setting to the build
# function. The function compiles its model itself.


def build_model(n_hidden, n_neurons, learning_rate, optimizer):
    model = keras.Sequential([keras.Input((28, 28)), keras.layers.Flatten()])
    for _ in range(n_hidden):
        model.add(keras.layers.Dense(n_neurons, activation="relu"))
    model.add(keras.layers.Dense(10, activation="softmax"))
    optimizers = {"sgd": keras.optimizers.SGD, "adam": keras.optimizers.Adam}
    model.compile(loss="sparse_categorical_crossentropy",
                  optimizer=optimizers[optimizer](learning_rate=learning_rate),
                  metrics=["accuracy"])
    return model


classifier = KerasClassifier(model=build_model, n_hidden=1, n_neurons=100,
                             learning_rate=1e-3, model__optimizer="adam", epochs=5,
                             batch_size=32, verbose=0, random_state=42)
space = {
    "n_hidden": list(range(9)),
    "n_neurons": list(range(16, 257)),
    "learning_rate": loguniform(1e-4, 1e-2),
    "model__optimizer": ["sgd", "adam"],
}

# %%
# Random search: 5 candidates of 5 epochs
# ---------------------------------------

random_search = RandomizedSearchCV(classifier, space, n_iter=5, cv=validation,
                                   random_state=42, refit=False)
random_search.fit(X, y)


def described(params):
    return (f"{params['n_hidden']} x {params['n_neurons']}, {params['model__optimizer']} "
            f"{params['learning_rate']:.1e}")


print(f"{dataset}, random search: best validation accuracy "
      f"{random_search.best_score_:.4f} with {described(random_search.best_params_)}")

# %%
# Successive halving over the epochs
# ----------------------------------
# 9 candidates get 1 epoch, the best 3 get 3 epochs and the best one 9
# epochs: 21 epochs in all, where 9 candidates of 9 epochs would take 81.

halving_search = HalvingRandomSearchCV(classifier, space, n_candidates=9, factor=3,
                                       resource="epochs", min_resources=1, max_resources=9,
                                       cv=validation, random_state=42, refit=False)
halving_search.fit(X, y)
print(f"{dataset}, successive halving: best validation accuracy "
      f"{halving_search.best_score_:.4f} with {described(halving_search.best_params_)}")

# %%
# Validation accuracy per candidate
# ---------------------------------
# Left, the random search's candidates; right, every halving candidate's
# accuracy after each of its rounds, joined when it survives a round.

fig, (ax_random, ax_halving) = plt.subplots(1, 2, figsize=(11, 4.5))
results = random_search.cv_results_
ax_random.barh([described(params) for params in results["params"]],
               results["mean_test_score"], color="tab:blue")
ax_random.set(xlabel="validation accuracy", xlim=(0, 1),
              title=f"RandomizedSearchCV, {classifier.epochs} epochs each")

results = halving_search.cv_results_
for candidate in np.unique([described(params) for params in results["params"]]):
    rows = [i for i, params in enumerate(results["params"]) if described(params) == candidate]
    ax_halving.plot(results["n_resources"][rows], results["mean_test_score"][rows],
                    marker="o", label=candidate)
ax_halving.set(xlabel="epochs", ylabel="validation accuracy", xscale="log", ylim=(0, 1),
               xticks=[1, 3, 9], xticklabels=["1", "3", "9"],
               title="HalvingRandomSearchCV(resource='epochs')")
ax_halving.legend(fontsize="small", loc="lower right")
fig.suptitle(f"Tuning the text's build_model on {dataset} ({len(X) - 1_000:,} training images)")
fig.tight_layout()
plt.show()

"""Rows of the results table for the Keras estimators (SOURCES.md §2, §5): Wide &
Deep with and without auxiliary output and the Keras MLP on California housing,
a grid search over the Keras MLP classifier on a subset of MNIST, a small CNN
wrapped in KerasClassifier on MNIST, and the text's random search over a
wrapped build_model."""

import os
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
from scipy.stats import loguniform  # noqa: E402
from sklearn.model_selection import GridSearchCV, RandomizedSearchCV, ShuffleSplit  # noqa: E402
from sklearn.neural_network import MLPClassifier, MLPRegressor  # noqa: E402

from _data import (  # noqa: E402
    california_pipeline,
    california_split,
    data_home,
    load_california,
    load_fashion_mnist,
    load_mnist,
)
from _keras_models import (  # noqa: E402
    MNIST_CNN_FIT,
    MNIST_CNN_INITIAL_RATE,
    PlainKeras,
    build_mnist_cnn,
    build_tuning_model,
    mnist_cnn_learning_rate,
)
from _results_table import (  # noqa: E402
    Measurement,
    Row,
    accuracy,
    experiment,
    fit_and_score,
    measure,
    measure_pair,
    rmse,
)
from bench_california import RawWideDeep  # noqa: E402
from skneural.keras import (  # noqa: E402
    KerasClassifier,
    KerasMLPClassifier,
    KerasMLPRegressor,
    KerasWideDeepRegressor,
)

SEED = 42
CALIFORNIA_SEEDS = range(5)
AVE_OCCUP = 5  # column of the average occupancy; three validation districts exceed 500
CALIFORNIA_DATA = (
    "the 8 features of scikit-learn's fetch_california_housing derived from housing.csv, "
    "target in $100,000; train/valid/test by two train_test_split(random_state=42) as in "
    "the text"
)
# The text's Wide & Deep: no clipping, MSE, constant Adam rate 1e-3, 20 epochs of 32.
TEXT_WIDE_DEEP = dict(clip_quantile=None, clip_predictions=False, loss="squared_error",
                      learning_rate=1e-3, learning_rate_schedule="constant", epochs=20,
                      batch_size=32)
# The text's auxiliary-output variant reads features 0-4 on the wide path, 2-7 on the deep one.
SPLIT_FEATURES = dict(wide_features=range(5), deep_features=range(2, 8))
MNIST_SUBSET = 5_000
MNIST_EPOCHS = 10
GRID_SEEDS = range(5)
MNIST_GRID = {
    "hidden_layer_sizes": [(32,), (128,), (32, 32), (128, 128)],
    "learning_rate_init": [1e-3, 1e-2],
}


def _rmse_with_and_without_outliers(estimator, X, y):
    """RMSE on all of ``X``, and without the districts of average occupancy > 500."""
    typical = X[:, AVE_OCCUP] <= 500
    return rmse(estimator, X, y), rmse(estimator, X[typical], y[typical])


def _california_row(title, text, ours, reference, reference_name, X, y, description):
    """Fit ``ours`` and ``reference`` on the text's training split of ``(X, y)``
    and report their validation RMSE, also without the outlying districts."""
    X_train, X_valid, y_train, y_valid = california_split(X, y)
    data = X_train, y_train, X_valid, y_valid
    (ours, ours_typical), our_time = fit_and_score(ours, *data, _rmse_with_and_without_outliers)
    (ref, ref_typical), ref_time = fit_and_score(reference, *data,
                                                 _rmse_with_and_without_outliers)
    return Row(
        title, "§5", "validation RMSE", text, ours, ref, reference_name, our_time, ref_time,
        f"{CALIFORNIA_DATA}; {description} Without the three validation districts of "
        f"average occupancy above 500 the RMSE is {ours_typical:.4f} for skneural and "
        f"{ref_typical:.4f} for the reference.",
    )


def _wide_deep_row(title, text, settings, description):
    """Our KerasWideDeepRegressor(**settings) against the text's model of the
    same architecture written in raw Keras (see RawWideDeep)."""
    return _california_row(
        title, text, KerasWideDeepRegressor(random_state=SEED, **settings),
        RawWideDeep(KerasWideDeepRegressor(**settings, **TEXT_WIDE_DEEP), seed=SEED),
        "raw Keras, the text's model", *load_california(impute_median=True),
        "the 207 missing bedroom counts filled with the median. " + description,
    )


@experiment("california_wide_deep")
def california_wide_deep():
    return _wide_deep_row(
        "California housing, Wide & Deep", "1.115 (target <= 0.50)", dict(aux_loss_weight=0),
        "Ours: KerasWideDeepRegressor(aux_loss_weight=0, random_state=42), the defaults "
        "otherwise (all 8 features on both paths, two hidden layers of 30 ReLU units, "
        "inputs clipped to their 0.1%-99.9% training quantiles then standardised, Huber "
        "loss, Adam from 0.01 with a cosine decay, 40 epochs of 32, predictions clipped to "
        "the training targets' range). Reference: the text's "
        "plain Wide & Deep written in Keras (Normalization, Dense 30 ReLU x 2, concatenated "
        "with the normalised input, Dense 1; Adam 1e-3, MSE, 20 epochs of 32; "
        "keras.utils.set_random_seed(42)). The text's figure, 1.115, is that model's on "
        "this split: its linear wide path extrapolates on the three validation districts "
        "with an average occupancy above 500 (none above 231 in training); the clipping "
        "removes the effect.",
    )


@experiment("california_wide_deep_aux")
def california_wide_deep_aux():
    return _wide_deep_row(
        "California housing, Wide & Deep + auxiliary output", "not given",
        dict(aux_loss_weight=0.1, **SPLIT_FEATURES),
        "Features 0-4 (MedInc to Population) on the wide path, 2-7 (AveRooms to "
        "Longitude) on the deep path, and an auxiliary output on the deep path with loss "
        "weights 0.9 and 0.1, as in the text; RMSE of the main output. Ours: "
        "KerasWideDeepRegressor(wide_features=range(5), deep_features=range(2, 8), "
        "aux_loss_weight=0.1, random_state=42), the defaults otherwise (clipping, Huber "
        "loss, cosine-decayed Adam from 0.01, 40 epochs). Reference: the text's two-output "
        "model written in Keras (Normalization, Dense 30 ReLU x 2; Adam 1e-3, MSE, 20 "
        "epochs of 32; keras.utils.set_random_seed(42)).",
    )


def _california_mlp(regressor_class):
    settings = dict(random_state=SEED)
    if regressor_class is KerasMLPRegressor:  # the text's Keras training settings
        settings.update(max_iter=20, batch_size=32, alpha=0.0, learning_rate_init=1e-3)
    return california_pipeline(regressor_class, **settings)


@experiment("california_keras_mlp")
def california_keras_mlp():
    return _california_row(
        "California housing, Keras MLP [50, 50, 50]", "RMSE reported; MLPRegressor 0.505",
        _california_mlp(KerasMLPRegressor), _california_mlp(MLPRegressor), "MLPRegressor",
        *load_california(),
        "make_pipeline(SimpleImputer(strategy='median'), StandardScaler(), regressor). "
        "Ours: KerasMLPRegressor(hidden_layer_sizes=[50, 50, 50], learning_rate_init=1e-3, "
        "max_iter=20, batch_size=32, alpha=0, random_state=42): the text's Keras model "
        "(Adam 1e-3, MSE, 20 epochs). Reference: MLPRegressor(hidden_layer_sizes=[50, 50, "
        "50], random_state=42) with its defaults, as in the text's scikit-learn row. Like "
        "the text's Wide & Deep, the unclipped MLPs extrapolate on the outlying districts.",
    )


def _california_seeds(make_estimators, classes, X, y):
    """Validation RMSE over CALIFORNIA_SEEDS of ``make_estimators(cls, seed)``."""
    X_train, X_valid, y_train, y_valid = california_split(X, y)
    return measure_pair(make_estimators, classes, (X_train, y_train, X_valid, y_valid),
                        rmse, seeds=CALIFORNIA_SEEDS)


@experiment("california_keras_mlp_seeds")
def california_keras_mlp_seeds():
    ours, ref = _california_seeds(
        lambda cls, seed: california_pipeline(cls, random_state=seed),
        (KerasMLPRegressor, MLPRegressor), *load_california())
    return Row(
        "California housing, Keras MLP [50, 50, 50], defaults", "§5",
        f"validation RMSE, median [range] of {len(CALIFORNIA_SEEDS)} seeds",
        "target: median <= 0.53", ours.spread, ref.spread, "MLPRegressor",
        ours.seconds, ref.seconds,
        f"{CALIFORNIA_DATA}; make_pipeline(SimpleImputer(strategy='median'), "
        "StandardScaler(), regressor(hidden_layer_sizes=[50, 50, 50], random_state=seed)) "
        "with the defaults otherwise for both (ours: Adam 1e-3, batches of 200, at most "
        "200 epochs, stopping when the training loss stalls, clip_predictions=True), seeds "
        f"0-{len(CALIFORNIA_SEEDS) - 1}, fit time per seed. Clipping the predictions to the "
        "training targets' range keeps the three validation districts of average "
        "occupancy above 500 from swinging single seeds. Means: skneural "
        f"{ours.score:.4f}, scikit-learn {ref.score:.4f}.",
    )


@experiment("california_wide_deep_seeds")
def california_wide_deep_seeds():
    ours, ref = _california_seeds(
        lambda cls, seed: (KerasWideDeepRegressor(aux_loss_weight=0, random_state=seed)
                           if cls is KerasWideDeepRegressor
                           else california_pipeline(cls, random_state=seed)),
        (KerasWideDeepRegressor, MLPRegressor), *load_california(impute_median=True))
    return Row(
        "California housing, Wide & Deep, defaults", "§5",
        f"validation RMSE, median [range] of {len(CALIFORNIA_SEEDS)} seeds",
        "target: median <= 0.51", ours.spread, ref.spread, "MLPRegressor [50, 50, 50]",
        ours.seconds, ref.seconds,
        f"{CALIFORNIA_DATA}; the 207 missing bedroom counts filled with the median. Ours: "
        "KerasWideDeepRegressor(aux_loss_weight=0, random_state=seed) as in the "
        "california_wide_deep row; reference: the MLPRegressor pipeline of the "
        f"california_keras_mlp_seeds row; seeds 0-{len(CALIFORNIA_SEEDS) - 1}, fit time "
        f"per seed. Means: skneural {ours.score:.4f}, scikit-learn {ref.score:.4f}.",
    )


def _mnist_searches(classifier_class, data):
    """Grid search ``classifier_class`` on the MNIST subset at every seed of
    GRID_SEEDS; return the fitted searches and their test accuracies with the
    mean seconds of a search (search and refit)."""
    searches, runs = [], []
    for seed in GRID_SEEDS:
        classifier = classifier_class(max_iter=MNIST_EPOCHS, batch_size=200, random_state=seed)
        searches.append(GridSearchCV(classifier, MNIST_GRID, cv=3))
        runs.append(fit_and_score(searches[-1], *data, accuracy))
    scores, seconds = np.array(runs).T
    return searches, Measurement(scores, float(seconds.mean()))


def _best_candidates(searches, measurement):
    """The best candidate of each seed's search and its test accuracy."""
    return "; ".join(
        f"{search.best_params_['hidden_layer_sizes']} at "
        f"{search.best_params_['learning_rate_init']:g}: {score:.4f}"
        for search, score in zip(searches, measurement.scores)
    )


@experiment("mnist_keras_grid_search")
def mnist_keras_grid_search():
    X_train, y_train, X_test, y_test = load_mnist()
    rng = np.random.RandomState(0)
    subset = rng.choice(len(X_train), MNIST_SUBSET, replace=False)
    data = X_train[subset], y_train[subset], X_test, y_test
    our_searches, ours = _mnist_searches(KerasMLPClassifier, data)
    ref_searches, ref = _mnist_searches(MLPClassifier, data)
    return Row(
        "MNIST subset, GridSearchCV of the Keras MLP", "§5",
        f"test accuracy of the best, median [range] of {len(GRID_SEEDS)} seeds",
        "procedure only", ours.spread, ref.spread, "same search, MLPClassifier",
        ours.seconds, ref.seconds,
        f"{MNIST_SUBSET:,} training images drawn at random (seed 0) from the 60,000, "
        "pixels / 255; GridSearchCV(cv=3) over hidden_layer_sizes in (32,), (128,), "
        "(32, 32), (128, 128) and learning_rate_init in 1e-3, 1e-2 (8 candidates, 24 fits "
        f"and the refit), {MNIST_EPOCHS} epochs of Adam with batches of 200, "
        f"random_state=seed for seeds 0-{len(GRID_SEEDS) - 1}; accuracy of the refitted "
        "best model on the 10,000 test images; mean time of a whole search. Best "
        "candidate and its test accuracy per seed, skneural: "
        f"{_best_candidates(our_searches, ours)}; scikit-learn: "
        f"{_best_candidates(ref_searches, ref)}. Means: skneural {ours.score:.4f}, "
        f"scikit-learn {ref.score:.4f}.",
    )


CNN_SEEDS = (0, 1)
CNN_TRAIN = 60_000
TUNING_TRAIN, TUNING_VALID = 20_000, 5_000
TUNING_SPACE = {
    "n_hidden": list(range(9)),
    "n_neurons": list(range(16, 257)),
    "learning_rate": loguniform(1e-4, 1e-2),
    "model__optimizer": ["sgd", "adam"],
}


def _cnn(seed):
    return KerasClassifier(model=build_mnist_cnn, loss="sparse_categorical_crossentropy",
                           optimizer="adam",
                           optimizer__learning_rate=mnist_cnn_learning_rate(CNN_TRAIN),
                           verbose=0, random_state=seed, **MNIST_CNN_FIT)


def _plain_cnn(seed):
    return PlainKeras(build_mnist_cnn, "sparse_categorical_crossentropy", "adam",
                      mnist_cnn_learning_rate(CNN_TRAIN), MNIST_CNN_FIT, seed=seed)


@experiment("mnist_keras_cnn")
def mnist_keras_cnn():
    X_train, y_train, X_test, y_test = load_mnist()
    data = X_train.reshape(-1, 28, 28, 1), y_train, X_test.reshape(-1, 28, 28, 1), y_test
    ours = measure(_cnn, data, accuracy, CNN_SEEDS)
    plain = measure(_plain_cnn, data, accuracy, CNN_SEEDS[:1])
    return Row(
        "MNIST, small CNN in KerasClassifier", "§2",
        f"test accuracy, mean of {len(CNN_SEEDS)} seeds",
        ">= 0.99 (convolutions)", ours.score, plain.score, "plain Keras, same model",
        ours.seconds, plain.seconds,
        "60,000 training images as 28x28x1 float32 pixels / 255, 10,000 test images. "
        "A build function returning Conv2D(16, 3x3, ReLU), MaxPooling 2x2, Conv2D(32, "
        "3x3, ReLU), MaxPooling 2x2, Flatten, Dense(64, ReLU), Dense(10, softmax), "
        "uncompiled; KerasClassifier(model=build_fn, "
        "loss='sparse_categorical_crossentropy', optimizer='adam', "
        "optimizer__learning_rate=keras.optimizers.schedules.CosineDecay("
        f"{MNIST_CNN_INITIAL_RATE:g}, decay_steps=all the steps), "
        f"epochs={MNIST_CNN_FIT['epochs']}, batch_size={MNIST_CNN_FIT['batch_size']}, "
        f"random_state=seed) for seeds {', '.join(map(str, CNN_SEEDS))}; mean fit time "
        "per seed. Reference: the same build function, model.compile and model.fit by "
        "hand after keras.utils.set_random_seed(0). Test accuracy per seed through the "
        "wrapper: " + ", ".join(f"{score:.4f}" for score in ours.scores) + ".",
    )


def _tuning_data():
    """The text's data (Fashion-MNIST) when in data_home, else MNIST: a random
    subset of training and validation images, with the name of the data set."""
    if any((data_home() / "fashion_mnist").glob("*")):
        name, (X, y, _, _) = "Fashion-MNIST", load_fashion_mnist()
    else:
        name, (X, y, _, _) = "MNIST", load_mnist()
    subset = np.random.RandomState(SEED).choice(len(X), TUNING_TRAIN + TUNING_VALID,
                                                replace=False)
    return name, X[subset].reshape(-1, 28, 28), y[subset]


@experiment("keras_tuning_random_search")
def keras_tuning_random_search():
    name, X, y = _tuning_data()
    classifier = KerasClassifier(model=build_tuning_model, n_hidden=1, n_neurons=100,
                                 learning_rate=1e-3, model__optimizer="adam", epochs=10,
                                 batch_size=32, verbose=0, random_state=SEED)
    search = RandomizedSearchCV(
        classifier, TUNING_SPACE, n_iter=5, random_state=SEED, refit=False,
        cv=ShuffleSplit(n_splits=1, test_size=TUNING_VALID, random_state=SEED))
    start = time.perf_counter()
    search.fit(X, y)
    seconds = time.perf_counter() - start
    best = search.best_params_
    return Row(
        f"{name}, RandomizedSearchCV of a wrapped build_model", "§5",
        "best validation accuracy of 5 trials", "0.8736 (Fashion-MNIST)",
        search.best_score_, None, "Keras Tuner not run", seconds, None,
        f"{name}: {TUNING_TRAIN:,} training and {TUNING_VALID:,} validation images drawn "
        f"at random (seed {SEED}) from the 60,000 training images, pixels / 255 (the text: "
        "55,000 and 5,000 of Fashion-MNIST). The text's build_model(n_hidden, n_neurons, "
        "learning_rate, optimizer) (Flatten, n_hidden Dense ReLU layers of n_neurons, "
        "Dense 10 softmax, sparse categorical cross-entropy, SGD or Adam) in "
        "KerasClassifier(epochs=10, batch_size=32, random_state=42); "
        "RandomizedSearchCV(n_iter=5, cv=ShuffleSplit(n_splits=1), random_state=42) "
        "over n_hidden 0-8, n_neurons 16-256, learning_rate loguniform(1e-4, 1e-2), "
        "model__optimizer in sgd, adam, for the text's kt.RandomSearch(max_trials=5) "
        "of 10 epochs per trial; fit time of the whole search (no refit). The text's best "
        "is n_hidden=5, n_neurons=70, adam 4.1e-4; ours is "
        f"n_hidden={best['n_hidden']}, n_neurons={best['n_neurons']}, "
        f"{best['model__optimizer']} {best['learning_rate']:.1e}. Validation accuracy "
        "of the 5 candidates: "
        + ", ".join(f"{score:.4f}" for score in search.cv_results_["mean_test_score"])
        + ".",
    )

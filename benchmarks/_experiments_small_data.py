"""Rows of the results table for the small classic data sets: scikit-learn's
digits, wine, breast cancer and iris, with every estimator's defaults, scored
by 5-fold cross-validation inside ``make_pipeline(StandardScaler(), ...)``."""

import warnings

import numpy as np
from sklearn.datasets import load_breast_cancer, load_digits, load_iris, load_wine
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import Perceptron as SklearnPerceptron
from sklearn.model_selection import cross_validate
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from _results_table import Measurement, Row, experiment
from skneural import NumpyMLPClassifier, Perceptron

DATA_SETS = {"digits": load_digits, "wine": load_wine,
             "breast_cancer": load_breast_cancer, "iris": load_iris}
# title, ours, the reference, its name, the seeds: the MLPs agree with
# scikit-learn's seed by seed and are slow, so 3; a perceptron's CV accuracy
# swings with the shuffle by up to 0.04 from seed to seed (wine: medians of
# 0.9720 and 0.9748 over seeds 0-9, 0.9721 and 0.9721 over seeds 0-39), and
# 40 seeds of it take seconds.
FAMILIES = {
    "mlp": ("NumpyMLPClassifier", NumpyMLPClassifier, MLPClassifier, "MLPClassifier",
            range(3)),
    "perceptron": ("Perceptron", Perceptron, SklearnPerceptron, "sklearn Perceptron",
                   range(40)),
}


def cross_validated(cls, X, y, seeds):
    """Mean 5-fold CV accuracy of ``cls(random_state=seed)`` after scaling, per
    seed, and the mean fit time of a fold."""
    scores, seconds = [], []
    for seed in seeds:
        pipeline = make_pipeline(StandardScaler(), cls(random_state=seed))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            result = cross_validate(pipeline, X, y, cv=5)
        scores.append(result["test_score"].mean())
        seconds.append(result["fit_time"].mean())
    return Measurement(np.array(scores), float(np.mean(seconds)))


def _register(data_name, family):
    title, ours_class, reference_class, reference_name, seeds = FAMILIES[family]

    @experiment(f"small_{data_name}_{family}")
    def row():
        X, y = DATA_SETS[data_name](return_X_y=True)
        ours, ref = (cross_validated(cls, X, y, seeds) for cls in (ours_class, reference_class))
        return Row(
            f"{data_name.replace('_', ' ').capitalize()}, {title} (defaults)", "sklearn",
            f"5-fold CV accuracy, median [range] of {len(seeds)} seeds", "n/a",
            ours.spread, ref.spread, reference_name, ours.seconds, ref.seconds,
            f"load_{data_name}(); make_pipeline(StandardScaler(), estimator("
            f"random_state=seed)) with every other parameter at its default, "
            f"cross_val_score with cv=5 (stratified folds, not shuffled); seeds "
            f"{seeds.start}-{seeds.stop - 1}; fit time per fold. Means over seeds: "
            f"skneural {ours.score:.4f}, scikit-learn {ref.score:.4f}.",
        )

    return row


for _data_name in DATA_SETS:
    for _family in FAMILIES:
        _register(_data_name, _family)

"""scikit-learn's estimator checks over every skneural estimator."""

import pytest
from sklearn.utils.estimator_checks import parametrize_with_checks

from skneural import NumpyMLPClassifier, NumpyMLPRegressor
from skneural import MLPEnsembleRegressor

# Small iteration budgets keep the checks fast, as scikit-learn does for its
# own MLPs; no check is expected to fail.
ESTIMATORS = [
    NumpyMLPClassifier(max_iter=100),
    NumpyMLPRegressor(max_iter=100),
    MLPEnsembleRegressor(NumpyMLPRegressor(max_iter=100), n_estimators=2),
]


@pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")
@parametrize_with_checks(ESTIMATORS)
def test_sklearn_compatible_estimator(estimator, check):
    check(estimator)

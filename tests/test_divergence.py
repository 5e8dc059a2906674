"""A learning rate that blows training up: an error that names it, never NaN predictions."""

import numpy as np
import pytest

from tests._estimators import kind, make_estimator, public_estimator_classes
from tests.test_bad_input import make_data

RATE_PARAMETERS = ("learning_rate_init", "eta0", "learning_rate")


def _rate_parameter(cls):
    # make_estimator: the general Keras wrappers' build function takes the rate.
    names = [name for name in RATE_PARAMETERS if name in make_estimator(cls).get_params()]
    return names[0] if names else None


WITH_A_RATE = [cls for cls in public_estimator_classes() if _rate_parameter(cls)]


@pytest.mark.parametrize("cls", WITH_A_RATE, ids=lambda cls: cls.__name__)
@pytest.mark.parametrize("rate", [1e10, 1e300])
def test_huge_learning_rate_fails_clearly_or_stays_finite(cls, rate):
    X, y = make_data(kind(cls))
    name = _rate_parameter(cls)
    estimator = make_estimator(cls, **{name: rate})
    try:
        estimator.fit(X * 1e3, y * 1e3 if kind(cls) == "regressor" else y)
    except ValueError as error:
        assert name in str(error), error
        return
    scores = estimator.decision_function(X) if hasattr(estimator, "decision_function") \
        else estimator.predict(X)
    assert np.isfinite(np.asarray(scores, dtype=float)).all()


def test_every_trained_estimator_has_a_learning_rate():
    without = {cls.__name__ for cls in public_estimator_classes() if not _rate_parameter(cls)}
    assert without <= {"ThresholdLogicUnit", "KernelPerceptron", "MLPEnsembleRegressor"}, without

"""One fitted estimator answering predict from several threads at once."""

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from tests._estimators import kind, make_estimator, public_estimator_classes
from tests.test_bad_input import make_data


@pytest.mark.parametrize("cls", public_estimator_classes(), ids=lambda cls: cls.__name__)
def test_threads_get_the_same_predictions(cls):
    X, y = make_data(kind(cls), random_state=1)
    X = np.repeat(X, 20, axis=0)
    y = np.repeat(y, 20)
    estimator = make_estimator(cls).fit(X, y)
    expected = estimator.predict(X)
    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(lambda _: estimator.predict(X), range(16)))
    for answer in answers:
        np.testing.assert_array_equal(answer, expected)

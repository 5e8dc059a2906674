"""Grid searches on a real Dask cluster equal the same searches run locally."""

import joblib
import numpy as np
import pytest
from sklearn.base import clone
from sklearn.datasets import load_iris
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from skneural import NumpyMLPClassifier

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():
    """Two single-threaded worker processes on 127.0.0.1, always closed."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        yield client


def _search_both_ways(client, search, X, y):
    local = clone(search).fit(X, y)
    with distributed.get_task_stream(client) as stream, \
            joblib.parallel_config(backend="dask"):
        remote = clone(search).fit(X, y)
    workers = {task["worker"] for task in stream.data}
    return local, remote, workers


def _assert_same_search(client, search, X, y):
    local, remote, workers = _search_both_ways(client, search, X, y)
    assert workers and workers <= set(client.scheduler_info()["workers"])
    assert remote.best_params_ == local.best_params_
    np.testing.assert_allclose(remote.cv_results_["mean_test_score"],
                               local.cv_results_["mean_test_score"])


def test_numpy_mlp_pipeline_search_runs_on_the_workers(client):
    X, y = load_iris(return_X_y=True)
    pipe = make_pipeline(StandardScaler(), NumpyMLPClassifier((5,), max_iter=30, random_state=0))
    grid = {"numpymlpclassifier__alpha": [1e-4, 1e-1],
            "numpymlpclassifier__learning_rate_init": [1e-3, 1e-2]}
    _assert_same_search(client, GridSearchCV(pipe, grid, cv=3), X, y)


def test_keras_search_runs_on_the_workers(client):
    pytest.importorskip("tensorflow")
    pytest.importorskip("scikeras")
    from skneural.keras import KerasMLPClassifier

    X, y = load_iris(return_X_y=True)
    keras = KerasMLPClassifier((4,), max_iter=3, random_state=0, batch_size=32)
    grid = {"learning_rate_init": [1e-3, 1e-2]}
    _assert_same_search(client, GridSearchCV(keras, grid, cv=2), X.astype(np.float32), y)

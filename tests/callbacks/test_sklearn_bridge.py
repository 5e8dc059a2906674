"""scikit-learn's callbacks (sklearn.callback, >= 1.9) on our epoch-trained estimators."""

import pickle

import pytest
from sklearn.base import clone
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from skneural import NumpyMLPClassifier, Perceptron
from skneural.callbacks import Callback

try:
    import sklearn.callback as sklearn_callback
except ImportError:  # scikit-learn < 1.9
    sklearn_callback = None
needs_sklearn_callback = pytest.mark.skipif(
    sklearn_callback is None, reason="sklearn.callback needs scikit-learn >= 1.9"
)

pytestmark = pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")


def mlp(**params):
    params = dict(hidden_layer_sizes=(4,), max_iter=6, random_state=0, tol=0.0) | params
    return NumpyMLPClassifier(**params)


ESTIMATORS = [mlp(), Perceptron(max_iter=6, tol=None, random_state=0)]


class Tasks:
    """A scikit-learn callback recording its calls; stops at one epoch if asked."""

    max_propagation_depth = None  # passed down by meta-estimators

    def __init__(self, stop_at=None):
        self.stop_at, self.calls, self.ended = stop_at, [], []

    def setup(self, estimator, context):
        self.calls.append("setup")

    def teardown(self, estimator, context):
        self.calls.append("teardown")

    def on_fit_task_begin(self, estimator, context):
        pass

    def on_fit_task_end(self, estimator, context):
        self.ended.append(context)
        return context.task_name == "epoch" and context.task_id == self.stop_at


def lineage(context):
    """The task names from the root of the task tree down to ``context``."""
    names = []
    while context is not None:
        names.append(f"{context.estimator_name}-{context.task_name}")
        context = context.parent
    return names[::-1]


@pytest.mark.skipif(sklearn_callback is not None, reason="scikit-learn >= 1.9")
@pytest.mark.parametrize("estimator", ESTIMATORS)
def test_without_sklearn_callback_the_feature_is_absent(classification_data, estimator):
    assert not hasattr(estimator, "set_callbacks")
    assert clone(estimator).fit(*classification_data).n_iter_ >= 1


@needs_sklearn_callback
@pytest.mark.parametrize("estimator", ESTIMATORS)
def test_scoring_monitor_scores_every_epoch(classification_data, estimator):
    X, y = classification_data
    monitor = sklearn_callback.ScoringMonitor(scoring="accuracy")
    model = clone(estimator).set_callbacks(monitor).fit(X, y)
    rows = monitor.get_logs().data
    epochs = [row for row in rows if row["task_name"] == "epoch"]
    assert len(epochs) == model.n_iter_ == 6
    assert [row["task_id"] for row in epochs] == list(range(6))
    assert epochs[-1]["accuracy"] == rows[0]["accuracy"] == model.score(X, y)


@needs_sklearn_callback
@pytest.mark.parametrize("estimator", ESTIMATORS)
def test_a_stop_request_stops_the_fit(classification_data, estimator):
    tasks = Tasks(stop_at=2)
    model = clone(estimator).set_callbacks(tasks).fit(*classification_data)
    assert model.n_iter_ == 3
    assert tasks.calls == ["setup", "teardown"]
    assert not hasattr(model, "_callback_fit_ctx")


@needs_sklearn_callback
def test_teardown_runs_when_the_fit_fails(classification_data):
    class Fails(Callback):
        def on_epoch_end(self, estimator, epoch, logs):
            raise RuntimeError("boom")

    tasks = Tasks()
    model = mlp(callbacks=[Fails()]).set_callbacks(tasks)
    with pytest.raises(RuntimeError, match="boom"):
        model.fit(*classification_data)
    assert tasks.calls == ["setup", "teardown"]
    assert not hasattr(model, "_callback_fit_ctx") and not hasattr(model, "n_iter_")


@needs_sklearn_callback
def test_epochs_are_the_innermost_tasks_of_a_grid_search(classification_data):
    tasks = Tasks()
    pipeline = make_pipeline(StandardScaler(), mlp(max_iter=3))
    grid = GridSearchCV(pipeline, {"numpymlpclassifier__alpha": [1e-4, 1e-2]}, cv=2)
    grid.set_callbacks(tasks).fit(*classification_data)
    epochs = [context for context in tasks.ended if context.task_name == "epoch"]
    assert len(epochs) == (2 * 2 + 1) * 3  # candidates x folds, and the refit
    path = lineage(epochs[0])
    assert path[0] == "GridSearchCV-fit" and path[-2:] == [
        "NumpyMLPClassifier-fit", "NumpyMLPClassifier-epoch"
    ]


@needs_sklearn_callback
def test_progress_bar_shows_our_epochs_in_a_grid_search(console, classification_data):
    pipeline = make_pipeline(StandardScaler(), mlp(max_iter=3))
    grid = GridSearchCV(pipeline, {"numpymlpclassifier__alpha": [1e-4, 1e-2]}, cv=2)
    grid.set_callbacks(sklearn_callback.ProgressBar(max_propagation_depth=None))
    grid.fit(*classification_data)
    assert console.file.getvalue().count("NumpyMLPClassifier - fit") >= 2 * 2 + 1


@needs_sklearn_callback
def test_estimators_with_sklearn_callbacks_clone_and_pickle(classification_data):
    monitor = sklearn_callback.ScoringMonitor(scoring="accuracy")
    model = mlp().set_callbacks(monitor).fit(*classification_data)
    assert clone(model)._skl_callbacks == [monitor]
    loaded = pickle.loads(pickle.dumps(model))
    loaded.fit(*classification_data)
    assert loaded.predict(classification_data[0]).tolist() == model.predict(
        classification_data[0]
    ).tolist()

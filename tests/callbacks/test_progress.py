"""ProgressBar on real NumPy MLPs and perceptrons, drawn on a captured console."""

import copy
import pickle

import pytest
from rich.live import Live
from sklearn.base import clone
from sklearn.model_selection import GridSearchCV

from skneural import NumpyMLPClassifier, Perceptron
from skneural.callbacks import Callback, ModelCheckpoint, ProgressBar

pytestmark = pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")


def mlp(*callbacks, **params):
    params = dict(hidden_layer_sizes=(4,), max_iter=12, random_state=0, tol=0.0) | params
    return NumpyMLPClassifier(callbacks=list(callbacks), **params)


class Fails(Callback):
    """Raises ``error`` after epoch ``at``."""

    def __init__(self, error, at=2):
        self.error, self.at = error, at

    def on_epoch_end(self, estimator, epoch, logs):
        if epoch == self.at:
            raise self.error
        return False


def assert_no_live_display(console):
    # A new live display is the console's only one (rich < 14 raises LiveError
    # when another is active, later versions say whether it is the topmost).
    topmost = console.set_live(Live(console=console))
    console.clear_live()
    assert topmost is not False


@pytest.mark.parametrize("estimator", [mlp(max_iter=12), Perceptron(max_iter=12, tol=None)])
def test_bar_shows_the_epochs_and_the_loss(console, classification_data, estimator):
    estimator.set_params(callbacks=[ProgressBar()]).fit(*classification_data)
    output = console.file.getvalue()
    assert type(estimator).__name__ in output
    assert "12/12" in output and "loss" in output
    assert "val_score" not in output
    assert_no_live_display(console)


def test_bar_shows_the_validation_score_with_held_out_data(console, classification_data):
    X, y = classification_data
    mlp(ProgressBar()).fit(X[20:], y[20:], X_val=X[:20], y_val=y[:20])
    assert "val_score" in console.file.getvalue()


def test_bar_ends_complete_when_the_fit_stops_early(console, classification_data):
    model = mlp(ProgressBar(), max_iter=500, tol=0.5, n_iter_no_change=2)
    n_iter = model.fit(*classification_data).n_iter_
    assert n_iter < 500 and f"{n_iter}/{n_iter}" in console.file.getvalue()


def test_redraws_are_throttled(console, classification_data):
    mlp(ProgressBar(refresh_per_second=1e9), max_iter=40).fit(*classification_data)
    every_epoch = len(console.file.getvalue())
    console.file.seek(0)
    console.file.truncate()
    mlp(ProgressBar(refresh_per_second=1e-9), max_iter=40).fit(*classification_data)
    assert len(console.file.getvalue()) < every_epoch / 5


@pytest.mark.parametrize("error", [RuntimeError("boom"), ValueError("bad")])
def test_a_failed_fit_leaves_no_live_display(console, classification_data, error):
    with pytest.raises(type(error)):
        mlp(ProgressBar(), Fails(error)).fit(*classification_data)
    assert_no_live_display(console)


@pytest.mark.parametrize("estimator", [mlp(), Perceptron(max_iter=12, tol=None)])
def test_ctrl_c_leaves_no_live_display(console, classification_data, estimator):
    bar = ProgressBar()
    estimator.set_params(callbacks=[bar, Fails(KeyboardInterrupt())])
    with pytest.warns(UserWarning, match="interrupted"):
        estimator.fit(*classification_data)
    assert bar._resource is None
    assert_no_live_display(console)


def test_clone_pickle_and_copies_made_during_the_fit(console, classification_data, tmp_path):
    bar = ProgressBar(refresh_per_second=2.0)
    # ModelCheckpoint pickles a fitted copy, holding the bar, while it is live.
    model = mlp(bar, ModelCheckpoint(tmp_path / "model.pkl", monitor="loss"))
    model.fit(*classification_data)
    for copied in (clone(model), copy.deepcopy(model), pickle.loads(pickle.dumps(model))):
        assert repr(copied.callbacks[0]) == "ProgressBar(refresh_per_second=2.0)"
        copied.fit(*classification_data)
    with (tmp_path / "model.pkl").open("rb") as file:
        assert pickle.load(file).callbacks[0]._resource is None
    assert_no_live_display(console)


def test_grid_search_over_the_callbacks(console, classification_data):
    grid = GridSearchCV(
        mlp(max_iter=5),
        {"callbacks": [[ProgressBar()], [ProgressBar(refresh_per_second=1.0)]]},
        cv=2,
    ).fit(*classification_data)
    assert grid.best_estimator_.n_iter_ == 5
    assert console.file.getvalue().count("5/5") >= 5
    assert_no_live_display(console)

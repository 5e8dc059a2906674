"""TensorBoard event files written by skneural.callbacks.TensorBoard, read back
with TensorFlow's public event reader."""

import pytest

tf = pytest.importorskip("tensorflow")

from skneural import NumpyMLPRegressor, Perceptron  # noqa: E402
from skneural.callbacks import Callback, TensorBoard  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")


class Logs(Callback):
    def on_fit_begin(self, estimator):
        self.logs = []

    def on_epoch_end(self, estimator, epoch, logs):
        self.logs.append((epoch, logs))
        return False


def scalars(run_dir):
    """{tag: {step: value}} from the run's event files."""
    found = {}
    for path in run_dir.glob("events.out.tfevents.*"):
        for event in tf.compat.v1.train.summary_iterator(str(path)):
            for value in event.summary.value:
                found.setdefault(value.tag, {})[event.step] = float(
                    tf.make_ndarray(value.tensor)
                )
    return found


def test_every_epochs_logs_become_scalars(tmp_path, regression_data):
    X, y = regression_data
    board, logs = TensorBoard(tmp_path / "logs"), Logs()
    model = NumpyMLPRegressor(hidden_layer_sizes=(4,), max_iter=5, tol=0.0, random_state=0,
                              callbacks=[board, logs])
    model.fit(X[20:], y[20:], X_val=X[:20], y_val=y[:20])
    written = scalars(board.run_log_dir_)
    assert set(written) == {"loss", "learning_rate", "val_loss", "val_score"}
    for epoch, epoch_logs in logs.logs:
        for name, value in epoch_logs.items():
            assert written[name][epoch] == pytest.approx(value, rel=1e-6)


def test_each_fit_is_a_new_run(tmp_path, classification_data):
    board = TensorBoard(tmp_path)
    model = Perceptron(max_iter=3, tol=None, callbacks=[board])
    runs = {model.fit(*classification_data) and board.run_log_dir_ for _ in range(3)}
    assert len(runs) == 3 and all(run.parent == tmp_path for run in runs)
    assert all(run.name.startswith("run_") for run in runs)
    assert all(sorted(scalars(run)["loss"]) == [1, 2, 3] for run in runs)
    assert board._resource is None

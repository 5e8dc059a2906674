import numpy as np
import pytest
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from skneural import NumpyMLPClassifier, NumpyMLPRegressor
from skneural.inspection import TrainingCurveDisplay, WeightDistributionDisplay

from .conftest import FakeKerasClassifier

pytestmark = pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")


def test_curves_of_our_mlp_with_early_stopping(pyplot, digits):
    model = NumpyMLPClassifier((8,), early_stopping=True, max_iter=15, random_state=0)
    display = TrainingCurveDisplay.from_estimator(model.fit(*digits))
    assert set(display.lines_) == {"training loss", "validation loss", "validation accuracy"}
    np.testing.assert_allclose(display.lines_["training loss"].get_ydata(), model.loss_curve_)
    np.testing.assert_allclose(display.lines_["validation accuracy"].get_ydata(),
                               model.validation_scores_)
    np.testing.assert_array_equal(display.lines_["validation loss"].get_xdata(),
                                  np.arange(1, model.n_iter_ + 1))
    assert len(display.ax_) == 2
    assert display.lines_["validation accuracy"].axes is display.ax_[1]


def test_scikit_learn_mlp_without_validation_has_one_panel(pyplot, digits):
    model = make_pipeline(StandardScaler(), MLPClassifier((8,), max_iter=5, random_state=0))
    display = TrainingCurveDisplay.from_estimator(model.fit(*digits), log_loss_scale=True)
    assert list(display.lines_) == ["training loss"] and len(display.ax_) == 1
    assert display.ax_[0].get_yscale() == "log"


def test_regressor_scores_are_named_r2(pyplot, digits):
    X, y = digits
    model = NumpyMLPRegressor(hidden_layer_sizes=(4,), early_stopping=True, max_iter=5)
    display = TrainingCurveDisplay.from_estimator(model.fit(X, y))
    assert "validation R²" in display.lines_


def test_keras_history(pyplot):
    history = {"loss": [1.0, 0.5, 0.3], "val_loss": [1.1, 0.7, 0.6],
               "accuracy": [0.5, 0.7, 0.8], "val_accuracy": [0.4, 0.6, 0.7]}
    display = TrainingCurveDisplay.from_estimator(FakeKerasClassifier(history=history).fit())
    assert set(display.lines_) == {"training loss", "validation loss", "accuracy",
                                   "val_accuracy"}
    np.testing.assert_array_equal(display.lines_["val_accuracy"].get_ydata(), [0.4, 0.6, 0.7])
    legend = [text.get_text() for text in display.ax_[1].get_legend().get_texts()]
    assert legend == ["accuracy", "val_accuracy"]


def test_no_curve_is_an_error(pyplot, digits):
    model = MLPRegressor(solver="lbfgs", max_iter=5).fit(*digits)
    with pytest.raises(ValueError, match="recorded no training curve"):
        TrainingCurveDisplay.from_estimator(model)


def test_weight_distribution_per_layer(pyplot, hidden5):
    display = WeightDistributionDisplay.from_estimator(hidden5)
    assert display.ax_.shape == (2, 2)
    lines, bands = display.lines_[1, 0], display.bands_[1, 0]
    assert len(lines) == 5 and len(bands) == 2
    np.testing.assert_allclose(lines[2].get_ydata(), hidden5.weight_stats_["intercepts"][0][:, 2])
    assert [ax.get_title() for ax in display.ax_[:, 1]] == ["layer 2 weights", "layer 2 biases"]


def test_weight_distribution_sorts_percentiles(pyplot):
    stats = {"percentiles": np.array([100.0, 0.0, 50.0]),
             "coefs": [np.array([[3.0, 1.0, 2.0], [4.0, 0.0, 2.0]])],
             "intercepts": [np.zeros((2, 3))]}
    display = WeightDistributionDisplay(stats).plot()
    lines = display.lines_[0, 0]
    assert [line.get_label() for line in lines] == ["0%", "50%", "100%"]
    np.testing.assert_array_equal(lines[0].get_ydata(), [1.0, 0.0])


def test_weight_distribution_needs_recorded_statistics(pyplot, digits, one_layer):
    with pytest.raises(ValueError, match="weight_percentiles=") as error:
        WeightDistributionDisplay.from_estimator(one_layer)
    assert "NumpyMLPClassifier" in str(error.value)
    with pytest.raises(ValueError, match="recorded no weight statistics"):
        WeightDistributionDisplay.from_estimator(MLPClassifier(max_iter=2).fit(*digits))

import numpy as np
import pytest
from sklearn.exceptions import NotFittedError
from sklearn.linear_model import LogisticRegression, Perceptron
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier

from skneural import NumpyMLPClassifier
from skneural.inspection import HiddenUnitsDisplay, WeightImagesDisplay

from .conftest import FakeKerasClassifier

pytestmark = pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")


def titles(display):
    return [ax.get_title() for ax in display.ax_.flat if ax.axison]


def test_one_layer_network_output_weights_as_titled_images(pyplot, one_layer):
    display = WeightImagesDisplay.from_estimator(one_layer)
    assert len(display.images_) == 10
    assert titles(display) == [str(d) for d in range(10)]
    np.testing.assert_array_equal(display.images_[3].get_array(),
                                  one_layer.coefs_[0][:, 3].reshape(8, 8))
    assert display.ax_.shape == (2, 5)
    assert display.figure_ is display.ax_[0, 0].figure


def test_hidden_layer_units_and_chosen_layer(pyplot, hidden5):
    first = WeightImagesDisplay.from_estimator(hidden5, n_cols=5)
    assert titles(first) == [f"unit {i}" for i in range(5)]
    assert first.ax_.shape == (1, 5)
    last = WeightImagesDisplay.from_estimator(hidden5, layer=-1, image_shape=(1, 5))
    assert titles(last) == [str(d) for d in range(10)]
    assert last.images_[0].get_array().shape == (1, 5)
    with pytest.raises(ValueError, match="layer must be in"):
        WeightImagesDisplay.from_estimator(hidden5, layer=2)


@pytest.mark.parametrize("model", [
    MLPClassifier(hidden_layer_sizes=(), max_iter=20, random_state=0),
    LogisticRegression(max_iter=200),
    make_pipeline(StandardScaler(), Perceptron(random_state=0)),
])
def test_scikit_learn_models_and_pipelines(pyplot, digits, model):
    display = WeightImagesDisplay.from_estimator(model.fit(*digits), display_labels=list("abcdefghij"))
    assert len(display.images_) == 10
    assert titles(display)[:3] == ["a", "b", "c"]


def test_binary_linear_model_shows_the_positive_class(pyplot, digits):
    X, y = digits
    display = WeightImagesDisplay.from_estimator(Perceptron().fit(X, y == 3))
    assert titles(display) == ["True"]


def test_keras_dense_layers(pyplot):
    weights = [np.arange(64 * 4.0).reshape(64, 4), np.ones((4, 10))]
    display = WeightImagesDisplay.from_estimator(FakeKerasClassifier(weights=weights).fit())
    assert len(display.images_) == 4
    np.testing.assert_array_equal(display.images_[1].get_array(), weights[0][:, 1].reshape(8, 8))


def test_colour_images_are_rescaled(pyplot, digits):
    X, y = digits
    model = LogisticRegression(max_iter=200).fit(X[:, :12], y)
    display = WeightImagesDisplay.from_estimator(model)  # 12 = 2 x 2 x 3
    image = display.images_[0].get_array()
    assert image.shape == (2, 2, 3) and image.min() == 0 and image.max() == 1


def test_drawing_into_given_axes(pyplot, one_layer):
    fig, ax = pyplot.subplots()
    display = WeightImagesDisplay.from_estimator(one_layer, ax=ax)
    assert display.figure_ is fig and len(fig.axes) == 10
    fig, axes = pyplot.subplots(2, 5)
    display = WeightImagesDisplay.from_estimator(one_layer, ax=axes)
    assert display.ax_[1, 4] is axes[1, 4]
    with pytest.raises(ValueError, match="ax must hold 10 axes"):
        WeightImagesDisplay.from_estimator(one_layer, ax=axes[0])


def test_errors(pyplot, digits):
    with pytest.raises(NotFittedError):
        WeightImagesDisplay.from_estimator(NumpyMLPClassifier())
    with pytest.raises(TypeError, match="exposes no layer weights"):
        WeightImagesDisplay.from_estimator(DecisionTreeClassifier().fit(*digits))
    X, y = digits
    with pytest.raises(ValueError, match="image_shape"):
        WeightImagesDisplay.from_estimator(LogisticRegression(max_iter=50).fit(X[:, :10], y))


def test_hidden_units_filters_and_bars(pyplot, hidden5):
    display = HiddenUnitsDisplay.from_estimator(hidden5)
    assert display.ax_.shape == (2, 10)
    assert len(display.images_) == 5 and len(display.bars_) == 10
    np.testing.assert_array_equal(display.images_[2].get_array(),
                                  hidden5.coefs_[0][:, 2].reshape(8, 8))
    heights = [patch.get_height() for patch in display.bars_[7]]
    np.testing.assert_allclose(heights, hidden5.coefs_[1][:, 7])
    assert [ax.get_title() for ax in display.ax_[1]] == [str(d) for d in range(10)]
    assert [ax.axison for ax in display.ax_[0]] == [True] * 5 + [False] * 5


def test_hidden_units_needs_one_hidden_layer(pyplot, digits, one_layer):
    with pytest.raises(ValueError, match="exactly one hidden layer, got 0"):
        HiddenUnitsDisplay.from_estimator(one_layer)
    deep = NumpyMLPClassifier((4, 3), max_iter=2).fit(*digits)
    with pytest.raises(ValueError, match="got 2 hidden layers"):
        HiddenUnitsDisplay.from_estimator(make_pipeline(StandardScaler(), deep).fit(*digits))

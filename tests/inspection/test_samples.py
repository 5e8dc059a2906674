import numpy as np
import pytest
from sklearn.linear_model import Perceptron
from sklearn.metrics import confusion_matrix
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from skneural.inspection import ConfusionSamplesDisplay, MisclassifiedDisplay

pytestmark = pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")


@pytest.fixture
def predictions():
    """Six 2x2 images: sample i is filled with the value i."""
    images = np.repeat(np.arange(6.0), 4).reshape(6, 4)
    y_true = np.array([0, 0, 1, 1, 2, 2])
    y_pred = np.array([0, 1, 1, 1, 2, 0])
    confidence = np.array([0.9, 0.6, 0.7, 0.8, 0.5, 0.4])
    return y_true, y_pred, images, confidence


def test_confusion_samples_pick_the_most_confident_sample(pyplot, predictions):
    y_true, y_pred, images, confidence = predictions
    display = ConfusionSamplesDisplay.from_predictions(
        y_true, y_pred, images, confidence=confidence, display_labels=["a", "b", "c"])
    np.testing.assert_array_equal(display.sample_indices,
                                  [[0, 1, -1], [-1, 3, -1], [5, -1, 4]])
    np.testing.assert_array_equal(display.confusion_matrix, confusion_matrix(y_true, y_pred))
    assert display.images_[1, 1].get_array()[0, 0] == 3
    assert display.images_[0, 2] is None
    assert display.ax_[0, 1].get_title() == "1" and display.ax_[1, 1].get_title() == "2"
    assert display.ax_[2, 0].get_ylabel() == "true c"
    assert display.ax_[2, 1].get_xlabel() == "predicted b"


def test_confusion_samples_without_confidence_take_the_first(pyplot, predictions):
    y_true, y_pred, images, _ = predictions
    display = ConfusionSamplesDisplay.from_predictions(y_true, y_pred, images)
    assert display.sample_indices[1, 1] == 2
    assert display.display_labels == ["0", "1", "2"]


@pytest.mark.parametrize("model", [
    make_pipeline(StandardScaler(), MLPClassifier((8,), max_iter=30, random_state=0)),
    Perceptron(random_state=0),  # decision_function, no predict_proba
])
def test_confusion_samples_from_estimator(pyplot, digits, model):
    X, y = digits
    model.fit(X, y)
    display = ConfusionSamplesDisplay.from_estimator(model, X, y, images=X * 16)
    np.testing.assert_array_equal(display.confusion_matrix,
                                  confusion_matrix(y, model.predict(X)))
    for (i, j), index in np.ndenumerate(display.sample_indices):
        if index >= 0:
            assert (y[index], model.predict(X[index:index + 1])[0]) == (i, j)
            np.testing.assert_array_equal(display.images_[i, j].get_array(),
                                          X[index].reshape(8, 8) * 16)
    assert display.ax_.shape == (10, 10)


def test_misclassified_first(pyplot, predictions):
    y_true, y_pred, images, _ = predictions
    display = MisclassifiedDisplay.from_predictions(
        y_true, y_pred, images, display_labels=["cat", "dog", "eel"], n_images=4)
    np.testing.assert_array_equal(display.shown_indices_, [1, 5, 0, 2])
    assert len(display.images_) == 4
    first, third = display.ax_.flat[0], display.ax_.flat[2]
    assert first.get_title() == "true cat\npred. dog"
    assert first.title.get_color() == "tab:red" and third.title.get_color() == "black"
    assert display.images_[1].get_array()[0, 0] == 5


def test_misclassified_from_estimator_in_a_pipeline(pyplot, digits):
    X, y = digits
    model = make_pipeline(StandardScaler(), Perceptron(max_iter=3, random_state=0)).fit(X, y)
    display = MisclassifiedDisplay.from_estimator(model, X, y, n_images=12, n_cols=6)
    n_wrong = int(np.sum(model.predict(X) != y))
    assert 0 < n_wrong
    shown_wrong = [y[i] != model.predict(X[i:i + 1])[0] for i in display.shown_indices_]
    assert shown_wrong == sorted(shown_wrong, reverse=True)
    assert display.ax_.shape == (2, 6)


def test_misclassified_rejects_wrong_number_of_names(pyplot, predictions):
    y_true, y_pred, images, _ = predictions
    with pytest.raises(ValueError, match="display_labels has 2 names for the 3 labels"):
        MisclassifiedDisplay.from_predictions(y_true, y_pred, images, display_labels=["a", "b"])

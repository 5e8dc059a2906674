"""Target encoders (skneural.keras._encoders)."""

import numpy as np
import pytest

pytest.importorskip("tensorflow")

from skneural.keras import ClassifierLabelEncoder, RegressorTargetEncoder  # noqa: E402


def test_labels_become_ordinals_and_come_back():
    y = np.array(["b", "a", "c", "a"])
    encoder = ClassifierLabelEncoder().fit(y)
    np.testing.assert_array_equal(encoder.transform(y).ravel(), [1, 0, 2, 0])
    proba = np.eye(3)[[1, 0, 2, 0]]
    np.testing.assert_array_equal(encoder.inverse_transform(proba), y)
    assert encoder.get_metadata()["n_classes_"] == 3 and encoder.target_type_ == "multiclass"


def test_categorical_crossentropy_gets_one_hot_rows():
    encoder = ClassifierLabelEncoder(loss="categorical_crossentropy").fit(np.array([0, 2, 1]))
    np.testing.assert_array_equal(encoder.transform(np.array([2, 0])), [[0, 0, 1], [1, 0, 0]])


def test_binary_sigmoid_output_gives_two_probability_columns():
    encoder = ClassifierLabelEncoder().fit(np.array([3, 7, 7]))
    proba = encoder.inverse_transform(np.array([[0.2], [0.9]]), return_proba=True)
    np.testing.assert_allclose(proba, [[0.8, 0.2], [0.1, 0.9]])
    np.testing.assert_array_equal(encoder.inverse_transform(np.array([[0.2], [0.9]])), [3, 7])


def test_known_classes_are_kept_when_y_misses_some():
    encoder = ClassifierLabelEncoder(categories=[np.array([0, 1, 2])]).fit(np.array([0, 1]))
    assert encoder.n_classes_ == 3 and encoder.target_type_ == "multiclass"


def test_one_hot_indicator_rows_predict_one_hot_rows():
    y = np.eye(3)[[0, 2, 1]]
    encoder = ClassifierLabelEncoder().fit(y)
    assert encoder.target_type_ == "multiclass-onehot"
    np.testing.assert_array_equal(encoder.inverse_transform(np.array([[0.2, 0.5, 0.3]])), [[0, 1, 0]])


def test_multiclass_multioutput_is_refused():
    with pytest.raises(ValueError, match="Multioutput target data is not supported"):
        ClassifierLabelEncoder().fit(np.array([[0, 1], [2, 0], [1, 2]]))


def test_regression_targets_keep_their_shape():
    encoder = RegressorTargetEncoder().fit(np.zeros((4, 2)))
    assert encoder.get_metadata() == {"n_outputs_": 2, "n_outputs_expected_": 1}
    assert encoder.inverse_transform(np.ones((3, 2))).shape == (3, 2)
    assert RegressorTargetEncoder().fit(np.zeros(4)).inverse_transform(np.ones((3, 1))).shape == (3,)
    with pytest.raises(ValueError, match="shape"):
        encoder.transform(np.zeros((4, 3)))

"""clip_predictions of the ready-made Keras regressors: the MLP and Wide & Deep."""

import pickle

import numpy as np
import pytest

pytest.importorskip("tensorflow")

from sklearn.base import clone  # noqa: E402

from skneural.keras import KerasMLPRegressor, KerasWideDeepRegressor  # noqa: E402

# Wide & Deep without its input clipping, so that far inputs extrapolate.
REGRESSORS = {
    "mlp": lambda **kwargs: KerasMLPRegressor(
        hidden_layer_sizes=(4,), max_iter=2, batch_size=200, run_eagerly=True,
        random_state=0, **kwargs),
    "wide_deep": lambda **kwargs: KerasWideDeepRegressor(
        hidden_layer_sizes=(4,), epochs=2, clip_quantile=None, run_eagerly=True,
        random_state=0, **kwargs),
}
regressors = pytest.mark.parametrize("make", REGRESSORS.values(), ids=REGRESSORS)


def _far_inputs(X):
    """Inputs far beyond the training ones: a ReLU network extrapolates linearly."""
    return np.vstack([X[:5] * 1e3, -X[:5] * 1e3])


@regressors
def test_predictions_are_clipped_to_the_training_targets(regression_data, make):
    X, y = regression_data
    clipped = make().fit(X, y)
    unclipped = make(clip_predictions=False).fit(X, y)
    np.testing.assert_array_equal(clipped.target_range_, [[y.min()], [y.max()]])
    raw = unclipped.predict(_far_inputs(X))
    assert raw.min() < y.min() or raw.max() > y.max()
    np.testing.assert_allclose(clipped.predict(_far_inputs(X)), np.clip(raw, y.min(), y.max()))


def test_wide_deep_clips_the_main_output_of_a_model_with_an_auxiliary_one(regression_data):
    X, y = regression_data
    reg = REGRESSORS["wide_deep"](aux_loss_weight=0.5).fit(X, y)
    y_pred = reg.predict(_far_inputs(X))
    assert y_pred.shape == (10,)
    assert np.all((y_pred >= y.min()) & (y_pred <= y.max()))


@regressors
def test_target_range_leaves_out_zero_weights_and_widens_with_partial_fit(
        regression_data, make):
    X, y = regression_data
    weight = np.where(y == y.max(), 0.0, 1.0)
    reg = make().fit(X, y, sample_weight=weight)
    assert reg.target_range_[1, 0] == y[weight > 0].max()
    reg.partial_fit(X[:20], y[:20] + 1e3)
    assert reg.target_range_[1, 0] == (y[:20] + 1e3).max()
    assert reg.target_range_[0, 0] == y.min()


@regressors
def test_clipping_of_several_outputs_is_per_output(regression_data, make):
    X, y = regression_data
    Y = np.column_stack([y, 10 * y])
    y_pred = make().fit(X, Y).predict(_far_inputs(X))
    assert np.all((y_pred >= Y.min(axis=0)) & (y_pred <= Y.max(axis=0)))


@regressors
def test_clipping_survives_pickling_and_clone(regression_data, make):
    X, y = regression_data
    reg = make().fit(X, y)
    restored = pickle.loads(pickle.dumps(reg))
    np.testing.assert_array_equal(restored.target_range_, reg.target_range_)
    np.testing.assert_allclose(restored.predict(_far_inputs(X)), reg.predict(_far_inputs(X)))
    assert not clone(make(clip_predictions=False)).clip_predictions
    with pytest.raises(ValueError, match="clip_predictions"):
        make(clip_predictions="yes").fit(X, y)

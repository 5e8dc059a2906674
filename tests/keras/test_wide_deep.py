"""KerasWideDeepRegressor: paths, auxiliary output, losses and robust inputs."""

import numpy as np
import pytest

pytest.importorskip("tensorflow")

from skneural.keras import KerasWideDeepRegressor  # noqa: E402
from skneural.keras._wide_deep import learn_clipping  # noqa: E402

TINY = dict(hidden_layer_sizes=(4,), epochs=2, run_eagerly=True, random_state=0)


def test_wide_and_deep_features_by_name(regression_data):
    pd = pytest.importorskip("pandas")
    X, y = regression_data
    frame = pd.DataFrame(X, columns=["a", "b", "c", "d"])
    reg = KerasWideDeepRegressor(wide_features=["a", "b"], deep_features=["b", "c", "d"], **TINY)
    reg.fit(frame, y)
    assert reg.model_.get_layer("wide_features").columns == [0, 1]
    assert reg.model_.get_layer("deep_features").columns == [1, 2, 3]


@pytest.mark.parametrize(
    "features, message",
    [(["z"], "not among the feature names"), ([7], "column indices in"), ([], "at least one column")],
)
def test_bad_feature_selection_is_refused(regression_data, features, message):
    X, y = regression_data
    with pytest.raises(ValueError, match=message):
        KerasWideDeepRegressor(wide_features=features, **TINY).fit(X, y)


def test_auxiliary_output_is_optional(regression_data):
    X, y = regression_data
    with_aux = KerasWideDeepRegressor(**TINY).fit(X, y)
    without = KerasWideDeepRegressor(aux_loss_weight=0.0, **TINY).fit(X, y)
    assert len(with_aux.model_.outputs) == 2 and "aux_loss" in with_aux.history_
    assert len(without.model_.outputs) == 1
    assert with_aux.predict(X).shape == without.predict(X).shape == y.shape


@pytest.mark.parametrize("combine", ["concat", "sum"])
@pytest.mark.parametrize("loss", ["squared_error", "huber"])
def test_combine_and_loss_options_train(regression_data, combine, loss):
    X, y = regression_data
    reg = KerasWideDeepRegressor(combine=combine, loss=loss, **TINY).fit(X, y)
    assert np.isfinite(reg.predict(X)).all()
    assert reg.history_["loss"][-1] < reg.history_["loss"][0]


def test_an_int_hidden_layer_sizes_is_one_layer(regression_data):
    X, y = regression_data
    reg = KerasWideDeepRegressor(**{**TINY, "hidden_layer_sizes": 5}).fit(X, y)
    assert reg.model_.get_layer("aux").input.shape == (None, 5)


def test_learn_clipping_bounds_outliers():
    X = np.arange(1000.0).reshape(-1, 1)
    lower, upper, mean, scale = learn_clipping(X, 0.01)
    assert lower[0] == pytest.approx(9.99) and upper[0] == pytest.approx(989.01)
    assert mean[0] == pytest.approx(499.5) and scale[0] > 0


def test_clipping_stops_the_wide_path_from_extrapolating(regression_data):
    X, y = regression_data
    outlier = X[:1] * 1000
    clipped = KerasWideDeepRegressor(clip_quantile=0.0, **TINY).fit(X, y)
    unclipped = KerasWideDeepRegressor(clip_quantile=None, **TINY).fit(X, y)
    assert abs(clipped.predict(outlier)[0]) < np.abs(clipped.predict(X)).max() + 1e-6
    assert abs(unclipped.predict(outlier)[0]) > np.abs(unclipped.predict(X)).max()


@pytest.mark.slow
def test_california_housing_validation_rmse(data_home):
    from sklearn.impute import SimpleImputer
    from sklearn.metrics import root_mean_squared_error
    from sklearn.model_selection import train_test_split

    from skneural.datasets import fetch_california_housing

    X, y = fetch_california_housing(data_home=data_home, return_X_y=True)
    X = SimpleImputer(strategy="median").fit_transform(X)  # as benchmarks/bench_california.py
    X_train_full, _, y_train_full, _ = train_test_split(X, y, random_state=42)
    X_train, X_valid, y_train, y_valid = train_test_split(X_train_full, y_train_full,
                                                          random_state=42)
    reg = KerasWideDeepRegressor(random_state=42).fit(X_train, y_train)
    # 0.499 when this test was written; 0.503 with TensorFlow 2.21 / Keras 3.15;
    # getting it back under 0.50 is part of the defaults issue.
    assert root_mean_squared_error(y_valid, reg.predict(X_valid)) <= 0.51

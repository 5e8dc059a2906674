"""SciKeras's documented API, written as its users write it, run through skneural.keras.

One test per feature of SciKeras 0.13's Quickstart, Advanced Usage, migration
guide and tutorials (MLP, data transformers, autoencoder): only the import
differs from SciKeras user code.
"""

import numpy as np
import pytest

pytest.importorskip("tensorflow")

import keras  # noqa: E402
from sklearn.base import BaseEstimator, TransformerMixin  # noqa: E402
from sklearn.metrics import accuracy_score, r2_score  # noqa: E402
from sklearn.preprocessing import FunctionTransformer, LabelEncoder  # noqa: E402
from sklearn.utils.class_weight import compute_sample_weight  # noqa: E402

from skneural.keras import BaseWrapper, KerasClassifier, KerasRegressor  # noqa: E402
from tests.keras._user_models import (  # noqa: E402
    BatchCounter,
    batch_size_model,
    classifier_model,
    compiled_classifier_model,
    fixed_weight_model,
    regressor_model,
)

# Eager steps: no graph tracing per fit, which keeps these tiny fits fast.
QUIET = dict(verbose=0, run_eagerly=True)


@pytest.fixture
def multiclass_data(rng):
    """90 samples, 4 features, three string classes."""
    X = rng.normal(size=(90, 4)).astype("float32")
    y = np.array(["cat", "dog", "fish"])[np.argmax(X[:, :3], axis=1)]
    return X, y


def binary_classifier(**params):
    defaults = dict(model=classifier_model, loss="binary_crossentropy", **QUIET)
    return KerasClassifier(**{**defaults, **params})


# -- model= ------------------------------------------------------------------


def test_model_is_a_build_function(classification_data):
    X, y = classification_data
    clf = binary_classifier(epochs=2).fit(X, y)
    assert isinstance(clf.model_, keras.Model)
    assert clf.predict(X).shape == y.shape
    assert set(clf.predict(X)) <= {0, 1}


def test_model_is_a_prebuilt_keras_model(classification_data):
    X, y = classification_data
    model = fixed_weight_model(4, 1, activation="sigmoid")
    weights = model.get_weights()
    clf = KerasClassifier(model=model, loss="binary_crossentropy", **QUIET).fit(X, y)
    # SciKeras trains the instance itself; skneural trains a copy of it (weights
    # included), so fits are independent and the user's model never changes.
    assert clf.model_ is not model
    for before, after in zip(weights, model.get_weights()):
        np.testing.assert_array_equal(before, after)
    assert clf.predict(X).shape == y.shape


def test_build_fn_is_a_deprecated_alias_of_model(classification_data):
    X, y = classification_data
    with pytest.warns(Warning, match="build_fn"):
        clf = KerasClassifier(build_fn=classifier_model, loss="binary_crossentropy", **QUIET)
        clf.fit(X, y)
    assert clf.predict(X).shape == y.shape


# -- arguments of the build function ------------------------------------------


@pytest.mark.parametrize("name", ["n_hidden", "model__n_hidden"])
def test_keyword_arguments_reach_the_build_function(classification_data, name):
    X, y = classification_data
    clf = binary_classifier(**{name: 7}).fit(X, y)
    assert clf.model_.layers[0].units == 7
    assert clf.get_params()[name] == 7


def test_model_prefix_overrides_the_plain_keyword(classification_data):
    X, y = classification_data
    clf = binary_classifier(n_hidden=3, model__n_hidden=5).fit(X, y)
    assert clf.model_.layers[0].units == 5


def test_build_function_receives_meta(multiclass_data):
    X, y = multiclass_data
    seen = {}

    def build(meta):
        seen.update(meta)
        return classifier_model(meta)

    KerasClassifier(build, loss="sparse_categorical_crossentropy", **QUIET).fit(X, y)
    assert seen["n_features_in_"] == 4
    assert seen["target_type_"] == "multiclass"
    assert seen["n_classes_"] == 3
    assert list(seen["classes_"]) == ["cat", "dog", "fish"]
    assert seen["n_outputs_expected_"] == 1


def test_build_function_receives_compile_kwargs(classification_data):
    X, y = classification_data
    seen = {}

    def build(meta, compile_kwargs):
        seen.update(compile_kwargs)
        return classifier_model(meta)

    clf = binary_classifier(model=build, optimizer="sgd", optimizer__learning_rate=0.05,
                            metrics=["accuracy"])
    clf.fit(X, y)
    # "All optimizers, losses and metrics will be compiled to objects"
    assert isinstance(seen["optimizer"], keras.optimizers.SGD)
    assert float(seen["optimizer"].learning_rate) == pytest.approx(0.05)
    assert callable(seen["loss"]) and not isinstance(seen["loss"], str)
    assert len(seen["metrics"]) == 1


def test_build_function_receives_params(classification_data):
    X, y = classification_data
    seen = {}

    def build(meta, params, n_hidden):
        seen.update(params)
        return classifier_model(meta, n_hidden)

    clf = binary_classifier(model=build, optimizer="sgd", n_hidden=3)
    clf.fit(X, y)
    assert seen["optimizer"] == "sgd"  # the raw parameter, not compiled
    assert seen["n_hidden"] == 3
    assert seen.keys() == clf.get_params().keys()


def test_optimizer_is_not_passed_as_a_keyword_to_the_build_function(classification_data):
    X, y = classification_data
    seen = {}

    def build(meta, **kwargs):
        seen.update(kwargs)
        return classifier_model(meta)

    binary_classifier(model=build, optimizer="sgd").fit(X, y)
    assert "optimizer" not in seen


def test_build_function_may_compile_the_model_itself(classification_data):
    X, y = classification_data
    clf = KerasClassifier(compiled_classifier_model, optimizer="sgd", metrics=["accuracy"],
                          **QUIET)
    clf.fit(X, y)
    # compiled in the build function: not re-compiled, so `metrics` is ignored
    assert isinstance(clf.model_.optimizer, keras.optimizers.SGD)
    assert clf.model_.loss == "binary_crossentropy"
    assert set(clf.history_) == {"loss"}


# -- compiling an uncompiled model ---------------------------------------------


@pytest.mark.parametrize(
    "optimizer",
    ["sgd", keras.optimizers.SGD, keras.optimizers.SGD(learning_rate=0.02)],
    ids=["string", "class", "instance"],
)
def test_optimizer_as_string_class_or_instance(regression_data, optimizer):
    X, y = regression_data
    reg = KerasRegressor(regressor_model, loss="mse", optimizer=optimizer, **QUIET).fit(X, y)
    assert isinstance(reg.model_.optimizer, keras.optimizers.SGD)


@pytest.mark.parametrize(
    "loss",
    ["mean_absolute_error", keras.losses.MeanAbsoluteError, keras.losses.MeanAbsoluteError()],
    ids=["string", "class", "instance"],
)
def test_loss_as_string_class_or_instance(regression_data, loss):
    X, y = regression_data
    reg = KerasRegressor(regressor_model, loss=loss, **QUIET).fit(X, y)
    mae = np.mean(np.abs(reg.predict(X) - y))
    np.testing.assert_allclose(reg.model_.evaluate(X, y, verbose=0), mae, rtol=1e-4)


@pytest.mark.parametrize(
    "metric",
    ["mean_absolute_error", keras.metrics.MeanAbsoluteError, keras.metrics.MeanAbsoluteError()],
    ids=["string", "class", "instance"],
)
def test_metrics_as_string_class_or_instance(regression_data, metric):
    X, y = regression_data
    reg = KerasRegressor(regressor_model, loss="mse", metrics=[metric], epochs=2, **QUIET)
    reg.fit(X, y)
    assert len(reg.history_["mean_absolute_error"]) == 2


def test_optimizer_routing(regression_data):
    X, y = regression_data
    reg = KerasRegressor(
        regressor_model, loss="mse", optimizer=keras.optimizers.SGD,
        optimizer__learning_rate=0.03, optimizer__momentum=0.5, **QUIET,
    )
    reg.fit(X, y)
    assert float(reg.model_.optimizer.learning_rate) == pytest.approx(0.03)
    assert reg.model_.optimizer.momentum == pytest.approx(0.5)


def test_loss_routing(regression_data):
    X, y = regression_data
    reg = KerasRegressor(regressor_model, loss=keras.losses.Huber, loss__delta=0.25, **QUIET)
    error = np.abs(reg.fit(X, y).predict(X) - y)
    quadratic = np.minimum(error, 0.25)
    huber = np.mean(0.5 * quadratic**2 + 0.25 * (error - quadratic))
    assert float(reg.model_.loss(y[:, None], reg.predict(X)[:, None])) == pytest.approx(
        huber, rel=1e-4)


def test_loss_routing_to_each_item_and_by_index(classification_data):
    # Advanced Usage, "multiple losses with routed parameters"
    X, y = classification_data
    seen = {}

    def build(meta, compile_kwargs):
        seen.update(compile_kwargs)
        return classifier_model(meta)

    clf = KerasClassifier(
        build,
        loss=[keras.losses.BinaryCrossentropy, keras.losses.CategoricalCrossentropy],
        loss__from_logits=True,
        loss__label_smoothing=0.1,
        loss__1__label_smoothing=0.5,
        **QUIET,
    )
    clf.initialize(X, y)
    first, second = seen["loss"]
    assert first.get_config()["from_logits"] and second.get_config()["from_logits"]
    assert first.get_config()["label_smoothing"] == pytest.approx(0.1)
    assert second.get_config()["label_smoothing"] == pytest.approx(0.5)


def test_metrics_routing(regression_data):
    X, y = regression_data
    reg = KerasRegressor(
        regressor_model, loss="mse", metrics=[keras.metrics.MeanAbsoluteError],
        metrics__0__name="my_mae", epochs=2, **QUIET,
    )
    reg.fit(X, y)
    assert len(reg.history_["my_mae"]) == 2


# -- fit__, predict__, score__ and callbacks -----------------------------------


def batch_size_regressor(**params):
    return KerasRegressor(batch_size_model, loss="mse", callbacks=[BatchCounter()], **QUIET,
                          **params)


def test_fit_and_predict_routing(regression_data):
    X, y = regression_data
    BatchCounter.reset()
    reg = batch_size_regressor(batch_size=80, fit__batch_size=20, predict__batch_size=40)
    predictions = reg.fit(X, y).predict(X)
    assert BatchCounter.counts["train"] == 4
    np.testing.assert_array_equal(predictions, 40)


def test_routed_batch_sizes_through_set_params(regression_data):
    # migration guide: clf.set_params(fit__batch_size=32, predict__batch_size=10000)
    X, y = regression_data
    BatchCounter.reset()
    reg = batch_size_regressor().set_params(fit__batch_size=40, predict__batch_size=80)
    np.testing.assert_array_equal(reg.fit(X, y).predict(X), 80)
    assert BatchCounter.counts["train"] == 2


def test_callbacks_also_run_in_predict(classification_data):
    # SciKeras hands ``callbacks`` to Model.predict too
    X, y = classification_data
    BatchCounter.reset()
    binary_classifier(callbacks=[BatchCounter()], batch_size=40).fit(X, y).predict(X)
    assert BatchCounter.counts["predict"] == 2


def test_score_routing(classification_data):
    X, y = classification_data
    clf = binary_classifier(score__normalize=False).fit(X, y)
    n_correct = np.sum(clf.predict(X) == y)
    assert clf.score(X, y) == n_correct


def test_callbacks_as_instances(classification_data):
    X, y = classification_data
    stop = keras.callbacks.EarlyStopping(monitor="loss", min_delta=100, patience=0)
    clf = binary_classifier(epochs=5, callbacks=[stop]).fit(X, y)
    assert len(clf.history_["loss"]) == 2


def test_callbacks_as_a_class_with_routed_parameters(classification_data):
    X, y = classification_data
    clf = binary_classifier(
        epochs=5, callbacks=keras.callbacks.EarlyStopping,
        callbacks__monitor="loss", callbacks__min_delta=100, callbacks__patience=0,
    ).fit(X, y)
    assert len(clf.history_["loss"]) == 2


class Schedule:
    """Advanced Usage's learning-rate schedule, given to LearningRateScheduler."""

    def __init__(self, wait_until_epoch=1, coef=0.1):
        self.wait_until_epoch = wait_until_epoch
        self.coef = coef

    def __call__(self, epoch, lr):
        return lr if epoch < self.wait_until_epoch else lr * float(np.exp(-self.coef))


def test_callbacks_routed_by_position(classification_data):
    X, y = classification_data
    clf = binary_classifier(
        epochs=3, optimizer="sgd", optimizer__learning_rate=0.1,
        callbacks=keras.callbacks.LearningRateScheduler,
        callbacks__0=Schedule, callbacks__0__coef=np.log(2),
    ).fit(X, y)
    assert float(clf.model_.optimizer.learning_rate) == pytest.approx(0.025, rel=1e-5)


def test_callbacks_as_a_dict_routed_by_key(classification_data):
    X, y = classification_data
    clf = binary_classifier(
        epochs=5,
        callbacks={"lrs": keras.callbacks.LearningRateScheduler,
                   "es": keras.callbacks.EarlyStopping},
        callbacks__lrs__0=Schedule,
        callbacks__es__monitor="loss", callbacks__es__min_delta=100, callbacks__es__patience=0,
    ).fit(X, y)
    assert len(clf.history_["loss"]) == 2


# -- fit parameters ------------------------------------------------------------


def test_epochs(classification_data):
    X, y = classification_data
    assert len(binary_classifier(epochs=3).fit(X, y).history_["loss"]) == 3
    assert len(binary_classifier(epochs=3, fit__epochs=2).fit(X, y).history_["loss"]) == 2


def test_batch_size_minus_one_uses_all_samples(regression_data):
    X, y = regression_data
    BatchCounter.reset()
    predictions = batch_size_regressor(batch_size=-1, epochs=2).fit(X, y).predict(X)
    assert BatchCounter.counts["train"] == 2
    np.testing.assert_array_equal(predictions, len(X))


def test_validation_split_and_validation_batch_size(classification_data):
    X, y = classification_data
    BatchCounter.reset()
    clf = binary_classifier(validation_split=0.5, validation_batch_size=10,
                            metrics=["accuracy"], callbacks=[BatchCounter()])
    clf.fit(X, y)
    assert BatchCounter.counts["test"] == 4
    assert set(clf.history_) == {"loss", "accuracy", "val_loss", "val_accuracy"}


def fixed_weight_sgd_regressor(shuffle):
    return KerasRegressor(
        fixed_weight_model(4, 1), loss="mse", optimizer="sgd", optimizer__learning_rate=0.01,
        batch_size=8, epochs=2, shuffle=shuffle, random_state=0, **QUIET,
    )


def test_shuffle(regression_data):
    X, y = regression_data
    reference = fixed_weight_model(4, 1)
    reference.compile(optimizer=keras.optimizers.SGD(0.01), loss="mse")
    reference.fit(X, y, batch_size=8, epochs=2, shuffle=False, verbose=0)
    in_order = fixed_weight_sgd_regressor(shuffle=False).fit(X, y)
    shuffled = fixed_weight_sgd_regressor(shuffle=True).fit(X, y)
    expected = reference.predict(X, verbose=0).ravel()
    np.testing.assert_allclose(in_order.predict(X), expected, rtol=1e-5)
    assert not np.allclose(shuffled.predict(X), expected, rtol=1e-5)


def test_verbose(classification_data, capsys):
    X, y = classification_data
    binary_classifier(epochs=2).fit(X, y).predict(X)
    assert capsys.readouterr().out == ""
    binary_classifier(epochs=2, verbose=1).fit(X, y)
    assert "Epoch 2/2" in capsys.readouterr().out


@pytest.mark.parametrize("run_eagerly", [False, True])
def test_run_eagerly(classification_data, run_eagerly):
    X, y = classification_data
    clf = binary_classifier(run_eagerly=run_eagerly).fit(X, y)
    assert clf.model_.run_eagerly == run_eagerly


def test_warm_start_keeps_the_model_and_resets_the_history(classification_data):
    X, y = classification_data
    builds = []

    def build(meta):
        builds.append(meta)
        return classifier_model(meta)

    clf = binary_classifier(model=build, epochs=2, warm_start=True)
    clf.fit(X, y)
    model, weights = clf.model_, clf.model_.get_weights()
    clf.fit(X, y)
    assert len(builds) == 1 and clf.model_ is model
    assert len(clf.history_["loss"]) == 2
    assert not np.allclose(clf.model_.get_weights()[0], weights[0])
    clf.set_params(warm_start=False).fit(X, y)
    assert len(builds) == 2


def test_random_state_gives_reproducible_fits(classification_data):
    X, y = classification_data
    first = binary_classifier(epochs=2, batch_size=16, random_state=5).fit(X, y)
    second = binary_classifier(epochs=2, batch_size=16, random_state=5).fit(X, y)
    np.testing.assert_array_equal(first.predict_proba(X), second.predict_proba(X))
    assert first.history_["loss"] == second.history_["loss"]


def test_class_weight_acts_as_sample_weights(classification_data):
    X, y = classification_data
    class_weight = {0: 1.0, 1: 5.0}
    settings = dict(epochs=2, batch_size=16, random_state=0)
    weighted = binary_classifier(class_weight=class_weight, **settings).fit(X, y)
    by_samples = binary_classifier(**settings).fit(
        X, y, sample_weight=compute_sample_weight(class_weight, y))
    plain = binary_classifier(**settings).fit(X, y)
    np.testing.assert_allclose(weighted.history_["loss"], by_samples.history_["loss"], rtol=1e-5)
    assert weighted.history_["loss"][0] != pytest.approx(plain.history_["loss"][0])


def test_class_weight_balanced(classification_data):
    X, y = classification_data
    clf = binary_classifier(class_weight="balanced").fit(X, y)
    assert clf.predict(X).shape == y.shape


# -- methods -------------------------------------------------------------------


def test_initialize_builds_without_training(classification_data):
    X, y = classification_data
    clf = binary_classifier()
    assert not clf.initialized_
    assert clf.initialize(X, y) is clf
    assert clf.initialized_ and not getattr(clf, "history_", None)
    assert clf.predict(X).shape == y.shape


def test_initialize_a_prebuilt_model_without_a_target(regression_data):
    # the AutoEncoder tutorial: BaseWrapper(model).initialize(X).predict(X)
    X, _ = regression_data
    model = fixed_weight_model(4, 2)
    predictions = BaseWrapper(model, predict__verbose=0).initialize(X).predict(X)
    np.testing.assert_allclose(predictions, model.predict(X, verbose=0), rtol=1e-6)


def test_partial_fit_trains_one_epoch_per_call(classification_data):
    X, y = classification_data
    clf = binary_classifier(epochs=5)
    clf.partial_fit(X, y)
    model = clf.model_
    clf.partial_fit(X, y)
    assert clf.model_ is model
    assert clf.current_epoch == len(clf.history_["loss"]) == 2


def test_partial_fit_with_classes(multiclass_data):
    X, y = multiclass_data
    seen = y != "fish"
    clf = KerasClassifier(classifier_model, loss="sparse_categorical_crossentropy", **QUIET)
    clf.partial_fit(X[seen], y[seen], classes=np.array(["cat", "dog", "fish"]))
    clf.partial_fit(X, y)
    assert list(clf.classes_) == ["cat", "dog", "fish"] and clf.n_classes_ == 3
    assert clf.predict_proba(X).shape == (len(X), 3)


def test_fit_with_sample_weight(classification_data):
    X, y = classification_data
    settings = dict(epochs=2, batch_size=16, random_state=0)
    unit = binary_classifier(**settings).fit(X, y, sample_weight=np.ones(len(y)))
    plain = binary_classifier(**settings).fit(X, y)
    weighted = binary_classifier(**settings).fit(X, y, sample_weight=np.linspace(0.1, 2, len(y)))
    np.testing.assert_allclose(unit.history_["loss"], plain.history_["loss"], rtol=1e-6)
    assert weighted.history_["loss"][0] != pytest.approx(plain.history_["loss"][0])


def test_predict_proba_binary_has_two_columns(classification_data):
    X, y = classification_data
    proba = binary_classifier().fit(X, y).predict_proba(X)
    assert proba.shape == (len(X), 2)
    np.testing.assert_allclose(proba.sum(axis=1), 1, rtol=1e-6)


def test_predict_proba_multiclass(multiclass_data):
    X, y = multiclass_data
    clf = KerasClassifier(classifier_model, loss="sparse_categorical_crossentropy", **QUIET)
    proba = clf.fit(X, y).predict_proba(X)
    assert proba.shape == (len(X), 3)
    np.testing.assert_array_equal(clf.classes_[np.argmax(proba, axis=1)], clf.predict(X))


def test_score_is_accuracy_for_the_classifier(multiclass_data):
    X, y = multiclass_data
    clf = KerasClassifier(classifier_model, loss="sparse_categorical_crossentropy", **QUIET)
    clf.fit(X, y)
    assert clf.score(X, y) == pytest.approx(accuracy_score(y, clf.predict(X)))


def test_score_is_r2_for_the_regressor(regression_data):
    X, y = regression_data
    reg = KerasRegressor(regressor_model, loss="mse", **QUIET).fit(X, y)
    assert reg.score(X, y) == pytest.approx(r2_score(y, reg.predict(X)), rel=1e-5)


def test_categorical_crossentropy_one_hot_encodes_the_target(multiclass_data):
    # migration guide: pass loss="categorical_crossentropy" to get a one-hot target
    X, y = multiclass_data
    clf = KerasClassifier(classifier_model, loss="categorical_crossentropy", **QUIET).fit(X, y)
    assert clf.target_encoder_.transform(y).shape == (len(y), 3)
    assert set(clf.predict(X)) <= {"cat", "dog", "fish"}


def test_regressor_with_several_target_columns(regression_data):
    X, y = regression_data
    Y = np.column_stack([y, -y])
    reg = KerasRegressor(regressor_model, loss="mse", **QUIET).fit(X, Y)
    assert reg.predict(X).shape == Y.shape
    assert reg.n_outputs_expected_ == 1


# -- fitted attributes ---------------------------------------------------------


def test_history_is_a_dict_of_lists_per_epoch(classification_data):
    X, y = classification_data
    clf = binary_classifier(epochs=3, metrics=["accuracy"]).fit(X, y)
    assert set(clf.history_) == {"loss", "accuracy"}
    assert all(len(values) == 3 for values in clf.history_.values())


def test_model_attribute_is_the_compiled_keras_model(classification_data):
    X, y = classification_data
    clf = binary_classifier(optimizer="adam").fit(X, y)
    assert isinstance(clf.model_, keras.Model) and clf.model_.compiled
    assert isinstance(clf.model_.optimizer, keras.optimizers.Adam)


def test_classes_and_n_classes(multiclass_data):
    X, y = multiclass_data
    clf = KerasClassifier(classifier_model, loss="sparse_categorical_crossentropy", **QUIET)
    clf.fit(X, y)
    assert list(clf.classes_) == ["cat", "dog", "fish"] and clf.n_classes_ == 3
    assert clf.n_outputs_expected_ == 1


def test_n_features_in(regression_data):
    X, y = regression_data
    reg = KerasRegressor(regressor_model, loss="mse", **QUIET).fit(X, y)
    assert reg.n_features_in_ == 4


def test_target_and_feature_encoders(multiclass_data):
    X, y = multiclass_data
    clf = KerasClassifier(classifier_model, loss="sparse_categorical_crossentropy", **QUIET)
    clf.fit(X, y)
    np.testing.assert_array_equal(
        clf.target_encoder_.transform(y).ravel(), LabelEncoder().fit_transform(y))
    np.testing.assert_array_equal(clf.feature_encoder_.transform(X), X)


# -- data transformers: multi-output and multi-input models --------------------


class BinaryAndMulticlassTarget(BaseEstimator, TransformerMixin):
    """Splits a two-column target into a binary and a multiclass output."""

    def fit(self, y):
        self.encoders_ = [LabelEncoder().fit(y[:, 0]), LabelEncoder().fit(y[:, 1])]
        self.n_classes_ = [len(encoder.classes_) for encoder in self.encoders_]
        self.n_outputs_expected_ = 2
        return self

    def transform(self, y):
        return [encoder.transform(y[:, i]) for i, encoder in enumerate(self.encoders_)]

    def inverse_transform(self, y, return_proba=False):
        if return_proba:
            return np.column_stack(y)
        binary = (np.ravel(y[0]) > 0.5).astype(int)
        multiclass = np.argmax(y[1], axis=1)
        return np.column_stack([
            self.encoders_[0].inverse_transform(binary),
            self.encoders_[1].inverse_transform(multiclass),
        ])

    def get_metadata(self):
        return {"n_classes_": self.n_classes_, "n_outputs_expected_": self.n_outputs_expected_}


class MultiOutputClassifier(KerasClassifier):
    @property
    def target_encoder(self):
        return BinaryAndMulticlassTarget()

    @staticmethod
    def scorer(y_true, y_pred, **kwargs):
        return np.mean([accuracy_score(y_true[:, i], y_pred[:, i]) for i in range(2)])


def two_head_model(meta):
    inputs = keras.Input((meta["n_features_in_"],))
    hidden = keras.layers.Dense(8, activation="relu")(inputs)
    binary = keras.layers.Dense(1, activation="sigmoid")(hidden)
    multiclass = keras.layers.Dense(meta["n_classes_"][1], activation="softmax")(hidden)
    model = keras.Model(inputs, [binary, multiclass])
    model.compile(loss=["binary_crossentropy", "sparse_categorical_crossentropy"])
    return model


def test_multi_output_model_through_a_target_encoder(rng):
    y = np.column_stack([rng.randint(0, 2, 100), rng.randint(0, 4, 100)])
    X = (y - y.mean(axis=0)) / y.std(axis=0)
    clf = MultiOutputClassifier(model=two_head_model, epochs=2, random_state=0, **QUIET)
    clf.fit(X, y)
    assert clf.n_outputs_expected_ == 2 and clf.n_classes_ == [2, 4]
    assert clf.predict(X).shape == y.shape
    assert 0 <= clf.score(X, y) <= 1


def test_multi_output_with_a_wrong_number_of_outputs_is_refused(rng):
    y = np.column_stack([rng.randint(0, 2, 100), rng.randint(0, 4, 100)])
    X = y.astype(float)
    clf = MultiOutputClassifier(model=classifier_model, loss="binary_crossentropy", **QUIET)
    with pytest.raises(ValueError):
        clf.fit(X, y)


class MultiInputRegressor(KerasRegressor):
    @property
    def feature_encoder(self):
        return FunctionTransformer(func=lambda X: [X[:, 0], X[:, 1]])


def two_input_model():
    first, second = keras.Input((1,)), keras.Input((1,))
    merged = keras.layers.Concatenate()([
        keras.layers.Dense(8, activation="relu")(first),
        keras.layers.Dense(4, activation="relu")(second),
    ])
    model = keras.Model([first, second], keras.layers.Dense(1)(merged))
    model.compile(loss="mse")
    return model


def test_multi_input_model_through_a_feature_encoder(rng):
    X = rng.uniform(size=(100, 2))
    y = X.sum(axis=1)
    reg = MultiInputRegressor(model=two_input_model, epochs=2, random_state=0, **QUIET)
    reg.fit(X, y)
    assert reg.predict(X).shape == y.shape
    assert np.isfinite(reg.score(X, y))


# -- subclassing ---------------------------------------------------------------


class MLPClassifier(KerasClassifier):
    """The MLP tutorial's self-contained classifier."""

    def __init__(self, hidden_layer_sizes=(8,), optimizer="adam", epochs=2, verbose=0,
                 **kwargs):
        super().__init__(**kwargs)
        self.hidden_layer_sizes = hidden_layer_sizes
        self.optimizer = optimizer
        self.epochs = epochs
        self.verbose = verbose

    def _keras_build_fn(self, compile_kwargs):
        model = keras.Sequential([keras.Input((self.n_features_in_,))])
        for size in self.hidden_layer_sizes:
            model.add(keras.layers.Dense(size, activation="relu"))
        if self.target_type_ == "binary":
            model.add(keras.layers.Dense(1, activation="sigmoid"))
            loss = "binary_crossentropy"
        else:
            model.add(keras.layers.Dense(self.n_classes_, activation="softmax"))
            loss = "sparse_categorical_crossentropy"
        model.compile(loss=loss, optimizer=compile_kwargs["optimizer"])
        return model


def test_subclass_with_keras_build_fn(multiclass_data):
    X, y = multiclass_data
    clf = MLPClassifier(hidden_layer_sizes=(6, 5)).fit(X, y)
    assert [layer.units for layer in clf.model_.layers] == [6, 5, 3]
    assert isinstance(clf.model_.optimizer, keras.optimizers.Adam)
    assert clf.get_params()["hidden_layer_sizes"] == (6, 5)
    assert clf.score(X, y) >= 0


class AutoEncoder(BaseWrapper, TransformerMixin):
    """The autoencoder tutorial's transformer over BaseWrapper."""

    def _keras_build_fn(self, encoding_dim, meta):
        n_features = meta["n_features_in_"]
        encoder_input = keras.Input((n_features,))
        encoder = keras.Model(
            encoder_input, keras.layers.Dense(encoding_dim, activation="relu")(encoder_input))
        decoder_input = keras.Input((encoding_dim,))
        decoder = keras.Model(
            decoder_input, keras.layers.Dense(n_features, activation="sigmoid")(decoder_input))
        inputs = keras.Input((n_features,))
        self.encoder_model_ = BaseWrapper(encoder, verbose=self.verbose)
        self.decoder_model_ = BaseWrapper(decoder, verbose=self.verbose)
        return keras.Model(inputs, decoder(encoder(inputs)))

    def fit(self, X, sample_weight=None):
        super().fit(X=X, y=X, sample_weight=sample_weight)
        encoded = self.encoder_model_.initialize(X).predict(X)
        self.decoder_model_.initialize(encoded)
        return self

    def transform(self, X):
        return self.encoder_model_.predict(self.feature_encoder_.transform(X))

    def inverse_transform(self, X_tf):
        return self.feature_encoder_.inverse_transform(self.decoder_model_.predict(X_tf))


def test_basewrapper_subclass_autoencoder(rng):
    X = rng.uniform(size=(60, 6)).astype("float32")
    autoencoder = AutoEncoder(loss="binary_crossentropy", encoding_dim=2, epochs=2,
                              random_state=0, verbose=0)
    encoded = autoencoder.fit(X).transform(X)
    assert encoded.shape == (60, 2)
    assert autoencoder.inverse_transform(encoded).shape == X.shape
    assert autoencoder.get_params()["encoding_dim"] == 2


# -- state ---------------------------------------------------------------------


def test_current_epoch_counts_across_partial_fits(classification_data):
    X, y = classification_data
    clf = binary_classifier(epochs=2)
    assert clf.current_epoch == 0
    clf.fit(X, y)
    assert clf.current_epoch == 2
    clf.partial_fit(X, y)
    assert clf.current_epoch == 3
    clf.fit(X, y)
    assert clf.current_epoch == 2


def test_initialized_(classification_data):
    X, y = classification_data
    clf = binary_classifier()
    assert clf.initialized_ is False
    assert clf.fit(X, y).initialized_ is True

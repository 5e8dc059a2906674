import pickle

import numpy as np
import pytest
from sklearn.datasets import make_regression
from sklearn.linear_model import Ridge

from skneural import MLPEnsembleRegressor, NumpyMLPRegressor
from skneural.callbacks import Callback

pytestmark = pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")


@pytest.fixture
def interval_data():
    """A 1-D curve sampled on [-1, 1] only."""
    X = np.linspace(-1, 1, 60).reshape(-1, 1)
    return X, np.sin(3 * X).ravel()


def small_member(**params):
    return NumpyMLPRegressor(hidden_layer_sizes=(16,), solver="lbfgs", max_iter=300, **params)


def test_members_have_distinct_seeds_and_cycled_activations(interval_data):
    X, y = interval_data
    ensemble = MLPEnsembleRegressor(small_member(), n_estimators=5,
                                    activations=["relu", "tanh"], random_state=0).fit(X, y)
    assert [m.activation for m in ensemble.estimators_] == ["relu", "tanh", "relu", "tanh", "relu"]
    seeds = {m.random_state for m in ensemble.estimators_}
    assert len(seeds) == 5
    assert ensemble.estimator.random_state is None  # the template is left untouched


def test_mean_and_std_are_those_of_the_members(interval_data):
    X, y = interval_data
    ensemble = MLPEnsembleRegressor(small_member(), n_estimators=3, random_state=0).fit(X, y)
    members = np.stack([m.predict(X) for m in ensemble.estimators_])
    mean, std = ensemble.predict(X, return_std=True)
    np.testing.assert_allclose(mean, members.mean(axis=0))
    np.testing.assert_allclose(std, members.std(axis=0))
    np.testing.assert_allclose(ensemble.predict(X), mean)
    assert ensemble.predict_members(X).shape == (3, len(X))
    assert ensemble.score(X, y) > 0.95


def test_spread_grows_outside_the_training_interval(interval_data):
    X, y = interval_data
    ensemble = MLPEnsembleRegressor(small_member(), n_estimators=6, activations=("relu", "tanh"),
                                    random_state=0).fit(X, y)
    _, std_inside = ensemble.predict(X, return_std=True)
    _, std_outside = ensemble.predict(np.array([[-3.0], [3.0]]), return_std=True)
    assert std_outside.min() > 5 * std_inside.mean()


def test_parallel_fit_equals_sequential_fit(interval_data):
    X, y = interval_data
    sequential = MLPEnsembleRegressor(small_member(), n_estimators=3, random_state=1).fit(X, y)
    parallel = MLPEnsembleRegressor(small_member(), n_estimators=3, n_jobs=2,
                                    random_state=1).fit(X, y)
    np.testing.assert_allclose(parallel.predict(X), sequential.predict(X))


def test_multi_output_and_pickling():
    X, y = make_regression(n_samples=80, n_features=4, n_targets=2, random_state=0)
    ensemble = MLPEnsembleRegressor(small_member(), n_estimators=2, random_state=0).fit(X, y)
    mean, std = ensemble.predict(X, return_std=True)
    assert mean.shape == std.shape == (80, 2)
    restored = pickle.loads(pickle.dumps(ensemble))
    np.testing.assert_array_equal(restored.predict(X), mean)


def test_default_member_and_float32(interval_data):
    X, y = interval_data
    ensemble = MLPEnsembleRegressor(n_estimators=2, random_state=0).fit(X.astype(np.float32), y)
    assert isinstance(ensemble.estimators_[0], NumpyMLPRegressor)
    assert ensemble.predict(X.astype(np.float32)).dtype == np.float32


def test_rejects_empty_activations(interval_data):
    with pytest.raises(ValueError, match="at least one activation"):
        MLPEnsembleRegressor(small_member(), n_estimators=2, activations=[]).fit(*interval_data)


def test_any_seeded_regressor_can_be_a_member_without_activations(interval_data):
    X, y = interval_data
    ensemble = MLPEnsembleRegressor(Ridge(solver="sag"), n_estimators=2, random_state=0)
    assert ensemble.fit(X, y).predict(X).shape == (60,)
    with pytest.raises(ValueError, match="activation"):
        ensemble.set_params(activations="tanh").fit(X, y)


class CtrlC(Callback):
    """Raises KeyboardInterrupt, as Ctrl-C does, at ``epoch`` of the ``fit``-th fit.

    The fits are counted on the class, which the members' clones share.
    """

    fits = 0

    def __init__(self, fit, epoch):
        self.fit = fit
        self.epoch = epoch

    def on_fit_begin(self, estimator):
        CtrlC.fits += 1
        self._number = CtrlC.fits

    def on_epoch_end(self, estimator, epoch, logs):
        if (self._number, epoch) == (self.fit, self.epoch):
            raise KeyboardInterrupt
        return False


class Fails(Callback):
    def on_epoch_end(self, estimator, epoch, logs):
        raise RuntimeError("boom")


@pytest.fixture(autouse=True)
def count_fits_afresh():
    CtrlC.fits = 0


def sgd_member(*callbacks, **params):
    params = dict(hidden_layer_sizes=(8,), learning_rate_init=0.01, max_iter=5, tol=0.0,
                  n_iter_no_change=100) | params
    return NumpyMLPRegressor(callbacks=list(callbacks), **params)


def test_ctrl_c_stops_the_ensemble_and_keeps_the_finished_members(interval_data):
    X, y = interval_data
    ensemble = MLPEnsembleRegressor(sgd_member(CtrlC(fit=2, epoch=3)), n_estimators=4,
                                    random_state=0)
    with pytest.warns(UserWarning, match="during member 2 of 4; .* already finished \\(1\\)\\."):
        ensemble.fit(X, y)
    assert CtrlC.fits == 2  # no member started after the interrupted one
    assert len(ensemble.estimators_) == 1 and ensemble.estimators_[0].n_iter_ == 5
    alone = MLPEnsembleRegressor(sgd_member(), n_estimators=1, random_state=0).fit(X, y)
    np.testing.assert_array_equal(ensemble.predict(X), alone.predict(X))


def test_ctrl_c_in_the_first_member_leaves_the_ensemble_as_it_was(interval_data):
    X, y = interval_data
    ensemble = MLPEnsembleRegressor(sgd_member(), n_estimators=2, random_state=0).fit(X, y)
    before = ensemble.predict(X)
    ensemble.set_params(estimator=sgd_member(CtrlC(fit=1, epoch=2)))
    with pytest.raises(KeyboardInterrupt):
        ensemble.fit(X, y)
    np.testing.assert_array_equal(ensemble.predict(X), before)
    assert len(ensemble.estimators_) == 2


def test_warm_start_continues_the_members_and_adds_new_ones(interval_data):
    X, y = interval_data
    ensemble = MLPEnsembleRegressor(sgd_member(), n_estimators=2, random_state=0).fit(X, y)
    curves = [list(member.loss_curve_) for member in ensemble.estimators_]
    ensemble.set_params(warm_start=True, n_estimators=3).fit(X, y)
    for member, curve in zip(ensemble.estimators_, curves):
        assert member.n_iter_ == 5 and member.loss_curve_[:5] == curve
        assert len(member.loss_curve_) == 10 and not member.warm_start
    fresh = MLPEnsembleRegressor(sgd_member(), n_estimators=3, random_state=0).fit(X, y)
    np.testing.assert_array_equal(ensemble.estimators_[2].predict(X),
                                  fresh.estimators_[2].predict(X))
    with pytest.raises(ValueError, match="n_estimators=2 must be at least .* \\(3\\)"):
        ensemble.set_params(n_estimators=2).fit(X, y)


def test_warm_start_needs_members_with_warm_start(interval_data):
    X, y = interval_data
    ensemble = MLPEnsembleRegressor(Ridge(), n_estimators=2, warm_start=True).fit(X, y)
    with pytest.raises(ValueError, match="Ridge has no warm_start parameter"):
        ensemble.fit(X, y)


def test_partial_fit_creates_then_updates_every_member(interval_data):
    X, y = interval_data
    ensemble = MLPEnsembleRegressor(sgd_member(), n_estimators=3, random_state=0)
    ensemble.partial_fit(X, y).partial_fit(X, y)
    assert [len(member.loss_curve_) for member in ensemble.estimators_] == [2, 2, 2]
    member = ensemble.estimators_[1]
    alone = sgd_member(random_state=member.random_state).partial_fit(X, y).partial_fit(X, y)
    np.testing.assert_array_equal(member.predict(X), alone.predict(X))
    with pytest.raises(ValueError, match="X has 2 features"):
        ensemble.partial_fit(np.hstack([X, X]), y)
    assert not hasattr(MLPEnsembleRegressor(small_member()), "partial_fit")


def test_ctrl_c_in_partial_fit_keeps_the_members_not_reached(interval_data):
    X, y = interval_data
    # Fits 1-3 create the members; fit 5 is the second update of member 2.
    ensemble = MLPEnsembleRegressor(sgd_member(CtrlC(fit=5, epoch=1)), n_estimators=3,
                                    random_state=0).partial_fit(X, y)
    message = "finished \\(1\\) and, unchanged, those not reached \\(2\\)"
    with pytest.warns(UserWarning, match=message):
        ensemble.partial_fit(X, y)
    assert [len(member.loss_curve_) for member in ensemble.estimators_] == [2, 1, 1]


def test_a_failed_partial_fit_leaves_every_member_as_it_was(interval_data):
    X, y = interval_data
    ensemble = MLPEnsembleRegressor(sgd_member(), n_estimators=2, random_state=0)
    before = ensemble.partial_fit(X, y).predict_members(X)
    ensemble.estimators_[1].set_params(callbacks=[Fails()])
    with pytest.raises(RuntimeError, match="boom"):
        ensemble.partial_fit(X, y)
    np.testing.assert_array_equal(ensemble.predict_members(X), before)
    assert [len(member.loss_curve_) for member in ensemble.estimators_] == [1, 1]

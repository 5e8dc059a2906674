"""Training batches reshuffled at every epoch, also in a seeded fit."""

import keras
import numpy as np
import pytest
import scipy.sparse as sp

from skneural.keras import KerasRegressor
from skneural.keras._shuffling import reshuffled_batches


class _RowRecorder(keras.layers.Layer):
    """Passes its input on and records the first column of each batch
    (the model runs eagerly, so the values are at hand)."""

    def __init__(self, seen, **kwargs):
        super().__init__(**kwargs)
        self.record = seen.append  # a list attribute would be copied by Keras's tracking

    def call(self, inputs):
        self.record(np.asarray(inputs)[:, 0].astype(int).tolist())
        return inputs

    def compute_output_shape(self, input_shape):
        return input_shape


def _recording_regressor(seen, **params):
    def build():
        inputs = keras.Input((1,))
        return keras.Model(inputs, keras.layers.Dense(1)(_RowRecorder(seen)(inputs)))

    return KerasRegressor(build, loss="mse", optimizer="sgd", run_eagerly=True, verbose=0,
                          batch_size=4, **params)


def _epoch_orders(seen, n_batches):
    return [sum(seen[start:start + n_batches], []) for start in range(0, len(seen), n_batches)]


X_ROWS = np.arange(10, dtype=np.float32).reshape(-1, 1)
Y_ZEROS = np.zeros(10)


def test_a_seeded_fit_visits_the_rows_in_a_new_order_every_epoch():
    seen = []
    _recording_regressor(seen, epochs=3, random_state=0).fit(X_ROWS, Y_ZEROS)
    orders = _epoch_orders(seen, n_batches=3)
    assert len(orders) == 3
    assert all(sorted(order) == list(range(10)) for order in orders)
    assert len({tuple(order) for order in orders}) == 3


def test_the_same_random_state_repeats_the_orders_and_another_changes_them():
    runs = {}
    for key, seed in (("first", 0), ("again", 0), ("other", 1)):
        runs[key] = []
        _recording_regressor(runs[key], epochs=2, random_state=seed).fit(X_ROWS, Y_ZEROS)
    assert runs["first"] == runs["again"]
    assert runs["first"] != runs["other"]


def test_each_partial_fit_call_takes_a_new_order():
    seen = []
    regressor = _recording_regressor(seen, random_state=0)
    regressor.partial_fit(X_ROWS, Y_ZEROS)
    regressor.partial_fit(X_ROWS, Y_ZEROS)
    first, second = _epoch_orders(seen, n_batches=3)
    assert first != second


def test_shuffle_false_keeps_the_rows_in_order():
    seen = []
    _recording_regressor(seen, epochs=2, shuffle=False, random_state=0).fit(X_ROWS, Y_ZEROS)
    assert _epoch_orders(seen, n_batches=3) == [list(range(10))] * 2


def test_the_batches_keep_rows_together_across_nested_inputs_and_weights():
    X = {"a": np.arange(7.0).reshape(-1, 1), "b": np.arange(7.0).reshape(-1, 1) * 10}
    y = [np.arange(7), np.arange(7) * 2.0]
    weight = np.arange(7, dtype=np.float32) / 10
    batches, n_batches = reshuffled_batches((X, y, weight), batch_size=3, seed=0)
    assert n_batches == 3
    batches = batches.take(n_batches)
    rows = []
    for (batch_X, batch_y, batch_weight) in batches.as_numpy_iterator():
        assert batch_X["a"].dtype == np.float32 and batch_y[0].dtype == np.int64
        np.testing.assert_array_equal(batch_X["b"][:, 0], batch_X["a"][:, 0] * 10)
        np.testing.assert_array_equal(batch_y[1], batch_y[0] * 2.0)
        np.testing.assert_allclose(batch_weight, batch_y[0] / 10)
        rows.extend(batch_y[0].tolist())
    assert sorted(rows) == list(range(7))
    assert [len(batch[2]) for batch in batches.as_numpy_iterator()] == [3, 3, 1]


@pytest.mark.parametrize("data", [
    (sp.csc_matrix(np.eye(4)), np.zeros(4)),
    (np.eye(4), None),
], ids=["CSC matrix", "no target"])
def test_data_keras_must_batch_itself_gets_no_pipeline(data):
    assert reshuffled_batches(data, batch_size=2, seed=0) is None


def test_sparse_rows_are_taken_whole_and_in_step_with_the_target():
    dense = np.array([[0, 2.0, 0], [1, 0, 3], [0, 0, 0], [4, 5, 6], [0, 7, 0]])
    X = sp.csr_matrix(dense)
    batches, n_batches = reshuffled_batches((X, np.arange(5)), batch_size=2, seed=0)
    rows = []
    for batch_X, batch_y in batches.take(n_batches):
        np.testing.assert_array_equal(keras.ops.convert_to_numpy(
            keras.ops.convert_to_tensor(batch_X, sparse=False)), dense[batch_y.numpy()])
        rows.extend(batch_y.numpy().tolist())
    assert sorted(rows) == list(range(5))


def test_one_iterator_gives_every_epoch_in_a_new_order():
    batches, n_batches = reshuffled_batches((X_ROWS, Y_ZEROS), batch_size=4, seed=0)
    rows = [batch_X[:, 0].astype(int).tolist()
            for batch_X, _ in batches.take(2 * n_batches).as_numpy_iterator()]
    first, second = _epoch_orders(rows, n_batches)
    assert sorted(first) == sorted(second) == list(range(10))
    assert first != second

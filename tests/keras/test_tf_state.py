"""TensorFlow's global state around a wrapper call (skneural.keras._tf_state)."""

import logging
import random
import threading

import numpy as np
import pytest

tf = pytest.importorskip("tensorflow")

from skneural.keras._tf_state import quiet_retracing, seeded, without_graph_optimizer  # noqa: E402


@pytest.mark.parametrize("outer_seed", [None, 11])
def test_seeded_restores_every_global_generator(outer_seed):
    tf.random.set_seed(outer_seed)
    python_state, numpy_state = random.getstate(), np.random.get_state()[1].copy()
    with seeded(3):
        first = (random.random(), np.random.rand(), float(tf.random.uniform(())))
    with seeded(3):
        second = (random.random(), np.random.rand(), float(tf.random.uniform(())))
    assert first == second
    assert random.getstate() == python_state
    np.testing.assert_array_equal(np.random.get_state()[1], numpy_state)
    assert tf.compat.v1.random.get_seed(None)[0] == outer_seed
    tf.random.set_seed(None)


def test_quiet_retracing_drops_only_that_warning_and_only_inside(caplog):
    logger = tf.get_logger()
    with caplog.at_level(logging.WARNING, logger=logger.name):
        with quiet_retracing(), quiet_retracing():
            logger.warning("5 out of the last 5 calls triggered tf.function retracing.")
            logger.warning("something else")
        logger.warning("later: triggered tf.function retracing.")
    messages = [record.getMessage() for record in caplog.records]
    assert messages == ["something else", "later: triggered tf.function retracing."]


def _graph_optimizer_off():
    return tf.config.optimizer.get_experimental_options()["disable_meta_optimizer"]


@pytest.mark.parametrize("outer", [False, True])
def test_without_graph_optimizer_puts_the_setting_back(outer):
    tf.config.optimizer.set_experimental_options({"disable_meta_optimizer": outer})
    try:
        with without_graph_optimizer():
            with without_graph_optimizer():
                assert _graph_optimizer_off()
            assert _graph_optimizer_off()
        assert _graph_optimizer_off() == outer
    finally:
        tf.config.optimizer.set_experimental_options({"disable_meta_optimizer": False})


def test_without_graph_optimizer_blocks_overlapping_in_threads():
    first_inside, first_may_leave = threading.Event(), threading.Event()

    def first():
        with without_graph_optimizer():
            first_inside.set()
            first_may_leave.wait(10)

    thread = threading.Thread(target=first)
    thread.start()
    first_inside.wait(10)
    with without_graph_optimizer():
        first_may_leave.set()
        thread.join(10)
        assert _graph_optimizer_off()  # the first block left, this one still runs
    assert not _graph_optimizer_off()

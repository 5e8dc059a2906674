"""Compile arguments from parameters, and history names (skneural.keras._compile)."""

import pytest

pytest.importorskip("tensorflow")

import keras  # noqa: E402
import numpy as np  # noqa: E402

from skneural.keras._compile import (  # noqa: E402
    compile_kwargs, history_key, make_optimizer,
)

NAMES = {"optimizer", "loss", "metrics", "run_eagerly"}


def test_strings_become_keras_objects_with_routed_parameters():
    kwargs = compile_kwargs(
        {"optimizer": "sgd", "optimizer__learning_rate": 0.5, "optimizer__momentum": 0.9,
         "loss": keras.losses.Huber, "loss__delta": 2.0, "metrics": ["mae", "accuracy"],
         "run_eagerly": True, "compile__jit_compile": False, "epochs": 3},
        NAMES,
    )
    assert isinstance(kwargs["optimizer"], keras.optimizers.SGD)
    assert kwargs["optimizer"].momentum == 0.9
    assert float(kwargs["optimizer"].learning_rate) == pytest.approx(0.5)
    huber = kwargs["loss"]
    assert isinstance(huber, keras.losses.Huber)
    assert float(huber(np.zeros(1), np.full(1, 3.0))) == pytest.approx(4.0)  # linear past delta=2
    assert isinstance(kwargs["metrics"][0], keras.metrics.MeanAbsoluteError)
    assert kwargs["metrics"][1] == "accuracy"
    assert kwargs["run_eagerly"] and kwargs["jit_compile"] is False and "epochs" not in kwargs


def test_an_optimizer_instance_is_copied_fresh():
    optimizer = keras.optimizers.Adam(learning_rate=0.01)
    copied = compile_kwargs({"optimizer": optimizer}, NAMES)["optimizer"]
    assert copied is not optimizer and isinstance(copied, keras.optimizers.Adam)
    assert float(copied.learning_rate) == pytest.approx(0.01)


def test_a_single_metric_becomes_a_list():
    assert len(compile_kwargs({"metrics": keras.metrics.AUC}, NAMES)["metrics"]) == 1


def test_make_optimizer_by_name_with_routed_parameters():
    optimizer = make_optimizer("sgd", 0.1, {"momentum": 0.5})
    assert isinstance(optimizer, keras.optimizers.SGD) and optimizer.momentum == 0.5


@pytest.mark.parametrize("key, name", [
    ("loss", "loss"), ("val_mae", "val_mae"), ("mae", "mean_absolute_error"),
    ("accuracy", "accuracy"), ("not_a_metric", "not_a_metric"),
])
def test_history_key(key, name):
    assert history_key(key) == name

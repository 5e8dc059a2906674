"""Every public class and function documents itself with a runnable example."""

import inspect

import pytest

import skneural
import skneural.datasets
import skneural.engine
import skneural.inspection
import skneural.neural_network
import skneural.utils

PUBLIC_MODULES = [
    skneural,
    skneural.neural_network,
    skneural.datasets,
    skneural.engine,
    skneural.inspection,
    skneural.utils,
]


def public_objects():
    for module in PUBLIC_MODULES:
        for name in module.__all__:
            obj = getattr(module, name)
            if inspect.isclass(obj) or inspect.isfunction(obj):
                yield pytest.param(obj, id=f"{module.__name__}.{name}")


@pytest.mark.parametrize("obj", public_objects())
def test_public_object_has_an_examples_section(obj):
    doc = inspect.getdoc(obj) or ""
    assert "\nExamples\n--------\n" in doc
    assert ">>> " in doc.split("\nExamples\n--------\n", 1)[1]

"""Every public class and function documents itself with a runnable example,
and the snippets of the user guide run as written."""

import doctest
import inspect
from importlib.util import find_spec
from pathlib import Path

import pytest

import skneural
import skneural.datasets
import skneural.engine
import skneural.engine.perceptron
import skneural.inspection
import skneural.neural_network
import skneural.utils

PUBLIC_MODULES = [
    skneural,
    skneural.neural_network,
    skneural.datasets,
    skneural.engine,
    skneural.engine.perceptron,
    skneural.inspection,
    skneural.utils,
]

if find_spec("tensorflow") is not None:  # the keras extra is installed
    import skneural.keras

    PUBLIC_MODULES.append(skneural.keras)


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


USER_GUIDE = Path(__file__).resolve().parents[1] / "docs" / "user_guide"


# The optional packages a page's snippets import: the page is skipped without them.
PAGE_NEEDS = {"inspection.rst": ("matplotlib",), "keras.rst": ("tensorflow", "scikeras")}


@pytest.mark.parametrize("page", sorted(USER_GUIDE.glob("*.rst")), ids=lambda page: page.name)
def test_user_guide_snippets_run(page):
    for name in PAGE_NEEDS.get(page.name, ()):
        pytest.importorskip(name)
    result = doctest.testfile(str(page), module_relative=False, verbose=False,
                              optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0

"""Write the Sphinx inventories (``objects.inv``) that ``docs/conf.py`` links
scikit-learn, NumPy, SciPy, Python, TensorFlow and Keras through.

The documentation is built offline, so intersphinx cannot download the
projects' own inventories. This script lists the public names of the
installed packages (their ``__all__``, or the names without a leading
underscore) and writes, for each, the address of its page under each
project's documented URL pattern. Run it again after upgrading one of them::

    python docs/inventories/make_inventories.py
"""

import builtins
import importlib
import inspect
import pkgutil
import zlib
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent


def public_names(module):
    """(name, object) of the public classes and functions of ``module``."""
    names = getattr(module, "__all__", None) or [n for n in dir(module) if not n.startswith("_")]
    for name in names:
        obj = getattr(module, name, None)
        if inspect.isclass(obj) or callable(obj):
            yield name, obj


def role(obj):
    return "class" if inspect.isclass(obj) else "function"


def public_submodules(package):
    """``package`` and its public submodules that import cleanly."""
    yield package
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if any(part.startswith("_") or part in {"tests", "conftest"}
               for part in info.name.split(".")):
            continue
        try:
            yield importlib.import_module(info.name)
        except Exception:  # noqa: BLE001 - optional dependencies of a submodule
            continue


def sklearn_entries():
    import sklearn

    for module in public_submodules(sklearn):
        if module is not sklearn:
            yield module.__name__, "module", f"api/{module.__name__}.html"
        for name, obj in public_names(module):
            full = f"{module.__name__}.{name}"
            if (getattr(obj, "__module__", "") or "").startswith("sklearn"):
                yield full, role(obj), f"modules/generated/{full}.html#{full}"


def numpy_entries():
    for module in (np, np.random, np.linalg, np.typing):
        for name, obj in public_names(module):
            full = f"{module.__name__}.{name}"
            if inspect.isclass(obj) and issubclass(obj, np.generic):
                yield full, "class", f"reference/arrays.scalars.html#{full}"
            elif module is np.random and inspect.isclass(obj):
                page = "legacy" if name == "RandomState" else name.lower()
                yield full, "class", f"reference/random/{page}.html#{full}"
            else:
                yield full, role(obj), f"reference/generated/{full}.html#{full}"


def scipy_entries():
    for name in ("sparse", "stats", "special", "optimize", "linalg"):
        module = importlib.import_module(f"scipy.{name}")
        for attr, obj in public_names(module):
            full = f"scipy.{name}.{attr}"
            yield full, role(obj), f"reference/generated/{full}.html#{full}"


def python_entries():
    for name, obj in vars(builtins).items():
        if name.startswith("_"):
            continue
        if inspect.isclass(obj) and issubclass(obj, BaseException):
            yield name, "exception", f"library/exceptions.html#{name}"
        elif inspect.isclass(obj) or callable(obj):
            yield name, role(obj), f"library/functions.html#{name}"
    for module_name in ("os", "pathlib", "pickle", "tarfile", "warnings", "collections",
                        "typing", "urllib.request", "hashlib", "copy", "functools"):
        module = importlib.import_module(module_name)
        yield module_name, "module", f"library/{module_name}.html#module-{module_name}"
        for name, obj in public_names(module):
            full = f"{module_name}.{name}"
            yield full, role(obj), f"library/{module_name}.html#{full}"


def tensorflow_entries(package, prefix, submodules):
    """TensorFlow's pages are ``tf/<module>/<Name>``; those of Keras 3 are
    ``tf/keras/<module>/<Name>``, the same classes as ``tf.keras``."""
    for name in submodules:
        module = importlib.import_module(f"{package}.{name}" if name else package)
        path = f"{prefix}/{name.replace('.', '/')}" if name else prefix
        for attr, obj in public_names(module):
            full = f"{module.__name__}.{attr}"
            yield full, role(obj), f"{path}/{attr}"


def write_inventory(project, version, entries):
    """``objects.inv`` in Sphinx's version-2 format."""
    lines = sorted({f"{name} py:{kind} 1 {uri} -" for name, kind, uri in entries})
    header = (f"# Sphinx inventory version 2\n# Project: {project}\n# Version: {version}\n"
              "# The remainder of this file is compressed using zlib.\n")
    body = zlib.compress(("\n".join(lines) + "\n").encode())
    (HERE / f"{project}.inv").write_bytes(header.encode() + body)
    print(f"{project}.inv: {len(lines)} names")


def main():
    import scipy
    import sklearn
    import sys

    write_inventory("python", sys.version.split()[0], python_entries())
    write_inventory("numpy", np.__version__, numpy_entries())
    write_inventory("scipy", scipy.__version__, scipy_entries())
    write_inventory("sklearn", sklearn.__version__, sklearn_entries())
    import keras
    import tensorflow as tf

    tensorflow = tensorflow_entries(
        "tensorflow", "tf", ["", "data", "distribute", "config", "random", "io"])
    keras_names = tensorflow_entries(
        "keras", "tf/keras", ["", "layers", "callbacks", "optimizers", "losses", "metrics",
                              "models", "initializers", "regularizers", "activations"])
    write_inventory("tensorflow", f"{tf.__version__} (Keras {keras.__version__})",
                    [*tensorflow, *keras_names])


if __name__ == "__main__":
    main()

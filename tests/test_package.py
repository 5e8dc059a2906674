"""The package as users install it: light import, metadata, typing marker."""

import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import skneural


def test_import_skneural_stays_light():
    code = (
        "import sys, skneural; "
        "print(' '.join(m for m in ('tensorflow', 'keras', 'matplotlib') "
        "if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == ""


def test_version_metadata_matches():
    assert version("skneural") == skneural.__version__


def test_py_typed_marker_ships():
    assert (Path(skneural.__file__).parent / "py.typed").is_file()


def test_public_api():
    assert set(skneural.__all__) >= {"NumpyMLPClassifier", "NumpyMLPRegressor"}

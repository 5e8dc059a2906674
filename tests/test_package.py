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


def test_no_private_third_party_imports():
    """skneural uses SciKeras, TensorFlow and Keras through their public APIs only."""
    import re
    from pathlib import Path

    forbidden = re.compile(r"scikeras\._|tensorflow\.python|keras\.src|^\s*(from|import) scikeras")
    package = Path(__file__).resolve().parents[1] / "skneural"
    hits = [
        f"{path.relative_to(package.parent)}:{number}: {line.strip()}"
        for path in package.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if forbidden.search(line)
    ]
    assert not hits, hits

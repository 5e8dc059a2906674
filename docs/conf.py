"""Sphinx configuration of the skneural documentation.

Build it (without warnings) with::

    python -m sphinx -W --keep-going -b html docs docs/_build/html

The gallery executes the scripts of ``examples/`` that need no real data. The
scripts that read real data (they mention ``SKNEURAL_DATA``) run only when that
environment variable is set; otherwise they are shown with their code but not
executed. The build makes no network access.
"""

import os
import re
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
sys.path.insert(0, str(ROOT))  # document this checkout, not an installed copy

import skneural  # noqa: E402

project = "skneural"
author = "skneural developers"
copyright = "skneural developers"
version = release = skneural.__version__

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.mathjax",
    "numpydoc",
    "sphinx_gallery.gen_gallery",
]

exclude_patterns = ["_build", "_templates", "results_table.rst"]  # included by results.rst
templates_path = ["_templates"]
html_theme = "alabaster"
html_theme_options = {"description": "scikit-learn's neural networks, extended"}
html_static_path = []

# -- API reference -----------------------------------------------------------
autosummary_generate = True
# Inherited methods such as fit and score are documented, but not those of
# Python's own exceptions and tuples.
autodoc_default_options = {"members": True, "inherited-members": "BaseException,tuple"}
numpydoc_show_class_members = False
numpydoc_class_members_toctree = False
# Every documented class and function must carry an Examples section (EX01);
# -W turns a miss into a build failure. Methods are covered by their class.
numpydoc_validation_checks = {"EX01"}
numpydoc_validation_exclude = {r"\.[A-Z]\w*\.\w+$"}  # methods and attributes

_SKIPPED_MEMBERS = re.compile(r"set_\w+_request|get_metadata_routing")


def skip_metadata_routing(app, what, name, obj, skip, options):
    """Leave scikit-learn's generated metadata-routing methods out."""
    return True if _SKIPPED_MEMBERS.fullmatch(name) else None


_FOREIGN_ROLE = re.compile(r":(ref|term):`(?:([^`<]*?)\s*<[^`>]*>|([^`]*))`")


def unlink_foreign_references(app, what, name, obj, options, lines):
    """Turn the :ref:/:term: links of docstrings inherited from scikit-learn
    (which point into scikit-learn's own documentation) into plain text."""
    if getattr(obj, "__module__", "skneural").startswith("skneural"):
        return
    lines[:] = [_FOREIGN_ROLE.sub(lambda m: m[2] or m[3], line) for line in lines]


def setup(app):
    app.connect("autodoc-skip-member", skip_metadata_routing)
    app.connect("autodoc-process-docstring", unlink_foreign_references)


# Cross-references: every reference inside skneural must resolve. Names of
# other projects are not checked: the build is offline (no intersphinx fetch).
nitpicky = True
nitpick_ignore_regex = [
    (r"py:.*", r"(sklearn|numpy|scipy|pandas|matplotlib|joblib|skops|dask|keras|tensorflow|scikeras)(\..*)?"),
    (r"py:.*", r"(array-like|sparse matrix|callable|ndarray|optional|default|object)"),
]

# -- gallery -----------------------------------------------------------------
EXAMPLES = ROOT / "examples"


def _needs_real_data(script):
    """An example needs real data when it reads ``SKNEURAL_DATA``."""
    return "SKNEURAL_DATA" in script.read_text(encoding="utf-8")


def _executed_examples():
    """Regex of the example scripts the gallery runs in this build."""
    scripts = sorted(EXAMPLES.glob("plot_*.py"))  # each mentions SKNEURAL_DATA if it needs data
    if not os.environ.get("SKNEURAL_DATA"):
        scripts = [script for script in scripts if not _needs_real_data(script)]
    names = "|".join(re.escape(script.name) for script in scripts)
    return rf"{re.escape(os.sep)}({names})$" if names else r"^$"


sphinx_gallery_conf = {
    "examples_dirs": str(EXAMPLES),
    "gallery_dirs": "auto_examples",
    "filename_pattern": _executed_examples(),
    "ignore_pattern": r"(^|[/\\])_[^/\\]*$",  # helper modules such as _mnist.py
    "within_subsection_order": "FileNameSortKey",
    "download_all_examples": False,
    "write_computation_times": False,
    "show_signature": False,
    "reset_modules": ("matplotlib",),
}

"""Sphinx configuration of the skneural documentation.

Build it (without warnings) with::

    python -m sphinx -W --keep-going -b html docs docs/_build/html

The gallery executes every script of ``examples/`` whose data sets (the
``skneural.datasets.fetch_*`` functions it calls) are in ``data_home``
(``$SKNEURAL_DATA``); the others are shown with their code but not executed,
and the build fails when an executed example draws no figure. The build makes
no network access: the links into other projects' documentation come from the
inventories committed under ``docs/inventories`` (see ``make_inventories.py``
there).
"""

import os
import re
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
sys.path.insert(0, str(ROOT))  # document this checkout, not an installed copy

import skneural  # noqa: E402
import skneural.datasets  # noqa: E402
# The gallery resolves the names every example imports, executed or not:
# HalvingRandomSearchCV exists only once this experimental import has run.
import sklearn.experimental.enable_halving_search_cv  # noqa: E402, F401
from sphinx.util import logging  # noqa: E402

logger = logging.getLogger(__name__)

project = "skneural"
author = "skneural developers"
copyright = "skneural developers"
version = release = skneural.__version__

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.intersphinx",
    "sphinx.ext.mathjax",
    "numpydoc",
    "sphinx_gallery.gen_gallery",
]

exclude_patterns = ["_build", "_templates", "results_table.rst"]  # included by results.rst
templates_path = ["_templates"]
html_theme = "pydata_sphinx_theme"
html_title = f"skneural {release}"
html_theme_options = {
    "header_links_before_dropdown": 5,
    "navbar_persistent": ["search-button"],
    "navbar_end": ["navbar-icon-links"],
    "secondary_sidebar_items": ["page-toc", "sg_download_links", "sg_launcher_links"],
    "show_toc_level": 1,
}
html_sidebars = {"index": [], "changelog": [], "results": []}
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
    app.connect("build-finished", check_gallery_figures)
    app.connect("autodoc-process-docstring", unlink_foreign_references)


# Cross-references: every reference inside skneural must resolve, and those
# into the projects below resolve through their inventories, committed under
# docs/inventories because the build is offline (the first entry of each pair
# is where the links point, the second the local objects.inv).
INVENTORIES = DOCS / "inventories"
intersphinx_mapping = {
    name: (url, str(INVENTORIES / f"{name}.inv"))
    for name, url in {
        "python": "https://docs.python.org/3/",
        "numpy": "https://numpy.org/doc/stable/",
        "scipy": "https://docs.scipy.org/doc/scipy/",
        "sklearn": "https://scikit-learn.org/stable/",
        # Also lists the keras names: Keras 3 is tf.keras in TensorFlow's pages.
        "tensorflow": "https://www.tensorflow.org/api_docs/python/",
    }.items()
}
nitpicky = True
nitpick_ignore_regex = [
    # Names the inventories do not list stay plain text.
    (r"py:.*", r"(sklearn|numpy|scipy|pandas|matplotlib|joblib|skops|dask|keras|tensorflow|scikeras)(\..*)?"),
    (r"py:.*", r"(array-like|sparse matrix|callable|ndarray|optional|default|object)"),
]

# -- gallery -----------------------------------------------------------------
EXAMPLES = ROOT / "examples"


_FETCH_CALL = re.compile(r"\bfetch_(\w+)\(")


def _has_its_data(script):
    """Whether the data sets ``script`` fetches are all in ``data_home``: the
    folder of ``fetch_<name>`` (``fetch_<name>_raw``) is ``data_home/<name>``."""
    folders = {name.removesuffix("_raw") for name in _FETCH_CALL.findall(script.read_text())}
    data_home = skneural.datasets.get_data_home()
    return all(any((data_home / folder).glob("*")) for folder in folders)


EXECUTED = [script.name for script in sorted(EXAMPLES.glob("plot_*.py")) if _has_its_data(script)]


def check_gallery_figures(app, exception):
    """Warn (an error with -W) for every executed example whose page shows no
    figure of its own."""
    if exception is not None or app.builder.format != "html":
        return
    pages = Path(app.outdir) / "auto_examples"
    for name in EXECUTED:
        stem = name.removesuffix(".py")
        page = pages / f"{stem}.html"
        if f'src="../_images/sphx_glr_{stem}_' not in page.read_text(encoding="utf-8"):
            logger.warning("the gallery page %s shows no figure", page)


sphinx_gallery_conf = {
    "examples_dirs": str(EXAMPLES),
    "gallery_dirs": "auto_examples",
    "filename_pattern": rf"{re.escape(os.sep)}({'|'.join(map(re.escape, EXECUTED))})$",
    "within_subsection_order": "FileNameSortKey",
    "download_all_examples": False,
    "write_computation_times": False,
    "show_signature": False,
    "reset_modules": ("matplotlib",),
    "doc_module": ("skneural",),
    "backreferences_dir": "generated/backreferences",
    "reference_url": {"skneural": None},
}

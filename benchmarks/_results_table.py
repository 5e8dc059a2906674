"""The results table: one row per classic experiment, measured and rendered.

An experiment is a function registered with :func:`experiment` that returns a
:class:`Row`; :func:`compare` fits our estimator and the reference one on the
same data and times both. :func:`render_rst` turns the rows into the reST file
included by ``docs/results.rst``.
"""

import datetime
import os
import platform
import time
import warnings
from dataclasses import dataclass

import numpy as np
import scipy
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.metrics import root_mean_squared_error

import skneural

EXPERIMENTS = {}


def experiment(key):
    """Register the decorated function as the experiment ``key``."""

    def register(function):
        EXPERIMENTS[key] = function
        return function

    return register


@dataclass
class Row:
    """One line of the table.

    ``text`` is the figure the classic text reports, as written there (e.g.
    "0.9232", "> 0.97"); ``ours`` and ``reference`` are measured in this run
    (a number, or a text such as predicted labels); the times are fit times in
    seconds; ``settings`` says how we ran it. A row without a reference
    implementation has ``reference`` and ``reference_time`` None and says why
    in ``reference_name``.
    """

    experiment: str
    source: str
    metric: str
    text: str
    ours: float | str
    reference: float | str | None
    reference_name: str
    our_time: float
    reference_time: float | None
    settings: str


@dataclass
class Measurement:
    """Scores (one per seed) and mean fit time of one estimator."""

    scores: np.ndarray
    seconds: float

    @property
    def score(self):
        return float(self.scores.mean())

    @property
    def spread(self):
        """The median score and the range over seeds, as a cell of the table."""
        return spread(self.scores)


def spread(scores):
    """``median [lowest, highest]`` of ``scores`` (one per seed)."""
    scores = np.asarray(scores)
    return f"{np.median(scores):.4f} [{scores.min():.4f}, {scores.max():.4f}]"


def fit_and_score(estimator, X_train, y_train, X_eval, y_eval, scorer):
    """Fit ``estimator``, return ``(score on the evaluation data, fit seconds)``."""
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        estimator.fit(X_train, y_train)
    seconds = time.perf_counter() - start
    return scorer(estimator, X_eval, y_eval), seconds


def measure(make_estimator, data, scorer, seeds=(0,)):
    """Fit ``make_estimator(seed)`` for every seed on ``data``
    (X_train, y_train, X_eval, y_eval) and score it on the evaluation part."""
    runs = [fit_and_score(make_estimator(seed), *data, scorer) for seed in seeds]
    scores, seconds = np.array(runs).T
    return Measurement(scores, float(seconds.mean()))


def measure_pair(make_estimator, classes, data, scorer, seeds=(0,)):
    """:func:`measure` ``make_estimator(cls, seed)`` for each class of
    ``classes`` (ours, then the reference)."""
    return [
        measure(lambda seed: make_estimator(cls, seed), data, scorer, seeds)
        for cls in classes
    ]


def accuracy(estimator, X, y):
    return estimator.score(X, y)


def rmse(estimator, X, y):
    return float(root_mean_squared_error(y, estimator.predict(X)))


def machine():
    """Where and with what the table was measured, in one sentence."""
    return (
        f"{platform.system()} {platform.release()} ({platform.machine()}), "
        f"{_cpu_model()}, {os.cpu_count()} CPUs; Python {platform.python_version()}, "
        f"NumPy {np.__version__}, SciPy {scipy.__version__}, "
        f"scikit-learn {sklearn.__version__}, skneural {skneural.__version__}"
    )


def _cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def format_text(rows):
    """The rows as a plain-text table for the terminal."""
    header = (f"{'experiment':34s} {'text':>10s} {'ours':>8s} {'reference':>9s} "
              f"{'ours s':>8s} {'ref s':>8s} {'ratio':>6s}")
    lines = [header, "-" * len(header)]
    for row in rows:
        lines.append(
            f"{row.experiment[:34]:34s} {row.text:>10s} {_shown(row.ours, '.4f'):>8s} "
            f"{_shown(row.reference, '.4f'):>9s} {row.our_time:8.2f} "
            f"{_shown(row.reference_time, '.2f'):>8s} {_shown(_ratio(row), '.2f'):>6s}"
        )
    return "\n".join(lines)


_COLUMNS = ["Experiment", "Metric", "Text", "skneural", "Reference",
            "skneural fit (s)", "Reference fit (s)"]


def render_rst(rows):
    """The rows as the reST fragment included by ``docs/results.rst``."""
    today = datetime.date.today().isoformat()
    lines = [
        ".. This file is generated by ``python benchmarks/results.py``; do not edit.",
        "",
        f"Measured on {today} on {machine()}.",
        "",
        ".. list-table::",
        "   :header-rows: 1",
        "",
    ]
    cells = [_COLUMNS] + [_cells(row) for row in rows]
    for record in cells:
        lines.append(f"   * - {record[0]}")
        lines.extend(f"     - {cell}" for cell in record[1:])
    lines += ["", "Settings:", ""]
    for row in rows:
        lines += [f"{row.experiment} ({row.source})", f"   {row.settings}", ""]
    return "\n".join(lines)


def _cells(row):
    return [
        f"{row.experiment} ({row.source})",
        row.metric,
        row.text,
        _shown(row.ours, ".4f"),
        _reference_cell(row),
        f"{row.our_time:.2f}",
        _shown(row.reference_time, ".2f"),
    ]


def _shown(value, spec):
    """A figure of the table: numbers formatted with ``spec``, texts as they are."""
    if value is None:
        return "n/a"
    return value if isinstance(value, str) else format(value, spec)


def _reference_cell(row):
    if row.reference is None:
        return row.reference_name
    return f"{_shown(row.reference, '.4f')} ({row.reference_name})"


def _ratio(row):
    """Our fit time over the reference's, None without a (timed) reference."""
    return row.our_time / row.reference_time if row.reference_time else None

"""The reproduced-results table: every classic experiment, ours next to the text
and to the reference implementation, measured in one run.

Reads the real data from $SKNEURAL_DATA (default ../shared/data), prints the
table and writes it to docs/results_table.rst (included by docs/results.rst)
with the date and the machine::

    python benchmarks/results.py               # all rows, rewrites the table
    python benchmarks/results.py --only mnist  # rows whose key contains "mnist" and
                                               # their settings, printed only

Each row is a function registered with ``@experiment(key)`` in a
``_experiments_*.py`` module imported below; add a module (or a function) to
add rows.
"""

import argparse
from pathlib import Path

import _experiments_mlp  # noqa: F401  (registers the MLP rows)
import _experiments_perceptron  # noqa: F401  (registers the perceptron, XOR and spiral rows)
import _experiments_small_data  # noqa: F401  (registers the digits, wine, cancer, iris CV rows)
import _experiments_keras  # noqa: F401  (registers the Keras rows; imports TensorFlow)
from _results_table import EXPERIMENTS, format_text, render_rst

TABLE = Path(__file__).resolve().parents[1] / "docs" / "results_table.rst"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="run only the rows whose key contains this text; "
                                       "the table file is left untouched")
    parser.add_argument("--output", type=Path, default=TABLE,
                        help=f"reST file to write (default: {TABLE})")
    args = parser.parse_args()
    keys = [key for key in EXPERIMENTS if args.only is None or args.only in key]
    rows = []
    for key in keys:
        print(f"running {key} ...", flush=True)
        rows.append(EXPERIMENTS[key]())
    print(format_text(rows))
    if args.only is None:
        args.output.write_text(render_rst(rows), encoding="utf-8")
        print(f"wrote {args.output}")
    else:
        for row in rows:
            print(f"\n{row.experiment}: {row.settings}")


if __name__ == "__main__":
    main()

"""``python -m skneural``: the demo runs and prints every family's rows."""

import importlib.util

from skneural._demo import KERAS_EXTRA, main


def test_demo_prints_each_family_then_next_steps(capsys):
    main(max_iter=2)
    out = capsys.readouterr().out
    rows = [line.split()[0] for line in out.splitlines() if line.endswith("x")]
    with_keras = all(importlib.util.find_spec(name) for name in KERAS_EXTRA)
    expected = {"mlp:", "perceptron:"} | ({"keras:"} if with_keras else set())
    assert set(rows) == expected
    assert out.index("Where to go next") > out.index("perceptron: digits")
    for place in ("docs", "gallery", "benchmarks"):
        assert f"\n  {place} " in out

"""ProgressBar in a real Jupyter kernel: the notebook keeps the bar's final state."""

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("ipywidgets")

FIT_CELL = """\
import numpy as np
from skneural import NumpyMLPClassifier
from skneural.callbacks import ProgressBar

rng = np.random.default_rng(0)
X = rng.normal(size=(60, 4))
y = (X[:, 0] + X[:, 1] > 0).astype(int)
model = NumpyMLPClassifier(hidden_layer_sizes=(4,), max_iter=7, tol=0.0,
                           random_state=0, callbacks=[ProgressBar()])
print("n_iter_", model.fit(X, y).n_iter_)
"""


def run_notebook(source):
    """Execute one cell in a fresh python3 kernel; return the executed notebook."""
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
    client = nbclient.NotebookClient(
        notebook, timeout=180, kernel_name="python3", store_widget_state=True
    )
    client.execute()
    return notebook


def widget_texts(notebook):
    """The plain text each Output widget of the notebook shows last."""
    state = notebook.metadata.widgets["application/vnd.jupyter.widget-state+json"]["state"]
    texts = []
    for widget in state.values():
        outputs = widget["state"].get("outputs", [])
        if widget["model_name"] == "OutputModel" and outputs:
            texts.append(outputs[-1]["data"]["text/plain"])
    return texts


def test_the_bar_is_a_widget_that_shows_the_last_epoch():
    notebook = run_notebook(FIT_CELL)
    outputs = notebook.cells[0].outputs
    assert not [out for out in outputs if out.output_type == "error"]
    assert "n_iter_ 7" in "".join(out.get("text", "") for out in outputs)
    assert any(
        "application/vnd.jupyter.widget-view+json" in out.get("data", {}) for out in outputs
    )
    (text,) = widget_texts(notebook)
    assert "NumpyMLPClassifier" in text
    assert "7/7" in text
    assert "loss" in text

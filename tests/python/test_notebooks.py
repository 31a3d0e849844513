"""The example notebooks run clean, top to bottom, in a fresh kernel: they cannot fall behind the API unnoticed.

Skipped only where the notebook extra or nbclient is missing; scripts/setup installs both."""

from __future__ import annotations

from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
NOTEBOOKS = sorted(EXAMPLES.glob("*.ipynb"))

nbformat = pytest.importorskip("nbformat", reason="nbformat and nbclient come with the test extra")
nbclient = pytest.importorskip("nbclient", reason="nbformat and nbclient come with the test extra")
pytest.importorskip("pandas", reason="the notebooks need the notebook extra: pip install .[notebook]")
pytest.importorskip("networkx", reason="the notebooks need the notebook extra: pip install .[notebook]")


def run(path: Path) -> list[dict[str, object]]:
    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    client.execute()  # raises CellExecutionError, with the cell and its traceback, when a cell fails
    return [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]


def test_there_are_notebooks() -> None:
    assert {p.name for p in NOTEBOOKS} >= {"quick_tour.ipynb", "evaluation.ipynb"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs_clean(path: Path) -> None:
    outputs = run(path)
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert not [o for o in outputs if o.get("name") == "stderr"], "a cell wrote to stderr (a warning?)"
    if path.name == "quick_tour.ipynb":
        html = [str(o["data"]["text/html"]) for o in outputs if "text/html" in o.get("data", {})]  # type: ignore[operator, index]
        assert any('class="cw-document"' in h and "<mark" in h for h in html), "the Document did not display"
        assert any(h.startswith('<iframe class="cw-timeline" srcdoc="&lt;!DOCTYPE html&gt;') and "events from 5 sources" in h
                   for h in html), "the Timeline did not display"
        assert any("image/png" in o.get("data", {}) for o in outputs), "Timeline.plot() drew nothing"  # type: ignore[operator]

"""The worked example of docs/python.md (its ```python blocks, in order, in one namespace)
and the same as docs/python_example.ipynb, executed with nbclient."""
import os
import re

import pytest

from conftest import ROOT, SHARED

DOC = ROOT / "docs" / "python.md"
NOTEBOOK = ROOT / "docs" / "python_example.ipynb"


def python_blocks():
    return re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


@pytest.fixture
def in_root(tmp_path):
    previous = os.getcwd()
    os.chdir(ROOT)
    yield tmp_path
    os.chdir(previous)


def test_worked_example_runs(in_root):
    if not (SHARED / "ew2011_oa_ethnicity.csv.gz").exists():
        pytest.skip("no national table in ../shared/data")
    namespace = {"SHARED": str(SHARED), "OUT": str(in_root)}
    for block in python_blocks():
        exec(compile(block, str(DOC), "exec"), namespace)
    assert (in_root / "pakistani_lq.png").stat().st_size > 0
    assert (in_root / "intervals.png").stat().st_size > 0


def test_notebook_matches_the_doc():
    import nbformat
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    code = [c.source.strip() for c in notebook.cells if c.cell_type == "code"][1:]
    assert code == [b.strip() for b in python_blocks()], "regenerate with tests/python/make_notebook.py"


def test_notebook_executes(tmp_path):
    nbclient = pytest.importorskip("nbclient")
    import nbformat
    if not (SHARED / "ew2011_oa_ethnicity.csv.gz").exists():
        pytest.skip("no national table in ../shared/data")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    first_code = next(c for c in notebook.cells if c.cell_type == "code")
    first_code.source = f"SHARED = {str(SHARED)!r}\nOUT = {str(tmp_path)!r}"
    client = nbclient.NotebookClient(notebook, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(ROOT)}})
    client.execute()
    assert (tmp_path / "intervals.png").exists()

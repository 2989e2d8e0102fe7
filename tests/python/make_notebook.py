"""Regenerate docs/python_example.ipynb from the ```python blocks of docs/python.md, so
the notebook and the doc stay one example (tests/python/test_docs.py checks they match)."""
import re
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[2]
text = (ROOT / "docs" / "python.md").read_text(encoding="utf-8")
blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
notebook = nbformat.v4.new_notebook()
notebook.cells.append(nbformat.v4.new_markdown_cell(
    "# cohesion from Python\n\nThe worked example of `docs/python.md`. Run from the repository root; "
    "`SHARED` is the folder of the national tables (`../shared/data`)."))
notebook.cells.append(nbformat.v4.new_code_cell('SHARED = "../shared/data"\nOUT = "."'))
notebook.cells.extend(nbformat.v4.new_code_cell(b.strip()) for b in blocks)
notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
nbformat.write(notebook, ROOT / "docs" / "python_example.ipynb")

"""Every test file that executes notebooks or renders documents carries the `slow` marker, so that
`pytest -m "not slow"` is a quick run (`make test` runs everything)."""

from __future__ import annotations

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent
# Calls that start a kernel, execute a notebook or render a document (HTML, PDF, Word).
RENDERS = re.compile(r"^import papermill|^from papermill|\brender_plan\(|\bRenderer\(|\bPdfCompiler\(|\bWorker\("
                     r"|\bwrite_overview\(|run_cli\(\s*\"(batch|overzicht)\"|main\(\[\s*\"(batch|overzicht)\"",
                     re.MULTILINE)


def test_every_file_that_executes_or_renders_is_marked_slow():
    texts = {str(path.relative_to(TESTS)): path.read_text(encoding="utf-8") for path in sorted(TESTS.rglob("test_*.py"))}
    assert any(RENDERS.search(text) for text in texts.values())
    assert [name for name, text in texts.items() if RENDERS.search(text) and "pytest.mark.slow" not in text] == []

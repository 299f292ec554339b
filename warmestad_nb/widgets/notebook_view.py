"""A step notebook shown inside the app: its cells run in the app's kernel and become one page.

The step notebooks stay the one description of each step (for JupyterLab and headless runs): the
app does not list their forms again, it runs the same cells here. Markdown becomes HTML, and what a
code cell displays (its last value, or `display(...)` inside it) is collected as widgets instead of
being sent to the page as cell output.
"""

from __future__ import annotations

import ast
import contextlib
import html
import json
import sys
import traceback
from pathlib import Path

import ipywidgets as widgets
import mistune
from ipywidgets.widgets.widget import _instances  # every live widget by model id (ipywidgets 8)

from ..errors import WarmeStadError

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def _as_widget(data: dict) -> widgets.Widget | None:
    """A displayed object as a widget: the widget itself, or its HTML or text."""
    view = data.get(WIDGET_VIEW)
    if view:
        return _instances.get(view["model_id"])
    if "text/html" in data:
        return widgets.HTML(data["text/html"])
    if "text/plain" in data:
        return widgets.HTML(f"<pre>{html.escape(data['text/plain'])}</pre>")
    return None


@contextlib.contextmanager
def collected(parts: list[widgets.Widget]):
    """While active, everything the kernel displays is added to `parts` instead of sent to the page."""
    from IPython import get_ipython

    publisher = get_ipython().display_pub

    def publish(data, metadata=None, *args, **kwargs) -> None:
        widget = _as_widget(data)
        if widget is not None:
            parts.append(widget)

    publisher.publish = publish
    try:
        yield
    finally:
        del publisher.publish  # the class's own method again


def run_cell(source: str, namespace: dict) -> None:
    """Run a code cell as the notebook would: its last expression is displayed, and the shell's
    cell events fire around it (views that wait for the end of the notebook, such as the charts
    of `common.after_page_shown`, are drawn once the last cell ran)."""
    from IPython import get_ipython
    from IPython.core.interactiveshell import ExecutionInfo, ExecutionResult
    from IPython.display import display

    events = get_ipython().events
    info = ExecutionInfo(source, store_history=False, silent=False, shell_futures=True, cell_id=None)
    events.trigger("pre_run_cell", info)
    try:
        tree = ast.parse(source)
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        exec(compile(tree, "<cel>", "exec"), namespace)
        if last is not None:
            value = eval(compile(ast.Expression(last.value), "<cel>", "eval"), namespace)
            if value is not None:
                display(value)
    finally:
        events.trigger("post_run_cell", ExecutionResult(info))


def code_cells(notebook: Path) -> list[tuple[str, str]]:
    """(kind, source) of the notebook's cells, without its parameters cell."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return [(c["cell_type"], "".join(c["source"])) for c in cells
            if "parameters" not in c.get("metadata", {}).get("tags", ())]


def notebook_view(notebook: Path, plan: str) -> widgets.VBox:
    """The page of a step notebook for this plan; a failure is shown in Dutch, the rest of the app keeps working."""
    parts: list[widgets.Widget] = []
    namespace = {"plan": plan, "__name__": "__main__"}
    try:
        with collected(parts):
            for kind, source in code_cells(notebook):
                if kind == "markdown":
                    parts.append(widgets.HTML(mistune.html(source)))
                elif kind == "code":
                    run_cell(source, namespace)
    except WarmeStadError as exc:
        parts.append(widgets.HTML(f'<div class="ws-status-error">{html.escape(str(exc))}</div>'))
    except Exception:  # a bug: the coach gets a plain message, the kernel's log the details
        traceback.print_exc(file=sys.stderr)
        parts.append(widgets.HTML('<div class="ws-status-error">Deze pagina kon niet helemaal getoond worden '
                                  f"door een fout in het werkboek ({html.escape(notebook.name)}). De andere "
                                  "pagina's werken wel; meld het probleem aan de beheerder.</div>"))
    return widgets.VBox(parts)


def warm_up(notebooks: list[Path]) -> None:
    """Run the imports of these notebooks now (a kernel started ahead does this before its page is asked for)."""
    for notebook in notebooks:
        for kind, source in code_cells(notebook):
            if kind != "code":
                continue
            imports = [node for node in ast.parse(source).body if isinstance(node, (ast.Import, ast.ImportFrom))]
            exec(compile(ast.Module(body=imports, type_ignores=[]), "<import>", "exec"), {})

"""The package's imports follow the layers of docs/architecture.md: no import upward, no import circle.

The layers are written down once, in the diagram under "## Layers" in docs/architecture.md; this test
reads them from there. Every `import` and `from ... import` of warmestad_nb/**/*.py counts, also
those inside functions (a lazy import still ties two modules together).
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "warmestad_nb"
ARCHITECTURE = ROOT / "docs" / "architecture.md"
# What "core" promises in the diagram: no Jupyter, ipywidgets or nbconvert below its line.
JUPYTER = {"ipywidgets", "IPython", "ipykernel", "jupyter_client", "jupyter_server", "nbclient", "nbconvert",
           "nbformat", "papermill", "voila"}


@dataclass(frozen=True)
class Layers:
    order: dict[str, int]  # unit (top-level module or package of warmestad_nb) -> layer, 0 the highest
    core: int  # the first layer of the core


@dataclass(frozen=True)
class Import:
    source: str  # dotted module name
    target: str
    line: int

    def where(self) -> str:
        return f"{module_path(self.source)}:{self.line} imports {self.target}"


def read_layers(text: str) -> Layers:
    """The layers of the diagram: each line starting with one space names a layer (names before the
    first wide gap, comma separated); deeper-indented lines continue a description; a line of box
    characters marks where the core starts."""
    section = text[text.index("## Layers"):]
    diagram = re.search(r"```\n(.*?)```", section, re.DOTALL).group(1)
    order, core, layer = {}, None, 0
    for line in diagram.splitlines():
        if not line.startswith(" ") or line.startswith("  "):
            continue
        if line.strip().startswith("─"):
            core = layer
            continue
        names = re.split(r"\s{2,}", line.strip())[0]
        for name in names.split(", "):
            unit = "__init__" if name == "__init__.py" else name.removesuffix("/").removesuffix(".py")
            assert unit not in order, f"{name} staat twee keer in het lagenschema"
            order[unit] = layer
        layer += 1
    assert core is not None, "het lagenschema mist de lijn die de kern aanduidt"
    return Layers(order, core)


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = modules()


def module_path(name: str) -> str:
    return str(MODULES[name].relative_to(ROOT))


def unit(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def imports_of(name: str) -> tuple[list[Import], list[tuple[str, int]]]:
    """(imports of modules of the package, imports of other top-level modules with their line)."""
    path = MODULES[name]
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    inside, outside = [], []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            # `from . import x` imports the module x when there is one, else a name of the package
            targets = [f"{module}.{a.name}" if f"{module}.{a.name}" in MODULES else module for a in node.names]
        else:
            continue
        for target in targets:
            if target.split(".")[0] != "warmestad_nb":
                outside.append((target.split(".")[0], node.lineno))
                continue
            while target not in MODULES:  # `import warmestad_nb.x.name` style: the module holding it
                target = target.rpartition(".")[0]
            if target != name:
                inside.append(Import(name, target, node.lineno))
    return inside, outside


IMPORTS = [i for name in MODULES for i in imports_of(name)[0]]


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one member (Tarjan, iterative)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start), on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child), on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def explain(component: list[str], key) -> list[str]:
    members = set(component)
    return [i.where() for i in IMPORTS if key(i.source) in members and key(i.target) in members
            and key(i.source) != key(i.target)]


@pytest.fixture(scope="module")
def layers() -> Layers:
    return read_layers(ARCHITECTURE.read_text(encoding="utf-8"))


def test_the_diagram_names_every_part_of_the_package_once(layers):
    units = {unit(name) for name in MODULES}
    assert sorted(units - set(layers.order)) == [], "missing from the diagram in docs/architecture.md"
    assert sorted(set(layers.order) - units) == [], "in the diagram but not in the package"


def test_no_module_imports_one_that_imports_it_back():
    graph = {name: set() for name in MODULES}
    for i in IMPORTS:
        graph[i.source].add(i.target)
    problems = [explain(c, lambda m: m) for c in cycles(graph)]
    assert not problems, "import circles:\n" + "\n\n".join("\n".join(p) for p in problems)


def test_no_two_parts_of_the_package_import_each_other():
    graph: dict[str, set[str]] = {unit(name): set() for name in MODULES}
    for i in IMPORTS:
        if unit(i.source) != unit(i.target):
            graph[unit(i.source)].add(unit(i.target))
    problems = [explain(c, unit) for c in cycles(graph)]
    assert not problems, "import circles:\n" + "\n\n".join("\n".join(p) for p in problems)


def test_no_import_points_up(layers):
    order = layers.order  # a part missing from the diagram is reported by the test above
    upward = [f"{i.where()} (layer {unit(i.source)} is below {unit(i.target)})" for i in IMPORTS
              if order.get(unit(i.source), -1) > order.get(unit(i.target), len(order))]
    assert not upward, "\n".join(upward)


def test_the_core_imports_no_jupyter(layers):
    found = [f"{module_path(name)}:{line} imports {top}" for name in MODULES
             if layers.order.get(unit(name), -1) >= layers.core for top, line in imports_of(name)[1] if top in JUPYTER]
    assert not found, "\n".join(found)


DIAGRAM = """## Layers
```
 top.py, upper/   the first layer
                  a description goes on
 middle/          the second
 ─────────── core ───────────
 low.py           the third
```
"""


def test_the_diagram_is_read_line_by_line():
    layers = read_layers(DIAGRAM)
    assert layers.order == {"top": 0, "upper": 0, "middle": 1, "low": 2}
    assert layers.core == 2


def test_a_cycle_is_found_and_a_chain_is_not():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": set()}) == []

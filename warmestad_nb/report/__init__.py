"""The policy plan document (beleidsplan): content, notebook execution and HTML, PDF and DOCX export.

Layers, each usable alone (the batch reuses them with warm kernels and one exporter per worker):
  document.py   the structured content: sections made of plain blocks, serialisable to JSON
  sections/     one function per section that builds its blocks from the plan and reference data
  html.py       blocks -> escaped HTML (Jinja autoescape), used inside the notebook; draws the charts
  typst_markup.py  blocks -> Typst source (every text a string literal), used inside the notebook
  notebook.py   what notebooks/beleidsplan.ipynb calls (a section as a mimebundle: HTML + Typst + JSON)
  failures.py   naming the part that failed: raised in the kernel, read back by the runner
  execute.py    papermill with an optional, already running kernel
  ipykernel_launcher.py, kernel_imports.py  how that kernel starts, and what it imports while it boots
  export.py     one reusable nbconvert HTMLExporter with templates/beleidsplan
  typst_export.py  the nbconvert Typst exporter with templates/beleidsplan_typst
  typst_pdf.py  Typst source -> PDF, chart SVG -> PNG (the typst package, in process)
  docx.py       python-docx from the JSON in the executed notebook
  pipeline.py   one plan -> <out>/<nis>-<name>/beleidsplan.{html,pdf,docx,ipynb}, all or nothing

Importing this package stays light: the heavy libraries are imported by the modules that need them.
"""

import sys
from pathlib import Path

# The templates of the document: the notebook's HTML fragments and the nbconvert template.
TEMPLATE_DIR = Path(__file__).resolve().parent.parent.parent / "templates" / "beleidsplan"

# jsonschema (imported by nbformat, hence by papermill and nbconvert) imports the optional package
# rfc3987_syntax when it is installed, which builds a parser grammar at import time: 1.5 s in every
# process, for URI format checks that notebook validation never uses. Marking it absent skips it.
if "rfc3987_syntax" not in sys.modules and "jsonschema" not in sys.modules:
    sys.modules["rfc3987_syntax"] = None  # type: ignore[assignment]

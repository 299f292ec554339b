"""Executed notebook -> HTML with the project's nbconvert template (templates/beleidsplan).

Build one HtmlExporter and reuse it: creating nbconvert's exporter and its Jinja environment costs
more than rendering a document with it.
"""

from __future__ import annotations

from .html import TEMPLATE_DIR

TEMPLATE_NAME = TEMPLATE_DIR.name
TEMPLATE_ROOT = TEMPLATE_DIR.parent


class HtmlExporter:
    def __init__(self):
        from nbconvert import HTMLExporter

        self._exporter = HTMLExporter(template_name=TEMPLATE_NAME, extra_template_basedirs=[str(TEMPLATE_ROOT)],
                                      exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)

    def export(self, nb) -> str:
        body, _ = self._exporter.from_notebook_node(nb)
        return body

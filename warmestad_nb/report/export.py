"""Executed notebook -> HTML with the project's nbconvert template (templates/beleidsplan).

Build one HtmlExporter and reuse it: creating nbconvert's exporter and its Jinja environment costs
more than rendering a document with it.
"""

from __future__ import annotations

from . import TEMPLATE_DIR  # not from html.py: that one draws charts (matplotlib)

TEMPLATE_NAME = TEMPLATE_DIR.name
TEMPLATE_ROOT = TEMPLATE_DIR.parent


def _exporter_class():
    from nbconvert import HTMLExporter
    from nbconvert.exporters.templateexporter import TemplateExporter
    from nbconvert.filters.highlight import Highlight2HTML
    from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

    class PlanExporter(HTMLExporter):
        """HTMLExporter without its closing BeautifulSoup pass (0.2-0.3 s a document).

        That pass gives Jupyter's cell markup tabindex and adds a placeholder alt text to images; this
        template emits no cell markup and every chart has its own alt text. The rest is HTMLExporter's
        own from_notebook_node: the same filters, then the template.
        """

        def from_notebook_node(self, nb, resources=None, **kw):
            lexer = nb.metadata.get("language_info", {}).get("name")
            self.register_filter("highlight_code",
                                 self.filters.get("highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)))
            resources = self._init_resources(resources)
            self.register_filter("filter_data_type", WidgetsDataTypeFilter(
                notebook_metadata=self._nb_metadata, parent=self, resources=resources))
            return TemplateExporter.from_notebook_node(self, nb, resources, **kw)

    return PlanExporter


class HtmlExporter:
    def __init__(self):
        self._exporter = _exporter_class()(
            template_name=TEMPLATE_NAME, extra_template_basedirs=[str(TEMPLATE_ROOT)],
            exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
            optimistic_validation=True)  # validate once after the preprocessors, not after each of the 12

    def export(self, nb) -> str:
        body, _ = self._exporter.from_notebook_node(nb)
        return body

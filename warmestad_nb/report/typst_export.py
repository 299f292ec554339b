"""Executed notebook -> Typst source with the project's nbconvert template (templates/beleidsplan_typst).

An nbconvert exporter like its own LaTeX one, registered under the entry point `nbconvert.exporters`
as `beleidsplan_typst` (so `jupyter nbconvert --to beleidsplan_typst` works too). The template
writes the house style and then each output's Typst source (typst_markup.MIME_TYPE). Build one and
reuse it, as with the HTML exporter.
"""

from __future__ import annotations

from nbconvert.exporters.templateexporter import TemplateExporter

from . import TEMPLATE_DIR

TEMPLATE_NAME = "beleidsplan_typst"


class TypstExporter(TemplateExporter):
    export_from_notebook = "Beleidsplan (Typst)"
    output_mimetype = "text/vnd.warmestad.typst"  # must be one of the template's (conf.json)

    def _file_extension_default(self):
        return ".typ"

    def _template_name_default(self):
        return TEMPLATE_NAME

    def _extra_template_basedirs_default(self):
        return [str(TEMPLATE_DIR.parent)]

    def __init__(self, **kw):
        kw.setdefault("exclude_input", True)
        kw.setdefault("optimistic_validation", True)  # validate once after the preprocessors
        super().__init__(**kw)

    def export(self, nb) -> str:
        source, _ = self.from_notebook_node(nb)
        return source

"""The partner list as Excel in a session: export it to fill in, import it back with a report per row."""

from __future__ import annotations

import tempfile
from pathlib import Path

import ipywidgets as widgets

from ..errors import WarmeStadError
from ..files import atomic_write
from ..exports.partners import import_partners, partners_workbook, read_partner_file
from .common import Section, button, download_link, export_folder, html_box, note, note_lines, status_text
from .session import PlanSession

SHOWN_PROBLEMS = 40  # a long report is cut: the first rows tell the user what to fix


def problem_report(message: str, problems: list[str]) -> str:
    shown = problems[:SHOWN_PROBLEMS]
    more = len(problems) - len(shown)
    lines = shown + ([f"... en nog {more} problemen."] if more else [])
    return note("ws-fout", message) + (note_lines(lines, "ws-problemen") if lines else "")


class PartnerFileForm(Section):
    def __init__(self, session: PlanSession):
        super().__init__()
        self.session = session
        self._folder = tempfile.TemporaryDirectory(prefix="warmestad-upload-")
        self.export_button = button("Partnerlijst naar Excel", "ws-partner-export")
        self.export_result = html_box("ws-partner-export-bestand")
        self.upload = widgets.FileUpload(accept=".xlsx,.xlsm,.csv", multiple=False, description="Kies een bestand")
        self.upload.add_class("ws-partner-upload")
        self.import_button = button("Inlezen", "ws-partner-inlezen", "primary")
        self.good_rows_button = button("Enkel de goede rijen inlezen", "ws-partner-goede-rijen", "warning")
        self.good_rows_button.layout.display = "none"
        self.report = html_box("ws-partner-rapport")
        self._checked: Path | None = None  # the file whose good rows may be imported
        self.export_button.on_click(lambda _: self.export())
        self.import_button.on_click(lambda _: self._import_upload())
        self.good_rows_button.on_click(lambda _: self._checked and self.import_file(self._checked, skip_bad_rows=True))
        self.box = widgets.VBox([
            widgets.HBox([self.export_button]),
            self.export_result,
            widgets.HBox([self.upload, self.import_button, self.good_rows_button]),
            self.report,
        ])
        self.box.add_class("ws-partner-excel")

    def export(self) -> Path:
        """Write the partner list next to the plan (uitvoer/) and offer it for download."""
        path = export_folder(self.session) / f"{self.session.store.path.stem}-partners.xlsx"
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, partners_workbook(self.session.plan))
        self.export_result.value = download_link(path, "Download de partnerlijst (Excel)")
        return path

    def _import_upload(self) -> bool:
        if not self.upload.value:
            self.report.value = note("ws-fout", "Kies eerst een bestand met de knop 'Kies een bestand'.")
            return False
        upload = self.upload.value[0]
        path = Path(self._folder.name) / Path(upload["name"]).name
        path.write_bytes(bytes(upload["content"]))
        return self.import_file(path)

    def import_file(self, path: Path, skip_bad_rows: bool = False) -> bool:
        """Check the file; import it when every row is right, or only its good rows on request."""
        self.good_rows_button.layout.display = "none"
        self._checked = None
        try:
            checked = read_partner_file(path, self.session.plan)
        except WarmeStadError as exc:
            self.report.value = problem_report(exc.message, exc.problems)
            return False
        problems = checked.problems
        if problems and (not skip_bad_rows or problems.whole_file or not checked.rows):
            self.report.value = problem_report(
                f"{path.name}: {len(problems)} probleem/problemen gevonden in {len(checked.bad_rows)} van de "
                f"{checked.total} rijen; er is niets ingelezen. Verbeter het bestand en lees het opnieuw in.",
                problems.items,
            )
            if not problems.whole_file and checked.rows:
                self._checked = path
                self.good_rows_button.description = f"Enkel de {len(checked.rows)} goede rijen inlezen"
                self.good_rows_button.layout.display = ""
            return False
        results = []
        if not self.session.change(lambda plan: results.append(import_partners(plan, path,
                                                                               skip_bad_rows=skip_bad_rows))):
            self.report.value = note("ws-fout", status_text(self.session))
            return False
        result = results[0]
        text = note("ws-ok", f"{path.name} ingelezen: {result.summary()}")
        if result.skipped:
            text += problem_report("Overgeslagen:", result.skipped)
        self.report.value = text
        return True

    def snapshot(self) -> str:
        return note("ws-info", "Exporteren naar Excel en inlezen kan in een live sessie (JupyterLab of Voilà).")

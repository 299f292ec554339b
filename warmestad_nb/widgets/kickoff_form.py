"""The kick-off planner: programme builder, invitations, attendance, sign-ups turned into partners, exports."""

from __future__ import annotations

from typing import Any, Callable

import ipywidgets as widgets

from .. import reference, vocab
from ..analysis.kickoff import programme, total_minutes
from ..edits.kickoff import add_signup, edit_programme, signups_to_partners
from ..exports.kickoff import write_kickoff_exports
from ..model import Plan, ProgrammaOnderdeel
from . import step1_html
from .common import (MULTIPLE, Section, button, download_link, export_folder, field, hint, html_box, named, note,
                     status_text)
from .date_warning import date_warning
from .list_form import Input, ListForm
from .session import PlanSession

PART_FIELDS = ("titel", "duur_min", "wie")


class ProgrammeBuilder(Section):
    """One row of inputs per part; the suggested programme is shown until the plan has its own."""

    def __init__(self, session: PlanSession):
        super().__init__()
        self.session = session
        self.rows: list[dict[str, widgets.Widget]] = []
        self.rows_box = widgets.VBox()
        self.rows_box.add_class("ws-kickoff-programma")
        self.proposal = html_box("ws-kickoff-voorstel")
        self.total = html_box("ws-kickoff-totaal")
        self.keep_button = button("Voorgesteld programma bewaren", "ws-kickoff-voorstel-bewaren")
        self.add_button = button("Onderdeel toevoegen", "ws-kickoff-onderdeel-toevoegen")
        self.message = html_box("ws-kickoff-programma-melding")
        self.keep_button.on_click(lambda _: self.edit(lambda parts: None))
        self.add_button.on_click(lambda _: self.edit(
            lambda parts: parts.append(ProgrammaOnderdeel(titel="Nieuw onderdeel", duur_min=15))))
        session.on_change(self._sync)
        self._sync(session.plan)
        self.box = widgets.VBox([self.proposal, self.rows_box, self.total,
                                 widgets.HBox([self.add_button, self.keep_button]), self.message])

    def edit(self, change: Callable[[list[ProgrammaOnderdeel]], Any]) -> bool:
        """Change the programme; a suggested programme becomes the plan's own with its first edit."""

        ok = self.session.change(lambda plan: edit_programme(plan, change))
        if not ok:
            self._sync(self.session.plan, force=True)
        self.message.value = "" if ok else note("ws-fout", status_text(self.session))
        return ok

    def _row(self, index: int) -> dict[str, widgets.Widget]:
        number = index + 1
        row = {
            "titel": named(widgets.Text(continuous_update=False, layout=widgets.Layout(width="30em")),
                           f"Onderdeel {number}"),
            # Not a BoundedIntText: that silently turns -20 into 0; the plan's check refuses it with a message.
            "duur_min": named(widgets.IntText(step=5, layout=widgets.Layout(width="6em")),
                              f"Duur van onderdeel {number} in minuten"),
            "wie": named(widgets.Text(continuous_update=False, placeholder="wie", layout=widgets.Layout(width="18em")),
                         f"Wie bij onderdeel {number}"),
            "omhoog": button("↑", "ws-kickoff-onderdeel-omhoog"),
            "weg": button("✕", "ws-kickoff-onderdeel-weg"),
        }
        for name in PART_FIELDS:
            row[name].add_class(f"ws-kickoff-onderdeel-{name.removesuffix('_min')}")
            row[name].observe(lambda change, name=name: self._on_part(index, name, change["new"]), names="value")
        row["omhoog"].disabled = index == 0
        row["omhoog"].on_click(lambda _: self.edit(lambda parts: parts.insert(index - 1, parts.pop(index))))
        row["weg"].on_click(lambda _: self.edit(lambda parts: parts.pop(index)))
        return row

    def _on_part(self, index: int, name: str, value: Any) -> None:
        if not self.is_quiet:
            self.edit(lambda parts: setattr(parts[index], name, value.strip() if isinstance(value, str) else value))

    def _sync(self, plan: Plan, force: bool = False) -> None:
        parts, proposed = programme(plan)
        if len(parts) != len(self.rows) or force:
            self.rows = [self._row(i) for i in range(len(parts))]
            self.rows_box.children = [widgets.HBox(list(row.values())) for row in self.rows]
        with self.quiet():
            for row, part in zip(self.rows, parts):
                for name in PART_FIELDS:
                    row[name].value = getattr(part, name)
        self.proposal.value = note("ws-info", "Voorgesteld programma: pas het aan of bewaar het zoals het is.") \
            if proposed else ""
        self.keep_button.layout.display = "" if proposed else "none"
        self.total.value = f"<p>Totale duur: <b>{total_minutes(parts)} minuten</b>.</p>"

    def snapshot(self) -> str:
        return ""  # the kick-off overview shows the programme


class KickoffForm(Section):
    def __init__(self, session: PlanSession):
        super().__init__()
        self.session = session
        k = lambda plan: plan.kickoff  # noqa: E731 - short accessor for the bindings below
        self.date = self.bind(field(widgets.DatePicker(description="Datum"), "ws-kickoff-datum"), session,
                              lambda p: k(p).datum, lambda p, v: setattr(k(p), "datum", v))
        self.place = self.bind(field(widgets.Text(description="Plaats", continuous_update=False), "ws-kickoff-locatie"),
                               session, lambda p: k(p).locatie, lambda p, v: setattr(k(p), "locatie", v.strip()))
        self.programme = ProgrammeBuilder(session)
        # Options first: the bindings below put values back that must be valid options.
        self.invited = field(widgets.SelectMultiple(description="Uitgenodigd", rows=8), "ws-kickoff-uitgenodigd",
                             "48em")
        self.present = field(widgets.SelectMultiple(description="Aanwezig", rows=8), "ws-kickoff-aanwezig", "48em")
        session.on_change(self._refresh_options)
        self._refresh_options(session.plan)
        self.bind(self.invited, session, lambda p: tuple(k(p).uitgenodigd),
                  lambda p, v: setattr(k(p), "uitgenodigd", list(v)))
        self.bind(self.present, session, lambda p: tuple(k(p).aanwezig),
                  lambda p, v: setattr(k(p), "aanwezig", list(v)))
        self.invite_all = button("Alle partners uitnodigen", "ws-kickoff-iedereen")
        self.invite_all.on_click(lambda _: session.change(
            lambda p: setattr(k(p), "uitgenodigd", [x.id for x in p.partners])))
        sectors = [(s.naam, s.id) for s in reference.sectors()]
        # Who signed up: added, changed or removed one by one (the overview below lists them).
        self.signup_form = ListForm(
            session, inputs=[Input("naam", "Naam"), Input("organisatie", "Organisatie"), Input("email", "E-mail"),
                             Input("sector", "Sector", "choice", tuple(sectors))],
            items=lambda p: k(p).aanmeldingen, create=lambda p, values: add_signup(p, **values),
            label=lambda a: ", ".join(x for x in (a.naam, a.organisatie) if x), css="ws-aanmelding",
            what="Aanmeldingen", noun="aanmelding", new="(nieuwe aanmelding)", required=("naam",), table=False,
            empty_text="Nog geen aanmeldingen.")
        self.signup, self.signup_button = self.signup_form.inputs, self.signup_form.add_button
        self.signups = html_box("ws-kickoff-aanmeldingen")
        self.level = field(widgets.Dropdown(description="Betrokkenheid",
                                            options=[(v, c) for c, v in vocab.ENGAGEMENT_LEVELS.items()],
                                            value="geconsulteerd"), "ws-kickoff-omzetten-betrokkenheid")
        self.convert_button = button("Aanmeldingen omzetten naar partners", "ws-kickoff-omzetten", "primary")
        self.convert_button.on_click(lambda _: self.convert())
        self.message = html_box("ws-kickoff-melding")
        self.minutes = self.bind(field(widgets.Textarea(description="Verslag", rows=5, continuous_update=False),
                                      "ws-kickoff-verslag", "48em"),
                                session, lambda p: k(p).verslag, lambda p, v: setattr(k(p), "verslag", v.strip()))
        self.export_button = button("Programma en uitnodigingen exporteren (Excel en HTML)", "ws-kickoff-export")
        self.export_button.on_click(lambda _: self.export())
        self.files = html_box("ws-kickoff-bestanden")
        self.overview = html_box("ws-kickoff-overzicht")
        session.on_change(self._refresh)
        self._refresh(session.plan)
        self.box = widgets.VBox([
            widgets.HTML("<b>Wanneer en waar</b>"), self.date,
            date_warning(session, self.date, "Datum van het startmoment"), self.place,
            widgets.HTML("<b>Programma</b>"), self.programme.box,
            widgets.HTML("<b>Uitnodigen</b>"), self.invited, hint(MULTIPLE), self.invite_all,
            widgets.HTML("<b>Na het startmoment</b>"), self.present,
            widgets.HTML("Wie wil meedoen? Noteer de aanmeldingen en maak er in één stap partners van."),
            self.signup_form.box, self.signups,
            widgets.HBox([self.level, self.convert_button]), self.message, self.minutes,
            widgets.HTML("<b>Overzicht en export</b>"), self.export_button, self.files, self.overview,
        ])
        self.box.add_class("ws-kickoff")

    def _refresh_options(self, plan: Plan) -> None:
        options = sorted(((p.organisatie, p.id) for p in plan.partners), key=lambda o: o[0].casefold())
        self.set_options(self.invited, options, tuple(plan.kickoff.uitgenodigd))
        self.set_options(self.present, options, tuple(plan.kickoff.aanwezig))

    def _refresh(self, plan: Plan) -> None:
        self.signups.value = step1_html.signups(plan)
        self.overview.value = step1_html.kickoff_overview(plan)

    def convert(self) -> bool:
        results = []
        level = self.level.value
        if not self.session.change(lambda plan: results.append(signups_to_partners(plan, level))):
            self.message.value = note("ws-fout", status_text(self.session))
            return False
        self.message.value = note("ws-ok", results[0].summary())
        return True

    def export(self) -> tuple:
        paths = write_kickoff_exports(self.session.plan, export_folder(self.session), self.session.store.path.stem)
        self.files.value = " · ".join(download_link(p, f"Download {p.suffix[1:].upper()}") for p in paths)
        return paths

    def snapshot(self) -> str:
        return step1_html.kickoff_overview(self.session.plan)

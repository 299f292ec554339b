"""Governance (step 1): the bodies that steer and decide (stuurgroep, projectgroep, werkgroepen ...), what
each one does and decides, and its members with their role."""

from __future__ import annotations

from typing import Optional

import ipywidgets as widgets

from .. import formatting as fmt, vocab
from ..errors import WarmeStadError
from ..model import Lid, Orgaan, Plan
from .common import Section, esc
from .list_form import Input, ListForm
from .project_group_form import MEMBER_INPUTS, member_label
from .session import PlanSession

BODY_INPUTS = [Input("naam", "Naam van het overleg"),
               Input("soort", "Soort overleg", "choice", tuple((label, code) for code, label in vocab.BODY_KINDS.items())),
               Input("taak", "Taak", "area"), Input("beslist_over", "Beslist over", "area"),
               Input("vergadert", "Komt samen")]
ROLE = Input("rol", "Rol")  # voorzitter, secretaris, lid ...


def _body_label(body: Orgaan) -> str:
    return f"{body.naam} ({vocab.BODY_KINDS[body.soort]}, {fmt.count(len(body.leden), 'lid', 'leden')})"


class GovernanceForm(Section):
    """The bodies of the plan, and below them the members of the body chosen above."""

    def __init__(self, session: PlanSession):
        super().__init__()
        self.session = session
        self.bodies = ListForm(session, inputs=BODY_INPUTS, items=lambda plan: plan.bestuur.organen,
                               create=lambda plan, values: plan.bestuur.organen.append(Orgaan(**values)),
                               label=_body_label, css="ws-orgaan", what="Bestuur", noun="overleg",
                               required=("naam",), empty_text="Er staat nog geen overleg in het plan.")
        self.members = ListForm(session, inputs=[MEMBER_INPUTS[0], ROLE, *MEMBER_INPUTS[1:]], items=self._chosen_members,
                                create=self._add_member, label=member_label, css="ws-orgaan-lid",
                                what="Leden van het overleg", noun="lid", required=("naam",),
                                empty_text="Nog geen leden: kies of maak hierboven een overleg en voeg hier zijn leden toe.")
        self.bodies.chooser.observe(lambda _: self.members.follow(), names="value")
        self.box = widgets.VBox([self.bodies.box, widgets.HTML("<b>Leden van het gekozen overleg</b>"),
                                 self.members.box])
        self.box.add_class("ws-bestuur")

    def _chosen_body(self, plan: Plan) -> Optional[Orgaan]:
        index = self.bodies.selected
        return plan.bestuur.organen[index] if index is not None and index < len(plan.bestuur.organen) else None

    def _chosen_members(self, plan: Plan) -> Optional[list[Lid]]:
        body = self._chosen_body(plan)
        return body.leden if body else None

    def _add_member(self, plan: Plan, values: dict) -> None:
        body = self._chosen_body(plan)
        if body is None:
            raise WarmeStadError("Bestuur: kies eerst hierboven het overleg waar dit lid bij hoort.")
        body.leden.append(Lid(**values))

    def snapshot(self) -> str:
        plan = self.session.plan
        parts = [self.bodies.snapshot()]
        for body in plan.bestuur.organen:
            if body.leden:
                parts.append(f"<p><b>{esc(body.naam)}</b></p>" + self.members.overview_of(body.leden))
        return "".join(parts)

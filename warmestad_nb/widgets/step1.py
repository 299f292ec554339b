"""Step 1 (creëer draagvlak) in a notebook: one call per section, each bound to the same plan session."""

from __future__ import annotations

import html

import ipywidgets as widgets

from .checklist_view import step_checklist
from .common import CSS, Section, example_note, live_html
from .coverage_view import CoverageView
from .engagement_form import EngagementForm
from .governance_form import GovernanceForm
from .kickoff_form import KickoffForm
from .partner_file import PartnerFileForm
from .partner_form import PartnerForm
from .project_group_form import ProjectGroupForm
from .session import PlanSession
from .youth_form import YouthForm, YouthVoiceForm

__all__ = ["CoverageView", "EngagementForm", "GovernanceForm", "KickoffForm", "PartnerFileForm", "PartnerForm",
           "ProjectGroupForm", "YouthForm", "YouthVoiceForm", "StatusLine", "open_plan"]


class StatusLine(Section):
    """The session's status ("Opgeslagen om ..."), shown once at the top of the notebook."""

    def __init__(self, session: PlanSession):
        super().__init__()
        self.session = session
        self.checklist = live_html(session, lambda p: step_checklist(p, 1), "ws-stap-checklist")
        # The bar: the status with the reload button, warned live when the file changes elsewhere.
        # The page's stylesheet too: the step 1 notebook has no page header that brings it.
        self.box = widgets.VBox([widgets.HTML(CSS + example_note(session.plan)), session.bar, self.checklist])
        session.watch()

    def snapshot(self) -> str:
        plan = self.session.plan
        example = " (VOORBEELD)" if plan.voorbeeld else ""
        return (f"<p><b>Plan van {html.escape(plan.gemeente.naam)}{example}</b></p>{self.session.status.value}"
                f"{self.checklist.value}")


def open_plan(path: str) -> tuple[PlanSession, StatusLine]:
    session = PlanSession(path)
    return session, StatusLine(session)

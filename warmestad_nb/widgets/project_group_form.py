"""The project group (step 1): the people who steer the project, added, changed and removed one by one.

Since schema version 2 the project group is a governance body (`plan.bestuur.organen`, soort
projectgroep); this form edits the members of the first such body and makes it when there is none.
"""

from __future__ import annotations

from ..edits.governance import add_project_group_member, project_group
from ..model import Lid
from .list_form import Input, ListForm
from .session import PlanSession

MEMBER_INPUTS = [Input("naam", "Naam"), Input("functie", "Functie"), Input("organisatie", "Organisatie / dienst"),
                 Input("email", "E-mail"), Input("telefoon", "Telefoon")]


def member_label(member: Lid) -> str:
    return ", ".join(x for x in (member.naam, member.rol, member.organisatie) if x)


class ProjectGroupForm(ListForm):
    def __init__(self, session: PlanSession):
        super().__init__(session, inputs=MEMBER_INPUTS,
                         items=lambda plan: group.leden if (group := project_group(plan)) else None,
                         create=add_project_group_member, label=member_label, css="ws-projectgroep",
                         what="Projectgroep", noun="lid", required=("naam",),
                         empty_text="Er staan nog geen leden van de projectgroep in het plan.")

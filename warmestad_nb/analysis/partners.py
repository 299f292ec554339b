"""Who is in the partner network and who is missing: sectors, organisation types, pillars x age groups."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .. import reference, vocab
from ..model import Partner, Plan


def _join(values) -> str:
    return ", ".join(str(v) for v in values)


def partner_rows(plan: Plan) -> pd.DataFrame:
    """The partner list as people read it: Dutch column names and labels, one row per partner."""
    sectors = reference.lookup("sectoren")
    types = reference.lookup("organisatietypes")
    rows = [
        {
            "id": p.id,
            "Organisatie": p.organisatie,
            "Sector": sectors[p.sector].naam,
            "Type": types[p.type].naam if p.type else "",
            "Contactpersoon": p.contactpersoon,
            "E-mail": p.email,
            "Rol": p.rol,
            "Betrokkenheid": vocab.ENGAGEMENT_LEVELS[p.betrokkenheid],
            "Pijlers": _join(sorted(p.pijlers)),
            "Leeftijdsgroepen": _join(a for a in vocab.AGE_GROUPS if a in p.leeftijdsgroepen),
        }
        for p in plan.partners
    ]
    columns = ["id", "Organisatie", "Sector", "Type", "Contactpersoon", "E-mail", "Rol", "Betrokkenheid",
               "Pijlers", "Leeftijdsgroepen"]
    return pd.DataFrame(rows, columns=columns).set_index("id")


def missing_sectors(plan: Plan) -> list[reference.Sector]:
    """Sectors of the reference list without any partner, in reference order."""
    present = {p.sector for p in plan.partners}
    return [s for s in reference.sectors() if s.id not in present]


def missing_types(plan: Plan) -> list[reference.OrgType]:
    """Organisation types of the reference list that no partner has, in reference order (grouped by sector)."""
    present = {p.type for p in plan.partners if p.type}
    return [t for t in reference.organisation_types() if t.id not in present]


def sector_coverage(plan: Plan) -> pd.DataFrame:
    """Per sector: number of partners, organisation types involved and the types still missing."""
    absent = missing_types(plan)
    rows = []
    for sector in reference.sectors():
        members = [p for p in plan.partners if p.sector == sector.id]
        types = [t for t in reference.organisation_types() if t.sector == sector.id]
        missing = [t.naam for t in absent if t.sector == sector.id]
        rows.append({
            "sector": sector.id,
            "Sector": sector.naam,
            "Partners": len(members),
            "Types betrokken": len(types) - len(missing),
            "Types in de lijst": len(types),
            "Nog niet betrokken": missing,
        })
    return pd.DataFrame(rows).set_index("sector")


def reach_matrix(plan: Plan) -> pd.DataFrame:
    """Partners that reach each pillar (rows 1-8) for each age group (columns '0-3' ... '18-24')."""
    pillars = [p.nummer for p in reference.pillars()]
    matrix = pd.DataFrame(0, index=pd.Index(pillars, name="pijler"), columns=list(vocab.AGE_GROUPS))
    for partner in plan.partners:
        for pillar in set(partner.pijlers):
            for age in set(partner.leeftijdsgroepen):
                matrix.loc[pillar, age] += 1
    return matrix


def gaps_in(matrix: pd.DataFrame) -> list[tuple[int, str]]:
    """(pillar, age group) cells of a reach matrix that no partner reaches."""
    return [(pillar, age) for pillar in matrix.index for age in matrix.columns if matrix.loc[pillar, age] == 0]


def reach_gaps(plan: Plan) -> list[tuple[int, str]]:
    return gaps_in(reach_matrix(plan))


def without_reach(plan: Plan) -> list[Partner]:
    """Partners whose pillars or age groups are not filled in: they do not count in the reach matrix."""
    return [p for p in plan.partners if not p.pijlers or not p.leeftijdsgroepen]


@dataclass(frozen=True)
class Coverage:
    """Everything the "wie ontbreekt nog?" view shows, computed once."""

    sectors: pd.DataFrame
    missing_sectors: list[reference.Sector]
    missing_types: list[reference.OrgType]
    reach: pd.DataFrame
    gaps: list[tuple[int, str]]
    without_reach: list[Partner]


def coverage(plan: Plan) -> Coverage:
    reach = reach_matrix(plan)
    return Coverage(
        sectors=sector_coverage(plan),
        missing_sectors=missing_sectors(plan),
        missing_types=missing_types(plan),
        reach=reach,
        gaps=gaps_in(reach),
        without_reach=without_reach(plan),
    )

"""The plan schema: one municipality's Warme Stad plan over the 7 steps.

Field names are the Dutch domain terms a policy officer sees in the plan file
(the file is meant to be read and edited by people); the code around it is
English. Closed code lists come from `vocab`, longer reference tables
(pillars, sectors, catalogue, SDGs, municipalities) from `reference`.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal, Optional

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_serializer,
    model_validator,
)

from . import reference, vocab

SCHEMA_VERSION = 2  # 2: vision, governance, adoption, budget per year, communication, youth voice


class OneOf:
    """`OneOf[vocab.SETTINGS]`: the type of a field holding one code of a closed code list of vocab."""

    def __class_getitem__(cls, table: dict) -> object:
        return Literal[tuple(table)]  # type: ignore[valid-type]


Pillar = Annotated[int, Field(ge=1, le=8)]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
# Every text has a limit, so that no import or form can grow a plan past what a read accepts:
# Line for a name, code or contact detail, Note for a few sentences, Text for a report.
TEXT_LIMIT = 20_000  # the longest text any field takes
Text = Annotated[str, Field(max_length=TEXT_LIMIT)]
Note = Annotated[str, Field(max_length=2_000)]
Line = Annotated[str, Field(max_length=300)]
Name = Annotated[str, Field(min_length=1, max_length=300)]
Euro = Annotated[float, Field(ge=0, le=1e9)]
Year = Annotated[int, Field(ge=2000, le=2100)]
Score = Annotated[int, Field(ge=1, le=5)]

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class Base(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True, str_strip_whitespace=True)


def _known(kind: str, values: list[str], what: str) -> list[str]:
    known = reference.lookup(kind)
    unknown = [v for v in values if v not in known]
    if unknown:
        raise ValueError(f"onbekende {what}: {', '.join(map(str, unknown))}")
    return values


def _code_of(kind: str, what: str) -> AfterValidator:
    """For a field holding one code of the reference table `kind` (or None): an unknown code is refused.

    Views look a code up in its table: an unknown one must stop at the check, not in a step page."""
    return AfterValidator(lambda value: value if value is None else _known(kind, [value], what)[0])


def _codes_of(kind: str, what: str) -> AfterValidator:
    """For a field holding a list of codes of the reference table `kind`: unknown codes are refused."""
    return AfterValidator(lambda values: _known(kind, values, what))


def _check_email(value: str) -> str:
    if value and not _EMAIL.match(value):
        raise ValueError(f"'{value}' is geen geldig e-mailadres")
    return value


Email = Annotated[Line, AfterValidator(_check_email)]
# What a goal or action links to: the municipality's own meerjarenplan codes (free text), and
# SDG targets and Vizier 2030 goals from the reference data.
MjpCodes = list[Line]
SdgTargets = Annotated[list[Line], _codes_of("sdg_targets", "SDG-subdoelen")]
VizierGoals = Annotated[list[Line], _codes_of("vizier2030", "Vizier 2030-doelen")]


class Gemeente(Base):
    nis: Line
    naam: Name
    provincie: Line = ""
    logo: Line = ""
    gezondheidsmakers: Line = ""
    eerstelijnszone: Line = ""

    @field_validator("nis", mode="before")
    @classmethod
    def _nis_as_text(cls, value: object) -> object:
        # A hand-written `nis: 44021` is read by YAML as a number.
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    @model_validator(mode="after")
    def _known_municipality(self) -> "Gemeente":
        try:
            known = reference.municipality(self.nis)
        except Exception:
            raise ValueError(
                f"onbekende NIS-code '{self.nis}' (geen van de 285 Vlaamse gemeenten sinds 2025)"
            ) from None
        if known.naam != self.naam:
            raise ValueError(f"NIS-code {self.nis} hoort bij {known.naam}, niet bij '{self.naam}'")
        return self


class Persoon(Base):
    naam: Name
    functie: Line = ""
    organisatie: Line = ""
    email: Email = ""
    telefoon: Line = ""


class Engagement(Base):
    collegebeslissing_datum: Optional[date] = None
    collegebeslissing_referentie: Note = ""
    budget_eur: Optional[Euro] = None
    schepenen: list[Name] = []
    afspraak_logo: Note = ""
    afspraak_logo_datum: Optional[date] = None
    # The existing body where the project became a fixed agenda item (e.g. the werkgroep Gezonde
    # Gemeente or a jeugdwelzijnsoverleg), which the programme names as an alternative to a new group.
    vast_agendapunt: str = ""


class Partner(Base):
    id: Slug
    organisatie: Name
    sector: Annotated[Line, _code_of("sectoren", "sector")]
    type: Annotated[Optional[str], _code_of("organisatietypes", "organisatietype")] = None
    contactpersoon: Line = ""
    email: Email = ""
    telefoon: Line = ""
    rol: Note = ""
    betrokkenheid: OneOf[vocab.ENGAGEMENT_LEVELS] = "geinformeerd"
    pijlers: list[Pillar] = []
    leeftijdsgroepen: list[OneOf[vocab.AGE_GROUPS]] = []


class ProgrammaOnderdeel(Base):
    titel: Name
    duur_min: Annotated[int, Field(ge=0, le=600)] = 15
    wie: Note = ""


class Aanmelding(Base):
    naam: Name
    organisatie: Line = ""
    email: Email = ""
    sector: Annotated[Optional[str], _code_of("sectoren", "sector")] = None
    partner_id: Optional[Slug] = None


class Kickoff(Base):
    datum: Optional[date] = None
    locatie: Note = ""
    programma: list[ProgrammaOnderdeel] = []
    uitgenodigd: list[Slug] = []
    aanwezig: list[Slug] = []
    aanmeldingen: list[Aanmelding] = []
    verslag: Text = ""


class Kanaal(Base):
    kanaal: OneOf[vocab.YOUTH_CHANNELS]
    leeftijdsgroepen: list[OneOf[vocab.AGE_GROUPS]] = []
    boodschap: Note = ""
    datum: Optional[date] = None
    uitgevoerd: bool = False


class Inspraak(Base):
    """One moment young people were heard: who, how, what they said and what the plan does with it."""

    wie: Name  # e.g. "twaalf jongeren van 14 tot 18 jaar uit het jeugdhuis"
    hoe: Line = ""  # focusgroep, bevraging, panel ...
    datum: Optional[date] = None
    leeftijdsgroepen: list[OneOf[vocab.AGE_GROUPS]] = []
    wat_ze_zeiden: Note = ""
    wat_het_plan_ermee_doet: Note = ""


class Jongerenbetrokkenheid(Base):
    kanalen: list[Kanaal] = []
    inspraak: list[Inspraak] = []
    notities: Text = ""


class EigenCijfer(Base):
    indicator: Name
    jaar: Year
    waarde: float
    eenheid: Line = ""
    bron: Name
    vlaanderen: Optional[float] = None  # the same figure for Flanders, when the source gives it


class Aanbod(Base):
    naam: Name
    aanbieder: Line = ""
    pijlers: list[Pillar] = []
    leeftijdsgroepen: list[OneOf[vocab.AGE_GROUPS]] = []
    strategie: Optional[OneOf[vocab.STRATEGIES]] = None
    niveau: Optional[OneOf[vocab.LEVELS]] = None


class Nood(Base):
    bron: Line = ""
    omschrijving: Name


class EnqueteAntwoord(Base):
    vraag: Name
    antwoord: Name
    aantal: Annotated[int, Field(ge=0)]


class Omgevingsanalyse(Base):
    indicatoren: Annotated[list[Line], _codes_of("indicatoren", "indicatoren")] = []
    eigen_cijfers: list[EigenCijfer] = []
    notities: Text = ""
    aanbod: list[Aanbod] = []
    noden: list[Nood] = []
    enquete_bron: Note = ""
    enquete: list[EnqueteAntwoord] = []


class PijlerScore(Base):
    pijler: Pillar
    situatie: Optional[Score] = None
    belang: Optional[Score] = None
    haalbaarheid: Optional[Score] = None
    toelichting: Note = ""


class VorigeKoppeling(Base):
    """Meerjarenplan codes a goal or action pointed to in an earlier cycle (kept as history)."""

    cyclus: OneOf[vocab.CYCLES]
    mjp_codes: MjpCodes = []


class Koppelingen(Base):
    """Links to the meerjarenplan, SDG targets and Vizier 2030, with rejected suggestions."""

    mjp_codes: MjpCodes = []
    mjp_vorige: list[VorigeKoppeling] = []
    mjp_afgewezen: MjpCodes = []
    sdg_targets: SdgTargets = []
    sdg_afgewezen: SdgTargets = []
    vizier_doelen: VizierGoals = []
    vizier_afgewezen: VizierGoals = []

    @model_serializer(mode="wrap")
    def _links_last(self, handler):
        # Inherited fields come first in pydantic; in the file, id and titel should lead.
        data = handler(self)
        links = [name for name in Koppelingen.model_fields if name in data]
        return {k: v for k, v in data.items() if k not in links} | {k: data[k] for k in links}


class Doelstelling(Koppelingen):
    id: Slug
    titel: Name
    pijlers: list[Pillar] = []
    doelgroep: Note = ""
    indicator: Note = ""
    streefwaarde: Note = ""
    deadline: Optional[date] = None
    eigenaar: Line = ""


class Prioriteiten(Base):
    scores: list[PijlerScore] = []
    gekozen_pijlers: list[Pillar] = []
    doelstellingen: list[Doelstelling] = []

    @field_validator("scores")
    @classmethod
    def _one_score_per_pillar(cls, scores: list[PijlerScore]) -> list[PijlerScore]:
        seen = [s.pijler for s in scores]
        doubles = sorted({p for p in seen if seen.count(p) > 1})
        if doubles:
            raise ValueError(f"pijler {', '.join(map(str, doubles))} heeft meer dan één score")
        return scores


class Budgetregel(Base):
    """The money of one action in one year of the cycle, and where it comes from."""

    jaar: Year
    bedrag_eur: Euro
    financiering: OneOf[vocab.FUNDING_SOURCES] = "eigen-middelen"
    toelichting: Line = ""  # e.g. which subsidy or which partner


class StatusWijziging(Base):
    datum: date
    status: OneOf[vocab.ACTION_STATUSES]
    notitie: Note = ""


class Actie(Koppelingen):
    id: Slug
    titel: Name
    catalogus_id: Annotated[Optional[str], _code_of("inspiratiebox", "praktijk uit de inspiratiebox")] = None
    omschrijving: Text = ""
    doelstellingen: list[Slug] = []
    pijlers: list[Pillar] = []
    leeftijdsgroepen: list[OneOf[vocab.AGE_GROUPS]] = []
    setting: Optional[OneOf[vocab.SETTINGS]] = None
    strategie: Optional[OneOf[vocab.STRATEGIES]] = None
    trekker: Optional[Slug] = None
    partners: list[Slug] = []
    start: Optional[date] = None
    einde: Optional[date] = None
    budget_eur: Optional[Euro] = None  # the total; `budget` splits it over the years
    budget: list[Budgetregel] = []
    uitgegeven_eur: Optional[Euro] = None
    indicatoren: list[Line] = []
    status: OneOf[vocab.ACTION_STATUSES] = "gepland"
    statuslog: list[StatusWijziging] = []

    @field_validator("einde")
    @classmethod
    def _end_after_start(cls, einde: Optional[date], info: ValidationInfo) -> Optional[date]:
        # A field check (not a model check) so it is reported next to other field problems.
        start = info.data.get("start")
        if start and einde and einde < start:
            raise ValueError(f"de einddatum {einde} ligt voor de startdatum {start}")
        return einde


class MjpItem(Base):
    code: Name
    titel: Name
    niveau: OneOf[vocab.MJP_LEVELS]
    ouder: Optional[Line] = None
    prioritair: bool = False
    beleidsveld: Annotated[Optional[str], _code_of("beleidsvelden", "beleidsveld")] = None
    budget_eur: Optional[Euro] = None
    # Why the actions linked to this item add up to another amount (the reconciliation asks for it).
    reden_verschil: Note = ""


class Meerjarenplan(Base):
    cyclus: OneOf[vocab.CYCLES]
    items: list[MjpItem] = []


class Meting(Base):
    indicator: Name
    streefwaarde: Optional[float] = None
    waarde: Optional[float] = None
    eenheid: Line = ""
    toelichting: Note = ""


class Evaluatie(Base):
    jaar: Year
    metingen: list[Meting] = []
    wat_werkte: Text = ""
    bijsturing: Text = ""


class Verankeringsitem(Base):
    onderwerp: Slug  # id of a goal or an action
    plaats: OneOf[vocab.ANCHOR_PLACES]
    referentie: Note = ""
    notitie: Note = ""


class Verankering(Base):
    items: list[Verankeringsitem] = []
    notities: Text = ""


class Visie(Base):
    """The municipality's own words: where it wants to go (vision) and what it does for it (mission)."""

    visie: Note = ""
    missie: Note = ""


class Lid(Persoon):
    rol: Line = ""  # voorzitter, secretaris, lid ...


class Orgaan(Base):
    naam: Name
    soort: OneOf[vocab.BODY_KINDS] = "projectgroep"
    taak: Note = ""
    beslist_over: Note = ""  # who decides what: the plan names it per body
    vergadert: Line = ""  # how often, e.g. "vier keer per jaar"
    leden: list[Lid] = []


class Bestuur(Base):
    organen: list[Orgaan] = []


class Beslissing(Base):
    datum: Optional[date] = None
    referentie: Note = ""


class Vaststelling(Base):
    """The plan's adoption: its status, and the decisions of college and council."""

    status: OneOf[vocab.PLAN_STATUSES] = "ontwerp"
    college: Beslissing = Beslissing()
    gemeenteraad: Beslissing = Beslissing()
    voorstel_aan_de_raad: Note = ""  # what the council is asked to decide, when not the standard text


class Communicatie(Base):
    wat: Name
    voor_wie: Line = ""
    wanneer: Line = ""
    kanaal: Line = ""


class Plan(Base):
    schema_versie: int = SCHEMA_VERSION
    voorbeeld: bool = False
    gemeente: Gemeente
    cyclus: OneOf[vocab.CYCLES] = "2026-2031"
    coordinator: Optional[Persoon] = None
    visie: Visie = Visie()
    bestuur: Bestuur = Bestuur()
    engagement: Engagement = Engagement()
    partners: list[Partner] = []
    kickoff: Kickoff = Kickoff()
    jongeren: Jongerenbetrokkenheid = Jongerenbetrokkenheid()
    omgevingsanalyse: Omgevingsanalyse = Omgevingsanalyse()
    prioriteiten: Prioriteiten = Prioriteiten()
    acties: list[Actie] = []
    meerjarenplan: Optional[Meerjarenplan] = None
    vorige_meerjarenplannen: list[Meerjarenplan] = []
    evaluaties: list[Evaluatie] = []
    communicatie: list[Communicatie] = []
    vaststelling: Vaststelling = Vaststelling()
    verankering: Verankering = Verankering()

    @model_validator(mode="after")
    def _cross_references(self) -> "Plan":
        problems = list(cross_reference_problems(self))
        if problems:
            raise ValueError("\n".join(problems))
        return self

    def absent_sections(self) -> list[str]:
        """Sections that were not in the file this plan was read from (a new or a cut-off plan).

        Evaluations come after a year of actions and earlier meerjarenplannen after a new cycle, so
        their absence says nothing; `verankering`, the last section of every saved plan, is missing
        from any file cut before its end.
        """
        optional = {"schema_versie", "voorbeeld", "gemeente", "cyclus", "evaluaties", "vorige_meerjarenplannen"}
        return [name for name in Plan.model_fields if name not in optional and name not in self.model_fields_set]

    # Lookups used by views and reports.
    @property
    def projectgroep(self) -> list[Lid]:
        """The members of the plan's project group(s): the governance bodies of that kind."""
        return [m for body in self.bestuur.organen if body.soort == "projectgroep" for m in body.leden]

    def partner(self, partner_id: str) -> Partner:
        return next(p for p in self.partners if p.id == partner_id)

    def partner_name(self, partner_id: Optional[str]) -> str:
        found = [p.organisatie for p in self.partners if p.id == partner_id]
        return found[0] if found else ""


def _doubles(ids: list[str]) -> list[str]:
    return sorted({i for i in ids if ids.count(i) > 1})


def cross_reference_problems(plan: Plan):
    """Links inside the plan that point nowhere, and ids used twice."""
    partner_ids = [p.id for p in plan.partners]
    goal_ids = [d.id for d in plan.prioriteiten.doelstellingen]
    action_ids = [a.id for a in plan.acties]
    for what, ids in (("partner", partner_ids), ("doelstelling", goal_ids), ("actie", action_ids)):
        for double in _doubles(ids):
            yield f"de {what}-id '{double}' komt meer dan eens voor"
    partners, goals = set(partner_ids), set(goal_ids)
    for action in plan.acties:
        if action.trekker and action.trekker not in partners:
            yield f"actie '{action.id}': trekker '{action.trekker}' staat niet in de partnerlijst"
        for pid in action.partners:
            if pid not in partners:
                yield f"actie '{action.id}': partner '{pid}' staat niet in de partnerlijst"
        for gid in action.doelstellingen:
            if gid not in goals:
                yield f"actie '{action.id}': doelstelling '{gid}' bestaat niet"
    for field in ("uitgenodigd", "aanwezig"):
        for pid in getattr(plan.kickoff, field):
            if pid not in partners:
                yield f"kickoff.{field}: partner '{pid}' staat niet in de partnerlijst"
    for signup in plan.kickoff.aanmeldingen:
        if signup.partner_id and signup.partner_id not in partners:
            yield f"kickoff.aanmeldingen: partner '{signup.partner_id}' staat niet in de partnerlijst"
    subjects = partners | goals | set(action_ids)
    for item in plan.verankering.items:
        if item.onderwerp not in subjects:
            yield f"verankering: '{item.onderwerp}' is geen doelstelling of actie van dit plan"
    years = [e.jaar for e in plan.evaluaties]
    for double in _doubles(years):
        yield f"evaluatie: het jaar {double} staat er meer dan eens in"
    yield from _meerjarenplan_problems(plan)


MJP_DEPTH = {level: depth for depth, level in enumerate(vocab.MJP_LEVELS)}


def meerjarenplan_item_problems(items: list[MjpItem]):
    """(index, Dutch problem) for items that break the hierarchy of a meerjarenplan.

    Codes are unique; a beleidsdoelstelling has no parent, an actieplan hangs under a
    beleidsdoelstelling and an actie under an actieplan; a priority item makes its parent
    priority (DOMAIN.md). Used by the plan check and by the importer (which adds row numbers).
    """
    by_code: dict[str, MjpItem] = {}
    for index, item in enumerate(items):
        if item.code in by_code:
            yield index, f"de code '{item.code}' komt meer dan eens voor"
        else:
            by_code[item.code] = item
    levels = list(vocab.MJP_LEVELS)
    for index, item in enumerate(items):
        depth = MJP_DEPTH[item.niveau]
        label = vocab.MJP_LEVELS[item.niveau]
        if depth == 0:
            if item.ouder:
                yield index, f"{label} '{item.code}' staat bovenaan en heeft geen ouder (nu: '{item.ouder}')"
            continue
        expected = vocab.MJP_LEVELS[levels[depth - 1]]
        parent = by_code.get(item.ouder) if item.ouder else None
        if not item.ouder:
            yield index, f"{label} '{item.code}' hangt onder geen {expected} (veld ouder is leeg)"
        elif parent is None:
            yield index, f"{label} '{item.code}' hangt onder '{item.ouder}', maar die code bestaat niet"
        elif MJP_DEPTH[parent.niveau] != depth - 1:
            yield index, (f"{label} '{item.code}' hangt onder '{item.ouder}', een "
                          f"{vocab.MJP_LEVELS[parent.niveau]}; een {label} hangt onder een {expected}")
        elif item.prioritair and not parent.prioritair:
            yield index, (f"{label} '{item.code}' is prioritair, dus ook {expected} '{parent.code}' "
                          "moet prioritair zijn")


def _meerjarenplan_problems(plan: Plan):
    """The hierarchy of each meerjarenplan, and links to codes that do not exist."""
    current = [plan.meerjarenplan] if plan.meerjarenplan else []
    for which, mjp in [("meerjarenplan", m) for m in current] + [
        ("vorige_meerjarenplannen", m) for m in plan.vorige_meerjarenplannen
    ]:
        for index, problem in meerjarenplan_item_problems(mjp.items):
            yield f"{which} {mjp.cyclus}, item {index + 1}: {problem}"
    for double in _doubles([m.cyclus for m in plan.vorige_meerjarenplannen]):
        yield f"vorige_meerjarenplannen: de cyclus {double} staat er meer dan eens in"
    codes = {item.code for item in plan.meerjarenplan.items} if plan.meerjarenplan else set()
    history = {m.cyclus: {item.code for item in m.items} for m in plan.vorige_meerjarenplannen}
    subjects = [("doelstelling", d) for d in plan.prioriteiten.doelstellingen]
    subjects += [("actie", a) for a in plan.acties]
    for what, subject in subjects:
        for code in subject.mjp_codes:
            if plan.meerjarenplan is None:
                yield (f"{what} '{subject.id}': gekoppeld aan meerjarenplan-code '{code}', "
                       "maar er is nog geen meerjarenplan")
            elif code not in codes:
                yield (f"{what} '{subject.id}': meerjarenplan-code '{code}' bestaat niet in het "
                       f"meerjarenplan {plan.meerjarenplan.cyclus}")
        for old in subject.mjp_vorige:
            if old.cyclus not in history:
                yield (f"{what} '{subject.id}': mjp_vorige verwijst naar het meerjarenplan {old.cyclus}, "
                       "maar dat staat niet bij vorige_meerjarenplannen")
                continue
            for code in old.mjp_codes:
                if code not in history[old.cyclus]:
                    yield (f"{what} '{subject.id}': code '{code}' bestaat niet in het vorige "
                           f"meerjarenplan {old.cyclus}")

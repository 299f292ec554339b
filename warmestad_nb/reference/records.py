"""The record types of the reference data: one frozen dataclass per kind of item."""

from __future__ import annotations

from dataclasses import dataclass

# What a practice of the inspiratiebox has as bron_adres when its facts could not be checked.
NO_SOURCE = "geen bron gevonden"


@dataclass(frozen=True, slots=True)
class Source:
    titel: str
    uitgever: str
    jaar: int | str
    opmerking: str = ""


@dataclass(frozen=True, slots=True)
class Pillar:
    nummer: int
    titel: str
    kort: str


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    id: str
    tekst: str


@dataclass(frozen=True, slots=True)
class Step:
    nummer: int
    naam: str
    doel: str
    opleveringen: tuple[str, ...]
    checklist: tuple[ChecklistItem, ...]


@dataclass(frozen=True, slots=True)
class Sector:
    id: str
    naam: str


@dataclass(frozen=True, slots=True)
class OrgType:
    id: str
    naam: str
    sector: str


@dataclass(frozen=True, slots=True)
class KickoffPart:
    id: str
    titel: str
    duur_min: int
    wie: str
    uitleg: str


@dataclass(frozen=True, slots=True)
class Practice:
    id: str
    titel: str
    soort: str
    bron_adres: str
    omschrijving: str
    doel: str
    pijlers: tuple[int, ...]
    leeftijden: tuple[str, ...]
    doelgroepen: tuple[str, ...]
    settings: tuple[str, ...]
    strategie: str
    niveau: str
    preventietype: str
    aanbieder: str
    website: str
    kosten: str
    kosten_toelichting: str
    evaluatie: str
    voorbeeldgemeente: str
    beleidsvelden: tuple[str, ...]
    sdg_targets: tuple[str, ...]

    @property
    def has_source(self) -> bool:
        """Only practices whose facts were checked against a source are suggested."""
        return self.bron_adres != NO_SOURCE


@dataclass(frozen=True, slots=True)
class Sdg:
    nummer: int
    naam: str


@dataclass(frozen=True, slots=True)
class SdgTarget:
    code: str
    sdg: int
    tekst: str


@dataclass(frozen=True, slots=True)
class VizierGoal:
    id: str
    titel: str  # the official wording
    thema: str
    bron_adres: str  # where that wording was checked


@dataclass(frozen=True, slots=True)
class SdgRule:
    """One row of data/sdg_regels.yaml: conditions (all must hold) and what it suggests."""

    id: str
    pijlers: tuple[int, ...]
    settings: tuple[str, ...]
    woorden: tuple[str, ...]
    catalogus: bool
    sdg_targets: tuple[str, ...]
    vizier: tuple[str, ...]
    uitleg: str


@dataclass(frozen=True, slots=True)
class Beleidsveld:
    code: str
    naam: str


@dataclass(frozen=True, slots=True)
class IndicatorDef:
    id: str
    naam: str
    eenheid: str
    soort: str
    noemer: str
    code: str
    jaar_label: str
    bron: Source
    referentiejaar: int | None = None  # None: the source's edition was recorded, its reference year not


@dataclass(frozen=True, slots=True)
class ContextFigure:
    """A Flemish figure on young people's mental well-being (no municipal figure exists)."""

    id: str
    cijfer: str
    omschrijving: str
    leeftijd: str
    jaar: int
    bron: str
    bron_adres: str


@dataclass(frozen=True, slots=True)
class Municipality:
    nis: str
    naam: str
    provincie: str
    logo: str
    gezondheidsmakers: str
    eerstelijnszone: str


@dataclass(frozen=True, slots=True)
class Merger:
    nis_2024: str
    nis_2025: str
    naam_2024: str
    naam_2025: str

"""Dutch labels of the plan's fields, for messages a user reads in the forms.

Built from the model itself: every field gets a label from its (Dutch) name, and the few names
that do not read well on their own have one written here. A new field therefore always has a label.
"""

from __future__ import annotations

import typing
from functools import lru_cache

from pydantic import BaseModel

from .model import Plan

_WRITTEN = {
    "afspraak_logo": "Afspraak met het Logo",
    "budget": "Budget per jaar",
    "afspraak_logo_datum": "Datum van de afspraak met het Logo",
    "catalogus_id": "Praktijk uit de inspiratiebox",
    "collegebeslissing_datum": "Datum van de collegebeslissing",
    "collegebeslissing_referentie": "Referentie van de collegebeslissing",
    "coordinator": "Coördinator",
    "email": "E-mail",
    "enquete": "Enquête",
    "enquete_bron": "Bron van de enquête",
    "id": "Code",
    "kickoff": "Startmoment",
    "mjp_afgewezen": "Afgewezen koppelingen met het meerjarenplan",
    "mjp_codes": "Codes in het meerjarenplan",
    "mjp_vorige": "Koppelingen met het vorige meerjarenplan",
    "nis": "NIS-code",
    "organen": "Overlegorganen",
    "reden_verschil": "Reden voor het verschil met het meerjarenplan",
    "partner_id": "Partner",
    "schema_versie": "Versie van het bestandsformaat",
    "sdg_afgewezen": "Afgewezen SDG-subdoelen",
    "sdg_targets": "SDG-subdoelen",
    "statuslog": "Statusverloop",
    "vergadert": "Komt samen",
    "vizier_afgewezen": "Afgewezen Vizier 2030-doelen",
    "vizier_doelen": "Vizier 2030-doelen",
    "voorstel_aan_de_raad": "Voorstel aan de gemeenteraad",
}

_UNITS = {"_eur": " (EUR)", "_min": " (minuten)"}


def _from_name(name: str) -> str:
    """'budget_eur' -> 'Budget (EUR)', 'wat_werkte' -> 'Wat werkte'."""
    suffix = next((s for s in _UNITS if name.endswith(s)), "")
    words = name.removesuffix(suffix).replace("_", " ")
    return words[:1].upper() + words[1:] + _UNITS.get(suffix, "")


def _models(annotation: object) -> typing.Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for part in typing.get_args(annotation):
        yield from _models(part)


@lru_cache(maxsize=1)
def labels() -> dict[str, str]:
    """Field name -> Dutch label, for every field anywhere in the plan."""
    found: dict[str, str] = {}
    todo, seen = [Plan], set()
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, info in model.model_fields.items():
            found[name] = _WRITTEN.get(name) or _from_name(name)
            todo.extend(_models(info.annotation))
    return found


def label(name: str) -> str:
    return labels().get(name) or _from_name(name)

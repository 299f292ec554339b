"""Informing children and young people from the start: which channels reach which age group."""

from __future__ import annotations

import pandas as pd

from .. import vocab
from ..model import Plan


def channels_by_age(plan: Plan) -> pd.DataFrame:
    """Per age group: the channels planned for it, and how many of them were carried out."""
    rows = []
    for age, label in vocab.AGE_GROUPS.items():
        channels = [k for k in plan.jongeren.kanalen if age in k.leeftijdsgroepen]
        rows.append({
            "leeftijdsgroep": age,
            "Leeftijdsgroep": label,
            "Kanalen": ", ".join(dict.fromkeys(vocab.YOUTH_CHANNELS[k.kanaal] for k in channels)),
            "Gepland": len(channels),
            "Uitgevoerd": sum(k.uitgevoerd for k in channels),
        })
    return pd.DataFrame(rows).set_index("leeftijdsgroep")


def ages_without_channel(plan: Plan) -> list[str]:
    """Age groups (codes) for which no channel is planned yet."""
    reached = {age for k in plan.jongeren.kanalen for age in k.leeftijdsgroepen}
    return [age for age in vocab.AGE_GROUPS if age not in reached]

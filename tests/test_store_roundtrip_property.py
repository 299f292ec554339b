"""Property: any valid plan survives save and load unchanged."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warmestad_nb import vocab
from warmestad_nb.model import Actie, Gemeente, Kickoff, Partner, Plan
from warmestad_nb.store import PlanStore, create_plan, read_plan

# Text as people type it: accents, quotes, colons, hashes, newlines, emoji.
text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x85")
    | st.sampled_from(list("\n:#'\"-{}[]&*!|>%@` ")),
    max_size=40,
).map(str.strip)
name = text.filter(bool)
pillars = st.lists(st.integers(1, 8), unique=True, max_size=4)
ages = st.lists(st.sampled_from(list(vocab.AGE_GROUPS)), unique=True, max_size=3)
money = st.none() | st.floats(min_value=0, max_value=1e7, allow_nan=False) | st.integers(0, 10**7)
dates = st.none() | st.dates()


@st.composite
def plans(draw) -> Plan:
    partner_ids = draw(st.lists(st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True), unique=True, max_size=5))
    partners = [
        Partner(
            id=pid,
            organisatie=draw(name),
            sector=draw(st.sampled_from(["onderwijs", "welzijn", "vrije-tijd", "zorg"])),
            rol=draw(text),
            betrokkenheid=draw(st.sampled_from(list(vocab.ENGAGEMENT_LEVELS))),
            pijlers=draw(pillars),
            leeftijdsgroepen=draw(ages),
        )
        for pid in partner_ids
    ]
    actions = []
    for n in range(draw(st.integers(0, 4))):
        start = draw(dates)
        actions.append(
            Actie(
                id=f"actie-{n}",
                titel=draw(name),
                omschrijving=draw(text),
                pijlers=draw(pillars),
                trekker=draw(st.none() | st.sampled_from(partner_ids)) if partner_ids else None,
                start=start,
                einde=start,
                budget_eur=draw(money),
                status=draw(st.sampled_from(list(vocab.ACTION_STATUSES))),
            )
        )
    return Plan(
        gemeente=Gemeente(nis="13013", naam="Herselt"),
        cyclus=draw(st.sampled_from(list(vocab.CYCLES))),
        voorbeeld=draw(st.booleans()),
        partners=partners,
        acties=actions,
        kickoff=Kickoff(datum=draw(dates), verslag=draw(text)),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=plans(), second=plans())
def test_random_plans_survive_save_and_load(first, second):
    with tempfile.TemporaryDirectory() as folder:
        path = create_plan(Path(folder) / "plan.yaml", first)
        assert read_plan(path) == first
        plan_store = PlanStore(path)
        plan_store.save(second)  # an edit over an existing file
        assert read_plan(path) == second

"""Step 1 analyses on plans with known content: who is missing, commitment, kick-off timing, youth channels."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from warmestad_nb.analysis import commitment, kickoff, partners, youth
from warmestad_nb.edits.kickoff import signups_to_partners
from warmestad_nb.model import Aanmelding, Gemeente, Kanaal, Partner, Persoon, Plan, ProgrammaOnderdeel
from warmestad_nb.store import read_plan

ROOT = Path(__file__).resolve().parents[2]


def _plan(*partner_list: Partner, **fields) -> Plan:
    return Plan(gemeente=Gemeente(nis="13013", naam="Herselt"), partners=list(partner_list), **fields)


KNOWN = (
    Partner(id="jeugddienst", organisatie="Jeugddienst", sector="lokaal-bestuur", type="jeugddienst",
            pijlers=[4, 8], leeftijdsgroepen=["6-12", "12-18"]),
    Partner(id="clb", organisatie="CLB", sector="onderwijs", type="clb", pijlers=[7], leeftijdsgroepen=["6-12"]),
    Partner(id="chiro", organisatie="Chiro", sector="vrije-tijd", type="chiro", pijlers=[4],
            leeftijdsgroepen=["6-12", "12-18"]),
    Partner(id="cgg", organisatie="CGG", sector="zorg", type="cgg"),  # reach not filled in
    Partner(id="huisarts", organisatie="Huisarts", sector="zorg"),  # no type
)


def test_missing_sectors_of_a_known_plan():
    missing = partners.missing_sectors(_plan(*KNOWN))
    assert [s.id for s in missing] == [
        "gezin-jeugd", "welzijn", "preventie", "werk", "veiligheid", "hulplijnen", "fondsen-netwerken",
    ]
    assert [s.naam for s in missing][:2] == ["Gezin en jeugd", "Welzijn"]


def test_missing_types_of_a_known_plan():
    missing = [t.id for t in partners.missing_types(_plan(*KNOWN))]
    assert len(missing) == 74 - 4
    assert {"jeugddienst", "clb", "chiro", "cgg"}.isdisjoint(missing)
    assert missing[:3] == ["sportdienst", "cultuurdienst", "bibliotheek"]  # reference order, by sector
    assert missing[-1] == "demos"


def test_sector_table_counts_partners_and_types():
    table = partners.sector_coverage(_plan(*KNOWN))
    zorg = table.loc["zorg"]
    assert (zorg["Partners"], zorg["Types betrokken"], zorg["Types in de lijst"]) == (2, 1, 8)
    assert "CGG (centrum voor geestelijke gezondheidszorg)" not in zorg["Nog niet betrokken"]
    assert "Huisartsen(kring)" in zorg["Nog niet betrokken"]
    assert table.loc["welzijn", "Partners"] == 0


def test_reach_matrix_counts_each_partner_once_per_cell():
    matrix = partners.reach_matrix(_plan(*KNOWN))
    assert matrix.loc[4, "6-12"] == 2 and matrix.loc[4, "12-18"] == 2
    assert matrix.loc[7, "6-12"] == 1 and matrix.loc[8, "12-18"] == 1
    assert int(matrix.to_numpy().sum()) == 4 + 1 + 2
    gaps = partners.reach_gaps(_plan(*KNOWN))
    assert (1, "0-3") in gaps and (4, "6-12") not in gaps and len(gaps) == 40 - 5
    assert [p.id for p in partners.without_reach(_plan(*KNOWN))] == ["cgg", "huisarts"]


def test_herselt_example_misses_what_its_comment_says():
    plan = read_plan(ROOT / "data" / "voorbeelden" / "13013-herselt.yaml")
    assert [s.id for s in partners.missing_sectors(plan)] == [
        "welzijn", "zorg", "werk", "veiligheid", "hulplijnen", "fondsen-netwerken",
    ]
    assert ("8", "0-3") not in partners.reach_gaps(plan)  # pillars are numbers, not text
    assert (8, "0-3") in partners.reach_gaps(plan)


def test_commitment_checklist_names_what_is_missing():
    plan = _plan(*KNOWN)
    missing = commitment.still_missing(plan)
    assert len(missing) == 6
    plan.engagement.collegebeslissing_datum = date(2026, 2, 9)
    plan.coordinator = Persoon(naam="Wim")
    items = {i.id: i for i in commitment.commitment_checklist(plan)}
    assert not items["collegebeslissing"].done
    assert items["collegebeslissing"].detail == "Nog in te vullen: een link of referentie."
    assert not items["coordinator"].done and "e-mailadres of telefoonnummer" in items["coordinator"].detail
    plan.engagement.collegebeslissing_referentie = "Collegezitting 9/2, punt 12"
    plan.engagement.budget_eur = 5000
    items = {i.id: i for i in commitment.commitment_checklist(plan)}
    assert items["collegebeslissing"].done and items["budget"].detail == "€ 5.000"


def test_kickoff_suggestion_schedule_and_invitations():
    plan = _plan(*KNOWN, cyclus="2026-2031")
    parts, proposed = kickoff.programme(plan)
    assert proposed and len(parts) == 5
    assert "meerjarenplan 2026-2031" in parts[1].titel and "SDG" in parts[1].titel
    assert [p.titel.split()[0] for p in parts] == ["Voorstelling", "Het", "Speeddates", "Spreker", "Wie"]
    slots = kickoff.schedule([ProgrammaOnderdeel(titel="a", duur_min=50), ProgrammaOnderdeel(titel="b", duur_min=25)])
    assert [(s.start, s.einde) for s in slots] == [("0:00", "0:50"), ("0:50", "1:15")]
    guests, proposal = kickoff.invitees(plan)
    assert proposal and len(guests) == 5
    plan.kickoff.uitgenodigd = ["clb", "chiro"]
    plan.kickoff.aanwezig = ["clb"]
    rows = kickoff.invitation_rows(plan)
    assert list(rows["Organisatie"]) == ["CLB", "Chiro"] and list(rows["Aanwezig"]) == ["ja", ""]


def test_signups_become_partners_in_one_step():
    plan = _plan(*KNOWN)
    plan.kickoff.aanmeldingen = [
        Aanmelding(naam="Bert", organisatie="Huisartsenkring Zuiderkempen", email="bert@example.org", sector="zorg"),
        Aanmelding(naam="An", organisatie="chiro", sector="vrije-tijd"),  # already a partner (other case)
        Aanmelding(naam="Zonder Sector", organisatie="Buurtwerk"),
    ]
    result = signups_to_partners(plan, "projectgroep")
    assert result.added == ["Huisartsenkring Zuiderkempen"] and result.linked == ["chiro"]
    assert result.skipped == ["Zonder Sector: de sector ontbreekt"]
    new = plan.partner("huisartsenkring-zuiderkempen")
    assert (new.sector, new.contactpersoon, new.email, new.betrokkenheid) == ("zorg", "Bert", "bert@example.org",
                                                                              "projectgroep")
    assert plan.kickoff.aanmeldingen[1].partner_id == "chiro"
    assert plan.kickoff.aanwezig == ["huisartsenkring-zuiderkempen", "chiro"]
    Plan.model_validate(plan.model_dump())  # cross references still hold
    assert signups_to_partners(plan).added == []  # a second run adds nothing


def test_youth_channels_per_age_group():
    plan = _plan(*KNOWN)
    assert youth.ages_without_channel(plan) == ["0-3", "3-6", "6-12", "12-18", "18-24"]
    plan.jongeren.kanalen = [Kanaal(kanaal="scholen", leeftijdsgroepen=["6-12", "12-18"], uitgevoerd=True),
                             Kanaal(kanaal="ouders", leeftijdsgroepen=["0-3"])]
    assert youth.ages_without_channel(plan) == ["3-6", "18-24"]
    table = youth.channels_by_age(plan)
    assert table.loc["6-12", "Kanalen"] == "scholen" and table.loc["6-12", "Uitgevoerd"] == 1
    assert table.loc["0-3", "Gepland"] == 1 and table.loc["0-3", "Uitgevoerd"] == 0

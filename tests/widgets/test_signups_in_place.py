"""A kick-off sign-up changed in place (step 1): choose it, correct a field, and the plan file on disk has
the change at once; a wrong e-mail address is refused with the field's Dutch name."""

from __future__ import annotations

from warmestad_nb.store import read_plan
from warmestad_nb.widgets import step1
from warmestad_nb.widgets.session import PlanSession


def test_a_signup_is_corrected_in_place(herselt):
    form = step1.KickoffForm(PlanSession(str(herselt))).signup_form
    form.chooser.value = 0
    form.inputs["organisatie"].value = "Huisartsenpraktijk De Linde (voorbeeld)"
    form.inputs["sector"].value = "welzijn"
    signup = read_plan(herselt).kickoff.aanmeldingen[0]
    assert (signup.organisatie, signup.sector) == ("Huisartsenpraktijk De Linde (voorbeeld)", "welzijn")
    before = herselt.read_bytes()
    form.inputs["email"].value = "dokter.example.org"  # refused, and kept in its field to be corrected
    assert (herselt.read_bytes(), form.inputs["email"].value) == (before, "dokter.example.org")
    assert "E-mail: &#x27;dokter.example.org&#x27; is geen geldig e-mailadres" in form.message.value
    form.inputs["email"].value = "dokter@example.org"
    assert read_plan(herselt).kickoff.aanmeldingen[0].email == "dokter@example.org"

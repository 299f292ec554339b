"""Closed code lists of the plan file format, with their Dutch labels.

These codes are part of the file format (the schema validates against them);
the longer reference tables (pillars, catalogue, SDGs ...) live in data/.
"""

from __future__ import annotations

AGE_GROUPS = {
    "0-3": "0-3 jaar",
    "3-6": "3-6 jaar",
    "6-12": "6-12 jaar",
    "12-18": "12-18 jaar",
    "18-24": "18-24 jaar",
}

TARGET_GROUPS = {
    "kinderen-jongeren": "kinderen en jongeren",
    "ouders": "ouders",
    "intermediairen": "intermediairen",
}

SETTINGS = {
    "gezin": "gezin",
    "kinderopvang": "kinderopvang",
    "school": "school",
    "vrije-tijd": "vrije tijd",
    "buurt": "buurt / publieke ruimte",
    "werk": "werk",
    "welzijn-zorg": "welzijn en zorg",
    "beleid": "gemeente / beleid",
}

# Rows of the gezondheidsmatrix.
STRATEGIES = {
    "educatie": "educatie",
    "omgeving": "omgevingsinterventies",
    "regels": "afspraken en regels",
    "zorg": "zorg en begeleiding",
}

# Columns of the gezondheidsmatrix.
LEVELS = {
    "individu": "individu",
    "risicogroep": "risicogroepen",
    "setting": "de hele setting",
    "buiten-setting": "omgeving buiten de setting",
}

PREVENTION_TYPES = {
    "universeel": "universeel",
    "selectief": "selectief",
    "geindiceerd": "geïndiceerd",
}

# What kind of practice an item of the inspiratiebox is (data/inspiratiebox.yaml, field soort).
PRACTICE_KINDS = {
    "campagne": "campagne of actiedag",
    "methode": "methode, training of lespakket",
    "vorming": "vorming of cursus",
    "hulpaanbod": "hulplijn of hulpaanbod",
    "informatie": "informatie of zelfhulp",
    "instrument": "bevraging of instrument",
    "voorziening": "lokale voorziening of structuur",
}

COST_LEVELS = {
    "gratis": "gratis",
    "laag": "laag",
    "midden": "gemiddeld",
    "hoog": "hoog",
}

ENGAGEMENT_LEVELS = {
    "geinformeerd": "geïnformeerd",
    "geconsulteerd": "geconsulteerd",
    "projectgroep": "lid van de projectgroep",
    "trekker": "trekker",
}

ACTION_STATUSES = {
    "gepland": "gepland",
    "lopend": "lopend",
    "afgerond": "afgerond",
    "stopgezet": "stopgezet",
}

CYCLES = {
    "2020-2025": "meerjarenplan 2020-2025",
    "2026-2031": "meerjarenplan 2026-2031",
}

YOUTH_CHANNELS = {
    "scholen": "scholen",
    "jeugdwerk": "jeugdwerk",
    "ouders": "ouders",
    "jeugdraad": "jeugdraad",
    "online": "online",
    "andere": "andere",
}

MJP_LEVELS = {
    "beleidsdoelstelling": "beleidsdoelstelling",
    "actieplan": "actieplan",
    "actie": "actie",
}

ANCHOR_PLACES = {
    "meerjarenplan": "meerjarenplan",
    "budget": "budgetlijn",
    "beleidsnota": "beleidsnota",
    "andere": "andere",
}

# Bodies of the plan's governance (schema version 2).
BODY_KINDS = {
    "stuurgroep": "stuurgroep",
    "projectgroep": "projectgroep",
    "werkgroep": "werkgroep",
    "adviesraad": "adviesraad",
    "andere": "ander overleg",
}

# The plan as a document: a draft, or the final version put to the council.
PLAN_STATUSES = {
    "ontwerp": "ontwerp",
    "definitief": "definitief",
}

# Where the money of an action comes from, per year.
FUNDING_SOURCES = {
    "eigen-middelen": "eigen middelen",
    "subsidie": "subsidie",
    "partnerbijdrage": "bijdrage van een partner",
    "andere": "andere",
}

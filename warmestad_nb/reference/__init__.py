"""Read-only access to the reference data shipped in data/.

Pillars, steps, sectors, organisation types, the inspiratiebox catalogue, SDGs, Vizier 2030 goals,
BBC beleidsvelden, indicator metadata, the 285 Flemish municipalities, the 2025 mergers, the 2026
population table and the Gemeente-Stadsmonitor indicator values.

Kept fast and light on purpose (it is imported by the CLI, the notebooks and the batch workers):
no pandas, only the standard library and ruamel.yaml's safe loader. Every table is parsed once per
process (functools.cache) and checked while it is built; a broken data file raises WarmeStadError
with a Dutch message naming the file, the item and the field.

The data folder is ``DATA_DIR`` (the project's data/), or the folder in the environment variable
``WARMESTAD_DATA`` when that is set. Call ``clear_cache()`` after changing either in a running process.

One module per concern; this package re-exports their public names, so importers say `reference.x`:
  records.py         the record types (frozen dataclasses)
  loader.py          reading and checking the files of data/, the tables' sources, the cache
  text.py            how words, titles and municipality names are compared
  tables.py          the YAML tables, and `lookup` by natural key
  municipal.py       the municipalities, the 2025 mergers, finding one by name or NIS code
  figures.py         population and Stadsmonitor figures per municipality
"""

from __future__ import annotations

from .figures import YOUTH_BANDS, indicator_values, population_2026
from .loader import CSV_TABLES, DATA_DIR, YAML_TABLES, clear_cache, data_dir, source
from .municipal import MERGER_DATE_NL, find_municipality, mergers, municipalities, municipality
from .records import (NO_SOURCE, Beleidsveld, ChecklistItem, ContextFigure, IndicatorDef, KickoffPart, Merger,
                      Municipality, OrgType, Pillar, Practice, Sdg, SdgRule, SdgTarget, Sector, Source, Step,
                      VizierGoal)
from .tables import (beleidsvelden, catalogue, flemish_figures, indicator_defs, kickoff_parts, lookup,
                     organisation_types, pillars, practice, sdg_rules, sdg_targets, sdgs, sectors, steps, vizier_goals)
from .text import name_key, plain_text, words_match


__all__ = [  # the public names of the modules above: importers say `reference.x`
    "YOUTH_BANDS", "indicator_values", "population_2026", "CSV_TABLES", "DATA_DIR", "YAML_TABLES", "clear_cache",
    "data_dir", "source", "MERGER_DATE_NL", "find_municipality", "mergers", "municipalities", "municipality",
    "NO_SOURCE", "Beleidsveld", "ChecklistItem", "ContextFigure", "IndicatorDef", "KickoffPart", "Merger",
    "Municipality", "OrgType", "Pillar", "Practice", "Sdg", "SdgRule", "SdgTarget", "Sector", "Source", "Step",
    "VizierGoal", "beleidsvelden", "catalogue", "flemish_figures", "indicator_defs", "kickoff_parts", "lookup",
    "organisation_types", "pillars", "practice", "sdg_rules", "sdg_targets", "sdgs", "sectors", "steps",
    "vizier_goals", "name_key", "plain_text", "words_match", "load_all"
]


def load_all() -> None:
    """Load and check every table (used by tests and by `warmestad` at start-up to fail early)."""
    for table in YAML_TABLES:
        lookup(table)
        source(table)
    municipalities()
    mergers()
    population_2026()
    indicator_values()
    for table in CSV_TABLES:
        source(table)

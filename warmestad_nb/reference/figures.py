"""The figures per municipality: the 2026 population table and the Gemeente-Stadsmonitor indicator values."""

from __future__ import annotations

from .loader import check_nis, csv_rows, file_error, cached
from .tables import indicator_defs


# Non-numeric columns of the population table; every other column is a count.
_POPULATION_TEXT_COLUMNS = ("nis", "gemeente", "provincie", "reference_date")


# The five-year bands that make up the 0-24 population.
YOUTH_BANDS = ("0_4", "5_9", "10_14", "15_19", "20_24")


@cached
def _population() -> dict[str, dict[str, int]]:
    path, header, rows = csv_rows("bevolking", ("nis", "total", "m_0_4", "f_0_4"))
    columns = [c for c in header if c not in _POPULATION_TEXT_COLUMNS]
    out: dict[str, dict[str, int]] = {}
    for line_no, row in enumerate(rows, start=2):
        nis = check_nis(path, line_no, row["nis"])
        values = {}
        for col in columns:
            raw = row[col].strip()
            if not raw.isdigit():
                raise file_error(path, f"regel {line_no}, kolom '{col}': '{raw}' is geen aantal.")
            values[col] = int(raw)
        out[nis] = values
    return out


def population_2026() -> dict[str, dict[str, int]]:
    """nis -> {column: count} for every numeric column (m_/f_ five-year bands and 'total')."""
    return {nis: dict(values) for nis, values in _population().items()}


@cached
def _indicator_values() -> dict[str, dict[str, float | None]]:
    ids = tuple(d.id for d in indicator_defs())
    path, _, rows = csv_rows("stadsmonitor", ("nis",) + ids)
    out: dict[str, dict[str, float | None]] = {}
    for line_no, row in enumerate(rows, start=2):
        nis = check_nis(path, line_no, row["nis"])
        values: dict[str, float | None] = {}
        for col in ids:
            raw = row[col].strip()
            if not raw:
                values[col] = None
                continue
            try:
                values[col] = float(raw.replace(",", "."))
            except ValueError:
                raise file_error(path, f"regel {line_no}, kolom '{col}': '{raw}' is geen getal.") from None
        out[nis] = values
    return out


def indicator_values() -> dict[str, dict[str, float | None]]:
    """nis -> {indicator id: value}; None where the source has no value."""
    return {nis: dict(values) for nis, values in _indicator_values().items()}

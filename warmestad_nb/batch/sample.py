"""Plan files for many municipalities made from the example plans: to try out and measure the batch.

Each generated plan has the identity of a real municipality (NIS code, name, province, Logo,
Gezondheidsmakers region, eerstelijnszone; the documents take the real figures from data/) and the
content of one of the example plans in data/voorbeelden, with the example's municipality, Logo and
region names replaced in its texts. It stays marked `voorbeeld: true`. The example's own summary of
its figures is replaced by a neutral line, so no municipality is given another one's statistics.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .. import reference
from ..ids import new_id

EXAMPLES_DIR = Path(__file__).resolve().parent.parent.parent / "data" / "voorbeelden"
GENERATED_NOTE = ("Gegenereerd voorbeeldplan: echte gemeente, verzonnen inhoud uit het voorbeeldplan {bron}. De "
                  "cijfers over {naam} staan in de tabellen en grafieken van dit document, met hun bron.")


def _replace_everywhere(value, replacements: list[tuple[re.Pattern, str]]):
    if isinstance(value, str):
        for pattern, new in replacements:
            value = pattern.sub(new, value)
        return value
    if isinstance(value, list):
        return [_replace_everywhere(v, replacements) for v in value]
    if isinstance(value, dict):
        return {k: _replace_everywhere(v, replacements) for k, v in value.items()}
    return value


def generate_plans(count: int | None, folder: Path, skip: tuple[str, ...] = ()) -> list[Path]:
    """Plan files for `count` municipalities (None: all), region by region, from the examples in turn.

    skip: NIS codes to leave out. Files are named <nis>-<name>.yaml, like `warmestad nieuw` does.
    """
    sources = sorted(EXAMPLES_DIR.glob("*.yaml"))
    examples = [yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) for p in sources]
    municipalities = sorted((m for m in reference.municipalities() if m.nis not in skip),
                            key=lambda m: (m.gezondheidsmakers, m.naam))
    chosen = municipalities if count is None else municipalities[:count]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, m in enumerate(chosen):
        source_path, source = sources[i % len(sources)], examples[i % len(examples)]
        old = source["gemeente"]
        # Longest names first: the region and Logo names contain the municipality's name.
        pairs = [(old[k], getattr(m, k)) for k in ("logo", "gezondheidsmakers", "naam") if old.get(k)]
        replacements = [(re.compile(rf"(?<!\w){re.escape(a)}(?!\w)"), b) for a, b in sorted(pairs, key=lambda p: -len(p[0]))]
        plan = _replace_everywhere(source, replacements)
        plan["voorbeeld"] = True
        plan["gemeente"] = {"nis": m.nis, "naam": m.naam, "provincie": m.provincie, "logo": m.logo,
                            "gezondheidsmakers": m.gezondheidsmakers, "eerstelijnszone": m.eerstelijnszone}
        plan["omgevingsanalyse"]["notities"] = GENERATED_NOTE.format(bron=source_path.name, naam=m.naam)
        path = folder / f"{m.nis}-{new_id([], m.naam)}.yaml"
        header = f"# VOORBEELD (gegenereerd): {m.naam}, met de verzonnen inhoud van {source_path.name}.\n"
        path.write_text(header + yaml.dump(plan, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100),
                        encoding="utf-8")
        paths.append(path)
    return paths


class _Dumper(yaml.SafeDumper):
    """Quotes text that a YAML 1.2 reader (the plan store) would take for a number, such as "0909"."""

    def represent_str(self, data: str):
        if re.fullmatch(r"[-+]?[0-9][0-9_.:eE+-]*", data):
            return self.represent_scalar("tag:yaml.org,2002:str", data, style='"')
        return super().represent_str(data)


_Dumper.add_representer(str, _Dumper.represent_str)



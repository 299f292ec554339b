"""The `warmestad` command: one entry point, Dutch help, no tracebacks for user mistakes."""

from __future__ import annotations

import argparse
import importlib
import sys

from .errors import WarmeStadError

# Each module adds its subcommands with `register(subparsers)`.
COMMAND_MODULES = (
    "warmestad_nb.commands.plan",
    "warmestad_nb.commands.partners",
    "warmestad_nb.commands.flyer",
    "warmestad_nb.commands.links",
    "warmestad_nb.commands.omgeving",
    "warmestad_nb.commands.app",
    "warmestad_nb.commands.report",
    "warmestad_nb.commands.batch",
)

_DUTCH = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "expected one argument": "verwacht één waarde",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
}
argparse._ = lambda text: _DUTCH.get(text, text)  # argparse looks its messages up through `_`


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="warmestad",
        description="Werkboek Warme Steden & Gemeenten: plannen maken, controleren en omzetten "
        "naar een beleidsplan.",
    )
    commands = parser.add_subparsers(title="opdrachten", metavar="OPDRACHT", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args) or 0
    except WarmeStadError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        if exc.errno is None:  # not from the system: a fault of ours, keep its traceback
            raise
        from .files import system_failure

        print(f"Fout: {system_failure(exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Onderbroken.", file=sys.stderr)
        return 130


def run() -> int:
    """main, with a Ctrl-C that comes while the command's modules are still being imported answered
    the same way (a Ctrl-C right after `warmestad app`)."""
    try:
        return main()
    except KeyboardInterrupt:
        print("Onderbroken.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(run())

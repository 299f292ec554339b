"""The policy plan of one plan file, made for the app's Beleidsplan page in a process of its own.

`python -m warmestad_nb.plan_job PLAN MAP` makes it as `warmestad rapport` does (make_documents) and reports
each phase as one JSON line on stdout, so the page can show progress while the app's kernel stays
free (and the compiler's memory is given back when the process ends). The last line holds the files
made, or the Dutch message of the failure (naming the chapter when a chapter failed).
"""

from __future__ import annotations

import json
import sys
import traceback
from pathlib import Path

FORMATS = ("html", "pdf", "docx")
PHASES = ("start", "hoofdstukken", "documenten", "klaar")


def report(phase: str, **details) -> None:
    print(json.dumps({"fase": phase, **details}), flush=True)


def make(plan: str, out: str) -> int:
    from .errors import WarmeStadError

    try:
        from .commands.report import make_documents

        report("start")
        [(_, paths, _)] = make_documents([plan], Path(out).absolute(), FORMATS, phase=report)
    except WarmeStadError as exc:
        report("fout", melding=str(exc))
        return 2
    except Exception:  # a bug: the details go to the log, the page gets a plain message
        traceback.print_exc()
        report("fout", melding="Het beleidsplan kon niet gemaakt worden door een fout in het werkboek. "
                               "Meld het probleem aan de beheerder.")
        return 1
    report("klaar", bestanden={ext: str(paths[ext]) for ext in FORMATS})
    return 0


if __name__ == "__main__":
    sys.exit(make(sys.argv[1], sys.argv[2]))

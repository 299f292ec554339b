"""The policy plan of one plan file, made for the app's Beleidsplan page in a process of its own.

`python -m warmestad_nb.plan_job PLAN MAP` runs the same pipeline as `warmestad rapport` and reports
each phase as one JSON line on stdout, so the page can show progress while the app's kernel stays
free (and the compiler's memory is given back when the process ends). The last line holds the files
made, or the Dutch message of the failure (naming the chapter when a chapter failed).
"""

from __future__ import annotations

import json
import sys
import traceback

FORMATS = ("html", "pdf", "docx")
PHASES = ("start", "hoofdstukken", "documenten", "klaar")


def report(phase: str, **details) -> None:
    print(json.dumps({"fase": phase, **details}), flush=True)


def make(plan: str, out: str) -> int:
    from .errors import WarmeStadError

    try:
        from .files import check_writable_folder
        from .report.execute import Kernel, execute
        from .report.pipeline import Renderer, write_documents
        from .store import read_plan

        report("start")
        read_plan(plan)
        check_writable_folder(out)
        with Kernel() as kernel:  # boots while this process imports the exporters
            renderer = Renderer(FORMATS)
            report("hoofdstukken")
            nb = execute(plan, kernel=kernel)
        report("documenten")
        paths = write_documents(nb, out, renderer)
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

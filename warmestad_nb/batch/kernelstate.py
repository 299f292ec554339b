"""Runs inside a batch kernel: take a snapshot of the process state once, restore it before each plan.

A batch reuses one kernel for many plans (a kernel start costs more than running the notebook).
Before each plan the kernel is brought back to the state it had when it was ready:
  - the user namespace, IPython's output cache and execution counter (IPython's reset);
  - IPython event callbacks, display formatters' printers, AST and input transformers;
  - matplotlib's rcParams (and open pyplot figures are closed);
  - os.environ (and the time zone), the working directory, sys.path, sys.argv,
    sys.stdout / stderr / displayhook / excepthook, the recursion limit, the locale;
  - warnings filters, the root logger's level and handlers;
  - numpy's print options and error handling, pandas' options (when they are loaded).
Not restored: changes made to imported modules' attributes (the notebook makes none; plan files are
data, never code), and modules imported later stay imported (importing is not state a plan sees).

Kept free of heavy imports: the kernel imports this while it boots.
"""

from __future__ import annotations

import copy
import gc
import locale
import logging
import os
import sys
import warnings

_saved: dict = {}


def _shell():
    from IPython import get_ipython

    return get_ipython()


def snapshot() -> None:
    shell = _shell()
    _saved.update(
        environ=dict(os.environ),
        cwd=os.getcwd(),
        path=list(sys.path),
        argv=list(sys.argv),
        streams=(sys.stdout, sys.stderr, sys.displayhook, sys.excepthook),
        recursion=sys.getrecursionlimit(),
        locale=locale.setlocale(locale.LC_ALL),
        warnings=list(warnings.filters),
        logging=(logging.root.level, list(logging.root.handlers)),
        events={name: list(callbacks) for name, callbacks in shell.events.callbacks.items()},
        printers={mime: (dict(f.type_printers), dict(f.deferred_printers))
                  for mime, f in shell.display_formatter.formatters.items()},
        ast=list(shell.ast_transformers),
        input=list(shell.input_transformers_post),
    )
    if "matplotlib" in sys.modules:
        _saved["rc"] = copy.deepcopy(_rc_values(sys.modules["matplotlib"]))
    if "numpy" in sys.modules:
        numpy = sys.modules["numpy"]
        _saved["numpy"] = (numpy.get_printoptions(), numpy.geterr())


def restore() -> None:
    """Back to the snapshot; the next cell runs as in a kernel that just started."""
    if not _saved:
        raise RuntimeError("kernelstate.snapshot() was not run when the kernel started")
    shell = _shell()
    collect = gc.collect
    gc.collect = lambda *args, **kwargs: 0  # IPython's reset forces a full collection: 70 ms, not needed here
    try:
        shell.reset(new_session=True)
    finally:
        gc.collect = collect
    for name, callbacks in _saved["events"].items():
        shell.events.callbacks[name][:] = callbacks
    for mime, formatter in shell.display_formatter.formatters.items():
        types, deferred = _saved["printers"].get(mime, ({}, {}))
        formatter.type_printers.clear()
        formatter.type_printers.update(types)
        formatter.deferred_printers.clear()
        formatter.deferred_printers.update(deferred)
    shell.ast_transformers[:] = _saved["ast"]
    shell.input_transformers_post[:] = _saved["input"]

    _restore_environ(_saved["environ"])
    os.chdir(_saved["cwd"])
    sys.path[:] = _saved["path"]
    sys.argv[:] = _saved["argv"]
    sys.stdout, sys.stderr, sys.displayhook, sys.excepthook = _saved["streams"]
    sys.setrecursionlimit(_saved["recursion"])
    locale.setlocale(locale.LC_ALL, _saved["locale"])
    warnings.filters[:] = _saved["warnings"]
    getattr(warnings, "_filters_mutated", lambda: None)()  # the C warnings module caches the filters
    logging.root.setLevel(_saved["logging"][0])
    logging.root.handlers[:] = _saved["logging"][1]
    _restore_libraries()


def _restore_environ(saved: dict) -> None:
    tz_before = os.environ.get("TZ")
    for key in [k for k in os.environ if k not in saved]:
        del os.environ[key]
    for key, value in saved.items():
        if os.environ.get(key) != value:
            os.environ[key] = value
    if os.environ.get("TZ") != tz_before:
        import time

        time.tzset()


def _rc_values(mpl) -> dict:
    # dict.items, not rcParams[...]: reading "backend" through rcParams would import pyplot and pick
    # a backend. The backend is left alone (charts draw on Figure objects, not through pyplot).
    return {k: v for k, v in dict.items(mpl.rcParams) if k != "backend"}


def _restore_libraries() -> None:
    mpl = sys.modules.get("matplotlib")
    if mpl is not None:
        if "matplotlib.pyplot" in sys.modules:
            sys.modules["matplotlib.pyplot"].close("all")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if "rc" in _saved:
                current = _rc_values(mpl)
                mpl.rcParams.update({k: v for k, v in _saved["rc"].items() if current.get(k) != v})
            else:  # imported after the snapshot: the defaults from the matplotlibrc file
                mpl.rc_file_defaults()
    numpy = sys.modules.get("numpy")
    if numpy is not None and "numpy" in _saved:
        options, errors = _saved["numpy"]
        numpy.set_printoptions(**options)
        numpy.seterr(**errors)
    pandas = sys.modules.get("pandas")
    if pandas is not None and hasattr(pandas, "reset_option"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pandas.reset_option("all")

"""What the report's kernel imports while it boots (execute.PRELOAD), so the first cell finds it ready.

The notebook's modules, with matplotlib, and matplotlib's font list. matplotlib writes, for every
Artist class it defines, a docstring for its set() method listing all the class's properties: 0.07 s
of its import, for help texts nobody reads in this kernel. They stay short while it loads here.
"""

import matplotlib.artist

_kwdoc = matplotlib.artist.kwdoc
matplotlib.artist.kwdoc = lambda artist: ""
try:
    import warmestad_nb.charts.report  # noqa: F401
    import warmestad_nb.report.notebook  # noqa: F401
finally:
    matplotlib.artist.kwdoc = _kwdoc

from matplotlib import font_manager  # noqa: E402

font_manager.findfont("DejaVu Sans")

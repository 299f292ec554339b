"""What the report's kernel imports while it boots (execute.PRELOAD), so the first cell finds it ready.

The notebook's modules, with matplotlib, and matplotlib's font list.
"""

import warmestad_nb.charts.report  # noqa: F401
import warmestad_nb.report.notebook  # noqa: F401
from matplotlib import font_manager

font_manager.findfont("DejaVu Sans")

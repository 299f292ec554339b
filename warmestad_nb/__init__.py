"""Warme Stad workbook: the plan file, reference data, analyses and documents.

Importing the package stays light: no Jupyter, ipywidgets or nbconvert here.
"""

__version__ = "0.1.0"

"""Importers for files that municipalities bring (Excel, CSV), built on `tables.read_table`."""

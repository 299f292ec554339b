"""Files the workbook writes for people: the partner list as Excel (and read back in), the kick-off
programme and invitation list. `workbook.py` holds the shared spreadsheet styling."""

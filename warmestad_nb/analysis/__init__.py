"""Pure analyses over the plan model and reference data (no Jupyter imports): they read a plan and return
facts, never change it; every change to a plan is in warmestad_nb/edits/ (tests/test_analysis_pure.py)."""

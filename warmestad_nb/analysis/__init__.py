"""Pure analyses over the plan model and reference data (no Jupyter imports)."""

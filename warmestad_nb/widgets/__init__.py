"""ipywidgets forms per step, bound to a PlanSession that saves every change at once."""

"""Every change to a plan, one module per part of the plan; analysis/ only reads.

Each function changes the plan it is given in place and is meant to run inside
`PlanSession.change` (or on a copy of the plan): a refused change raises WarmeStadError (or
pydantic's ValidationError for a bad value) and the session then saves nothing. Widgets, commands
and importers change plans through these functions.
"""

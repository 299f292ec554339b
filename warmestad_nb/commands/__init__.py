"""Subcommands of `warmestad`, one module per group."""

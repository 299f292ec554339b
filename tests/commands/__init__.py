"""Tests of the `warmestad` commands: warmestad_nb/cli.py and warmestad_nb/commands.

tests/README.md says where each test goes."""

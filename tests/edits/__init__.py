"""Tests of warmestad_nb/edits (tests/README.md says where each test goes)."""

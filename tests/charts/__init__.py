"""Tests of warmestad_nb/charts (tests/README.md says where each test goes)."""

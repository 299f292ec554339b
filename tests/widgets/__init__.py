"""Tests of warmestad_nb/widgets (tests/README.md says where each test goes)."""

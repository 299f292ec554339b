"""Tests of warmestad_nb/reference (tests/README.md says where each test goes)."""

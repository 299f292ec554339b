"""Tests of warmestad_nb/exports (tests/README.md says where each test goes)."""

"""Tests of warmestad_nb/batch (tests/README.md says where each test goes)."""

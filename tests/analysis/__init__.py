"""Tests of warmestad_nb/analysis (tests/README.md says where each test goes)."""

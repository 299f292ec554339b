"""Tests of warmestad_nb/report (tests/README.md says where each test goes)."""

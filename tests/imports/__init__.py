"""Tests of warmestad_nb/imports (tests/README.md says where each test goes)."""

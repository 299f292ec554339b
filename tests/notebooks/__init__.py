"""Tests of the notebooks of notebooks/ (tests/README.md says where each test goes)."""

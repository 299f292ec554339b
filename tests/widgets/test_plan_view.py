"""The step pages' read-only views are the policy plan's blocks, rendered by the document's renderer."""

from __future__ import annotations

import html
import re

import pytest

from conftest import EXAMPLES
from warmestad_nb.analysis.partners import coverage
from warmestad_nb.report.html import view_css
from warmestad_nb.report.sections.common import Context
from warmestad_nb.report.sections.network import channel_table
from warmestad_nb.report.sections.situation import health_matrix
from warmestad_nb.store import read_plan
from warmestad_nb.widgets import checklist_view, step1_html, step2_views


def _step1(plan) -> list[str]:
    c = coverage(plan)
    return [step1_html.checklist(plan), step1_html.partner_table(plan), step1_html.coverage_tables(plan, c),
            step1_html.heatmap(plan), step1_html.gaps(c), step1_html.missing_types(c),
            step1_html.kickoff_overview(plan), step1_html.signups(plan), step1_html.youth(plan),
            checklist_view.step_checklist(plan, 1)]


def _step2(plan) -> list[str]:
    return [step2_views.header_view(plan), step2_views.population_view(plan), step2_views.indicators_view(plan),
            step2_views.own_figures_view(plan), step2_views.offer_view(plan), step2_views.needs_view(plan),
            step2_views.summary_view(plan), checklist_view.step_checklist(plan, 2)]


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_step_views_are_document_blocks_with_one_table_style(path):
    plan = read_plan(path)
    for page in (_step1(plan), _step2(plan)):
        for view in page:
            assert view.startswith('<div class="ws-blokken ')
            assert f"<style>{view_css()}</style>" in view
            assert "dataframe" not in view and "ws-tabel" not in view  # no pandas tables, no own table CSS
        # A table is a named region: its name (the caption) differs from every other table's on the page.
        names = [name for view in page for name in re.findall(r'role="region" tabindex="0" aria-label="([^"]*)"', view)]
        assert len(names) == len(set(names)) and all(names), names


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_step_pages_show_the_documents_own_tables(path):
    plan = read_plan(path)
    youth, offer = step1_html.youth(plan), step2_views.offer_view(plan)
    for table, view in ((channel_table(Context(plan)), youth), (health_matrix(plan.omgevingsanalyse.aanbod), offer)):
        text = html.unescape(re.sub(r"<[^>]+>", "", view))
        assert f"{table.titel}" in text
        for row in table.rijen:
            assert all(cell in text for cell in row), row


def test_the_view_stylesheet_is_the_documents_limited_to_the_views():
    css = view_css()
    rules = re.findall(r"(?:^|\})\s*([^{}@]+?)\s*\{", re.sub(r"@media[^{]*\{", "}", css))
    assert rules and all(s.strip().startswith(".ws-blokken") for rule in rules for s in rule.split(","))
    assert ".ws-blokken thead th { background: var(--accent); color: #fff; }" in css  # the document's table head
    assert "@page" not in css and "main.beleidsplan" not in css

"""In Chromium: the Kazakh statement on the statement page has no English sentence, and its
results-chain figures lead to their drill-down pages."""

from __future__ import annotations

import pytest

from tests.web.test_browser import _database_beside_playwright, chromium  # noqa: F401

from .test_results_chain import english_runs


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_kazakh_statement_page_is_kazakh_and_its_figures_lead_to_their_pages(chromium, live_server,  # noqa: F811
                                                                             tmp_path) -> None:
    from tests.web.sim import build_simulated

    world = build_simulated(tmp_path, scale=0.05)
    slug = world["election"].slug
    context = chromium.new_context(base_url=live_server.url, locale="kk-KZ", viewport={"width": 1280, "height": 900})
    violations: list[str] = []
    context.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.fill("#id_username", "erlan")
    page.fill("#id_password", "analyst-pass-1")
    page.click("main button[type=submit]")
    page.wait_for_load_state("load")
    page.goto(f"/dashboards/statement/?election={slug}&lang=kk")
    statement = page.locator("#statement")
    text = statement.inner_text()
    assert "Нәтижелер тізбегі" in text and "бұрмалаудың дәлелі емес" in text
    assert english_runs(text) == [], english_runs(text)[:5]
    section = page.locator("#statement section#results_chain")
    links = section.locator("a.drill-down")
    assert links.count() >= 10
    hrefs = {links.nth(i).get_attribute("href") for i in range(links.count())}
    assert all(f"election={slug}" in h for h in hrefs), hrefs
    # the share of stations whose entry differs leads to the discrepancies the DEC's entries made
    section.locator('a.drill-down:has(span[data-metric="results.differ.entered"])').click()
    page.wait_for_load_state("load")
    assert "/tables/discrepancies/" in page.url and "kind=entered" in page.url
    assert page.locator("table").count() >= 1
    page.goto(f"/dashboards/statement/?election={slug}&lang=kk")
    page.locator('#results_chain a.drill-down:has(span[data-metric="quickcount.turnout"])').click()
    page.wait_for_load_state("load")
    assert page.url.startswith(f"{live_server.url}/dashboards/quick-count/")
    assert page.locator("#convergence").count() == 1
    context.close()
    assert not violations, violations

"""The charts in Chromium, in Kazakh: every chart on the dashboards and the portal
is drawn (its canvas has ink), the findings' chooser redraws, the map's tiles are
coloured, and no page logs a console error (a Content-Security-Policy refusal
among them)."""

from __future__ import annotations

import pytest

from .sim import build_simulated
from .test_browser import _database_beside_playwright, chromium  # noqa: F401

#: how many pixels of a canvas are not transparent
INK = """canvas => { const d = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n; }"""
PAGES = {
    "/dashboards/coverage/": ["coverage", "stations"],
    "/dashboards/findings/": ["findings"],
    "/dashboards/incidents/": ["incidents"],
    "/dashboards/results/": ["results-by-region"],
    "/dashboards/quick-count/": ["convergence-leader", "convergence-turnout"],
    "/portal/": ["results-by-region", "distributions"],
}
MAPS = ("/dashboards/coverage/", "/dashboards/results/", "/portal/")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_charts_are_drawn_in_kazakh_without_errors(chromium, live_server, tmp_path) -> None:  # noqa: F811
    build_simulated(tmp_path)
    context = chromium.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.add_cookies([{"name": "django_language", "value": "kk", "url": live_server.url}])
    errors: list[str] = []
    page = context.new_page()
    page.on("console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    page.goto("/accounts/login/")
    page.fill("#id_username", "erlan")
    page.fill("#id_password", "analyst-pass-1")
    page.click("main button[type=submit]")
    page.wait_for_load_state("load")
    for path, charts in PAGES.items():
        page.goto(path, wait_until="networkidle")
        assert page.evaluate("document.documentElement.lang") == "kk"
        for ident in charts:
            figure = page.locator(f"#chart-{ident}")
            figure.wait_for(state="attached")
            page.wait_for_function(f"document.querySelector('#chart-{ident}').dataset.drawn !== undefined")
            canvas = figure.locator("canvas")
            assert canvas.evaluate(INK) > 500, (path, ident)
            assert figure.locator("details table tbody tr").count() > 0, (path, ident)
        if path in MAPS:
            fills = page.locator("#map g.tile").evaluate_all("gs => gs.map(g => g.querySelector('rect').getAttribute('fill'))")
            assert len(fills) == 16 and len(set(fills)) > 1, (path, fills)
    page.goto("/dashboards/findings/", wait_until="networkidle")
    page.select_option("#chart-select-findings", "2")
    page.wait_for_function("document.querySelector('#chart-findings').dataset.drawn === '2'")
    assert page.locator("#chart-findings canvas").evaluate(INK) > 500
    # the scale's labels are written in Kazakh style: a decimal comma, a non-breaking space before %
    table = page.locator("#chart-table-findings table").first.text_content()
    assert "\u00a0%" in table and "," in table
    context.close()
    assert errors == []

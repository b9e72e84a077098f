"""The shared XPath vectors (tests/data/xpath-vectors.json, written by hand from the XPath 1.0
and ODK XForms specifications) through the browser's engine, ODK Web Forms, in Chromium; the
server's evaluator runs the same file in tests/observation/test_xpath_vectors.py. Together they
keep what the observer's phone computes and what the server recomputes in step.

Each group of vectors sharing an instance becomes a small XForm (the instance, its secondary
instances, its repeats and the select whose labels jr:choice-name reads); the engine's own
evaluator then evaluates each expression at the vector's context node.

Where ODK Web Forms 0.22 disagrees with the specifications the vectors follow, the disagreement
is listed in ``ENGINE_DIFFERS`` with what the engine gives: the test fails on any other
disagreement, and also when a listed one disappears (a new engine version), so the list stays
true.
"""
# The browser fixtures come from test_browser (imported below); tests taking them as
# arguments "redefine" the imported names as far as ruff can see.
# ruff: noqa: F811

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .test_browser import (  # noqa: F401  (fixtures)
    _database_beside_playwright,
    cast,
    chromium,
    log_in_with_link,
    phone,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VECTORS = Path(__file__).resolve().parent.parent / "data" / "xpath-vectors.json"

#: expression -> (what ODK Web Forms 0.22 gives: its string(), or "error: ..." when it throws; why)
ENGINE_DIFFERS = {
    "decimal-date-time(/data/dt)": ("error: Expected a NUMBER or STRING evaluation type",
                                    "Web Forms refuses a node-set argument here"),
    "decimal-time(/data/t)": ("NaN", "Web Forms does not read a time with a Z zone"),
    "date('2020-02-30')": ("error: Invalid isoDay", "Web Forms throws on an impossible date instead of giving ''"),
    "today() = date(now())": ("false", "Web Forms compares today()'s date with now()'s date-time as text"),
    "version() = ''": ("error: Function 'version' is not defined", "Web Forms has no version()"),
}

RUN = """/* Runs tests/data/xpath-vectors.json through ODK Web Forms' own XPath evaluator, in the page.
 * Vectors that share an instance (with its secondary instances and labels) share one form. */
async (data) => {
  const XF = "http://www.w3.org/2002/xforms";
  const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  function xform(v) {
    const doc = new DOMParser().parseFromString(v.instance, "application/xml");
    const top = doc.documentElement;
    const repeats = new Set();
    const leaves = [];
    (function visit(el, path) {
      const seen = {};
      for (const c of el.children) {
        const p = path + "/" + c.localName;
        if (seen[c.localName]) repeats.add(p);
        seen[c.localName] = true;
        if (c.children.length) visit(c, p); else leaves.push(p);
      }
    })(top, "/" + top.localName);
    const secondary = Object.entries(v.secondary || {}).map(([id, xml]) => `<instance id="${esc(id)}">${xml}</instance>`).join("");
    const labels = data.labels || {};
    const body = [...repeats].map((p) => `<group ref="${p}"><repeat nodeset="${p}"></repeat></group>`).join("")
      + Object.entries(labels).map(([name, choices]) => {
        const items = Object.entries(choices).map(([value, label]) => `<item><label>${esc(label)}</label><value>${esc(value)}</value></item>`).join("");
        return `<select ref="/${top.localName}/${name}"><label>${name}</label>${items}</select>`;
      }).join("");
    return `<?xml version="1.0"?><h:html xmlns="${XF}" xmlns:h="http://www.w3.org/1999/xhtml" xmlns:jr="http://openrosa.org/javarosa" xmlns:odk="http://www.opendatakit.org/xforms" xmlns:orx="http://openrosa.org/xforms">`
      + `<h:head><h:title>vectors</h:title><model><instance>${v.instance}</instance>${secondary}</model></h:head><h:body>${body}</h:body></h:html>`;
  }
  function mount(xml) {
    return new Promise((resolve, reject) => {
      const box = document.createElement("div");
      document.body.appendChild(box);
      const handle = window.SaylauFormEngine.mount(box, {
        xform: xml, language: "en",
        onReady: () => resolve(handle), onError: (e) => reject(new Error(String(e && e.message || e))),
      });
    });
  }
  const groups = new Map();
  for (const v of data.vectors) {
    const key = JSON.stringify([v.instance, v.secondary || {}]);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(v);
  }
  const results = [];
  for (const vectors of groups.values()) {
    let handle;
    try { handle = await mount(xform(vectors[0])); }
    catch (e) { vectors.forEach((v) => results.push({ v, error: "form: " + e.message })); continue; }
    const root = handle.engineRoot();
    const ev = root.evaluator;
    for (const v of vectors) {
      try {
        const contextNode = ev.evaluateNode(v.context, { contextNode: root });
        const got = ev.evaluateString(v.expression, { contextNode });
        const bool = ev.evaluateBoolean(v.expression, { contextNode });
        results.push({ v, got, bool });
      } catch (e) {
        results.push({ v, error: String(e && e.message || e) });
      }
    }
    handle.unmount();
  }
  // expressions both engines must refuse: evaluated in the first form
  const first = await mount(xform(data.vectors[0]));
  const refused = [];
  for (const bad of data.errors || []) {
    const root = first.engineRoot();
    try { root.evaluator.evaluateString(bad.expression, { contextNode: root }); refused.push([bad.expression, false]); }
    catch (e) { refused.push([bad.expression, true]); }
  }
  first.unmount();
  return { refused, results: results.map((r) => ({ expression: r.v.expression, context: r.v.context, expected: r.v.expected,
    boolean: r.v.boolean, got: r.got, gotBoolean: r.bool, error: r.error || null, note: r.v.note })) };
}"""


def _outcome(result: dict) -> str:
    return f"error: {result['error']}" if result["error"] else result["got"]


def test_the_browser_engine_agrees_with_the_shared_vectors(phone, live_server, cast) -> None:
    data = json.loads(VECTORS.read_text(encoding="utf-8"))
    page = phone.new_page()
    log_in_with_link(page, live_server, cast["aigerim"])
    page.wait_for_function("() => window.SaylauFormEngine !== undefined")
    out = page.evaluate(RUN, data)
    results = out["results"]
    assert len(results) == len(data["vectors"]) > 100
    disagree = {r["expression"]: r for r in results
                if r["error"] or r["got"] != r["expected"] or r["gotBoolean"] != r["boolean"]}
    unexpected = {e: (r["expected"], _outcome(r)) for e, r in disagree.items() if e not in ENGINE_DIFFERS}
    assert not unexpected, f"the engine and the vectors disagree (expected, got): {unexpected}"
    for expression, (engine_gives, _why) in ENGINE_DIFFERS.items():
        assert expression in disagree, f"{expression!r} now agrees: take it off ENGINE_DIFFERS"
        assert _outcome(disagree[expression]).startswith(engine_gives), (expression, _outcome(disagree[expression]))
    refused = dict(out["refused"])
    assert refused == {bad["expression"]: True for bad in data["errors"]}, refused

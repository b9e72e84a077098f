"""Screenshots of saylau's main pages at desktop and phone width, for docs/web.md.

Build a small demo, give it a user who sees every page, serve it, and run this:

    saylau --data-dir /tmp/shots demo --scale 0.1
    echo 'a-long-password' | saylau --data-dir /tmp/shots users create shots --role administrator --password-stdin
    saylau --data-dir /tmp/shots serve --bind 127.0.0.1:8772 --workers 1 &
    SAYLAU_SHOTS_PASSWORD=a-long-password python tools/screenshots.py --base-url http://127.0.0.1:8772

It logs in, opens each page at 1280 px and 390 px wide in the language asked
(``--lang``, English by default), waits for the charts, saves the top of the
page (``--height`` CSS pixels) as a PNG of at most 256 colours under
``docs/img/web/`` (``<page>-desktop.png``, ``<page>-phone.png``), and prints
each file with its size and any console error the page logged. It exits
non-zero if a page failed to load or logged an error. Needs Playwright and a
Chromium (``--chromium``, default ``/usr/bin/chromium``) and Pillow.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from functools import partial
from pathlib import Path

#: (file name, path, what it shows); ``{station}`` is the first station on the portal
PAGES = (
    ("home", "/", "the home page"),
    ("observe", "/observe/", "the observer app"),
    ("dashboards", "/dashboards/", "the dashboards' overview and alarms"),
    ("coverage", "/dashboards/coverage/", "coverage by region and phase, the chart and the map"),
    ("findings", "/dashboards/findings/", "the findings, and one by region with intervals"),
    ("incidents", "/dashboards/incidents/", "incidents by hour and the reports"),
    ("quality", "/dashboards/quality/", "the quality review queue"),
    ("results-checks", "/dashboards/results/", "results by region, the turnout map, the checks"),
    ("forensics", "/dashboards/forensics/", "the election fingerprint"),
    ("quick-count", "/dashboards/quick-count/", "the quick count converging on the official figure"),
    ("statement", "/dashboards/statement/", "the statement of preliminary findings"),
    ("portal", "/portal/", "the public results portal"),
    ("portal-station", "/portal/stations/{station}/", "one station on the portal"),
    ("ledger", "/portal/ledger/", "the ledger's signed checkpoints"),
    ("entry", "/entry/", "data entry of paper protocols"),
    ("disputes", "/disputes/", "complaints and appeals"),
    ("media", "/media/", "media monitoring"),
    ("register", "/register/", "the voter register audit"),
    ("candidates", "/candidates/", "the nominees (public)"),
    ("candidate", "/candidates/N01/", "a nominee's dashboard"),
    ("candidate-decisions", "/candidates/decisions/", "every decision on the nominees (public)"),
    ("accreditation", "/accreditation/", "accreditation by kind, candidate and region"),
)
WIDTHS = {"desktop": (1280, 1600), "phone": (390, 1600)}


def _small_png(png: bytes, colours: int = 256) -> bytes:
    """The screenshot with at most ``colours`` colours (text and flat fills survive)."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    out = io.BytesIO()
    image.quantize(colors=colours, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
        out, format="PNG", optimize=True)
    return out.getvalue()


def _console(errors: list[str], message) -> None:
    if message.type == "error":
        errors.append(message.text)


def _page_error(errors: list[str], error) -> None:
    errors.append(str(error))


def _login(page, base: str, user: str, password: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", user)
    page.fill("#id_password", password)
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")


def _station(page, base: str) -> str:
    page.goto(f"{base}/portal/")
    link = page.locator("#stations a").first
    return (link.text_content() or "").strip() if link.count() else ""


def shoot(base: str, out: Path, user: str, password: str, lang: str, height: int | None, only: list[str],
          chromium: str, suffix: str = "") -> int:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    failures = 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium)
        for shape, (width, tall) in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": height or tall},
                                          device_scale_factor=1, is_mobile=shape == "phone")
            context.add_cookies([{"name": "django_language", "value": lang, "url": base}])
            page = context.new_page()
            errors: list[str] = []
            page.on("console", partial(_console, errors))
            page.on("pageerror", partial(_page_error, errors))
            _login(page, base, user, password)
            station = _station(page, base)
            for name, path, _ in PAGES:
                if only and name not in only:
                    continue
                errors.clear()
                response = page.goto(base + path.format(station=station), wait_until="networkidle")
                page.wait_for_timeout(300)  # charts are drawn after DOMContentLoaded, without animation
                status = response.status if response else 0
                target = out / f"{name}{suffix}-{shape}.png"
                target.write_bytes(_small_png(page.screenshot(full_page=False)))
                bad = status >= 400 or errors
                failures += bool(bad)
                sys.stdout.write(f"{target}  {target.stat().st_size // 1024} KB  HTTP {status}"
                                 + (f"  {len(errors)} console error(s), the first: {errors[0][:160]}" if errors else "")
                                 + "\n")
            context.close()
        browser.close()
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8772")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "docs" / "img" / "web")
    parser.add_argument("--user", default="shots")
    parser.add_argument("--lang", default="en", choices=("en", "ru", "kk"))
    parser.add_argument("--height", type=int, default=None, help="CSS pixels of each page kept (default 1600)")
    parser.add_argument("--only", nargs="*", default=[], help="page names (default: all)")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--suffix", default="", help="added to each file name, e.g. -kk")
    args = parser.parse_args(argv)
    password = os.environ.get("SAYLAU_SHOTS_PASSWORD")
    if not password:
        sys.stderr.write("screenshots: set SAYLAU_SHOTS_PASSWORD to the password of --user\n")
        return 2
    return shoot(args.base_url.rstrip("/"), args.out, args.user, password, args.lang, args.height, args.only,
                 args.chromium, args.suffix)


if __name__ == "__main__":
    sys.exit(main())

"""QR codes of login links, as SVG (segno: pure Python, no image libraries)."""

from __future__ import annotations

import io
from pathlib import Path

import segno


def svg(text: str) -> str:
    """An SVG document of ``text`` as a QR code: error correction M (scans from
    a screen or a print), quiet zone of 4 modules, black on white, 8 px modules."""
    buffer = io.BytesIO()
    segno.make_qr(text, error="m").save(buffer, kind="svg", scale=8, border=4, dark="#000", light="#fff",
                                       title="saylau login", encoding="utf-8")
    return buffer.getvalue().decode("utf-8")


def write_svg(text: str, path: str | Path) -> Path:
    path = Path(path)
    path.write_text(svg(text), encoding="utf-8")
    return path

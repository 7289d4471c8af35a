# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""HTML to PDF with WeasyPrint: tagged PDF/UA-1, reproducible, and only when an input changed.

A PDF is rendered again when anything it is made from changes: its HTML, the
print stylesheet, every image, font and logo the HTML or the stylesheet
names, and the WeasyPrint version. ``render_key`` hashes all of them; the key
is kept beside the PDF (``<name>.pdf.key``). Renders run in parallel
processes; WeasyPrint's warnings come back to be reported as Sphinx warnings.

Same input, same bytes: the PDF identifier is derived from the HTML, and
dates come from ``SOURCE_DATE_EPOCH`` in the HTML's metadata.
"""

from __future__ import annotations

import hashlib
import logging as std_logging
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

#: The system libraries WeasyPrint needs, as Debian names them.
SYSTEM_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0"

_LOCAL = re.compile(r"""(?:src|href)="(?!https?:|mailto:|#|data:)([^"#?]+)"|url\(["']?(file:[^"')]+|[^"':)]+)["']?\)""")


def check_weasyprint() -> str | None:
    """None when WeasyPrint can render here, else one line saying what to install."""
    try:
        import weasyprint  # noqa: F401
    except OSError as error:  # the library loads pango through ctypes
        return f"the PDF handouts need the Pango library ({error}); install the Debian packages {SYSTEM_PACKAGES}"
    return None


def referenced_files(text: str, base: Path) -> list[Path]:
    """Local files an HTML page or stylesheet names: images, fonts, the logo."""
    found = set()
    for match in _LOCAL.finditer(text):
        value = match.group(1) or match.group(2)
        path = Path(unquote(urlparse(value).path)) if value.startswith("file:") else base / unquote(value)
        if path.is_file():
            found.add(path.resolve())
    return sorted(found)


def render_key(html: str, base: Path, stylesheet: Path) -> str:
    import weasyprint

    digest = hashlib.sha256()
    css = stylesheet.read_text(encoding="utf-8")
    for part in (weasyprint.__version__, html, css):
        digest.update(part.encode("utf-8"))
    for path in referenced_files(html, base) + referenced_files(css, stylesheet.parent):
        digest.update(str(path.name).encode("utf-8"))
        digest.update(path.read_bytes())
    return digest.hexdigest()


def up_to_date(target: Path, key: str) -> bool:
    stamp = target.with_name(target.name + ".key")
    return target.exists() and stamp.exists() and stamp.read_text(encoding="utf-8") == key


def mark_rendered(target: Path, key: str) -> None:
    target.with_name(target.name + ".key").write_text(key, encoding="utf-8")


def render_pdf(html: str, base_url: str, target: str, stylesheet: str) -> tuple[str, list[str]]:
    """Render one PDF (in a worker process); return its path and WeasyPrint's warnings."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    class Collect(std_logging.Handler):
        def __init__(self) -> None:
            super().__init__(std_logging.WARNING)
            self.messages: list[str] = []

        def emit(self, record: std_logging.LogRecord) -> None:
            self.messages.append(record.getMessage())

    weasy = std_logging.getLogger("weasyprint")
    collect = Collect()
    weasy.addHandler(collect)
    weasy.propagate = False
    fonts = FontConfiguration()  # @font-face rules need it, or system fonts are used
    try:
        HTML(string=html, base_url=base_url).write_pdf(
            target,
            font_config=fonts,
            stylesheets=[CSS(filename=stylesheet, font_config=fonts)],
            pdf_variant="pdf/ua-1",
            pdf_tags=True,
            custom_metadata=True,
            pdf_identifier=hashlib.md5(html.encode()).hexdigest().encode(),
        )
    finally:
        weasy.removeHandler(collect)
    return target, collect.messages

# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""A character that no font of the outputs draws stops the build, naming the page, the line and the code
point (courseware/glyphs.py); it is never printed as an empty box."""

from __future__ import annotations

import re
from pathlib import Path
from shutil import copytree

from sphinx.testing.util import SphinxTestApp

from courseware.glyphs import bundled_font, coverage

ROOT = Path(__file__).parent / "roots" / "test-plain"


def warnings_of(srcdir: Path) -> str:
    app = SphinxTestApp("html", srcdir=srcdir)
    try:
        app.build()
    finally:
        app.cleanup()
    return app.warning.getvalue()


def test_a_character_no_font_draws_is_named_with_its_page_line_and_code_point(tmp_path):
    srcdir = tmp_path / "src"
    copytree(ROOT, srcdir)
    page = srcdir / "appendix.md"
    sentence = "A word in Japanese: 日本語, and a Greek one: λόγος."
    page.write_text(page.read_text(encoding="utf-8") + f"\n{sentence}\n", encoding="utf-8")
    line = page.read_text(encoding="utf-8").splitlines().index(sentence) + 1
    found = warnings_of(srcdir)
    for code in ("65E5", "672C", "8A9E"):
        assert re.search(rf"appendix\.md:{line}: WARNING: U\+{code} CJK UNIFIED IDEOGRAPH-{code} ", found), found
    assert "U+03BB" not in found, "Greek is in the brand's font"
    assert found.count("U+65E5") == 1, "once a page for each character"


def test_the_plain_pages_and_code_have_every_character_they_need(tmp_path):
    srcdir = tmp_path / "src"
    copytree(ROOT, srcdir)
    assert "[courseware.glyph]" not in warnings_of(srcdir)


def test_typst_fallback_font_comes_with_a_dependency():
    """DejaVu Sans Mono, which Typst sets code in, is read from matplotlib's fonts: nothing is fetched."""
    mono = bundled_font("DejaVuSansMono.ttf")
    assert mono is not None
    assert {ord("├"), ord("─"), ord("→")} <= coverage([mono])

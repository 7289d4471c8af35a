# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""A character that no font of the outputs draws stops the build, naming the page, the line and the code
point (courseware/glyphs.py); it is never printed as an empty box."""

from __future__ import annotations

import re
from pathlib import Path
from shutil import copytree

from courseware.fallback_fonts import matplotlib_fonts
from courseware.glyphs import CODE_FONT, coverage

from .conftest import build_once

ROOT = Path(__file__).parent / "roots" / "test-plain"


def warnings_of(srcdir: Path) -> str:
    return build_once(srcdir).warning.getvalue()


def add_line(srcdir: Path, sentence: str) -> int:
    page = srcdir / "appendix.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{sentence}\n", encoding="utf-8")
    return page.read_text(encoding="utf-8").splitlines().index(sentence) + 1


def test_a_character_no_font_draws_is_named_with_its_page_line_and_code_point(tmp_path):
    srcdir = tmp_path / "src"
    copytree(ROOT, srcdir)
    line = add_line(srcdir, "A hieroglyph: 𓀀, a Cherokee letter: Ꭰ, Japanese: 日本語, Greek: λόγος.")
    found = warnings_of(srcdir)
    for code, name in (("13000", "EGYPTIAN HIEROGLYPH A001"), ("13A0", "CHEROKEE LETTER A")):
        assert re.search(rf"appendix\.md:{line}: WARNING: U\+{code} {name} ", found), found
    assert "U+03BB" not in found, "Greek is in the brand's font"
    assert "U+65E5" not in found, "Japanese is in a fallback font (Noto Sans CJK JP, fonts-noto-cjk)"
    assert found.count("U+13000") == 1, "once a page for each character"


def test_without_fallback_fonts_a_script_the_brand_lacks_stops_the_build(tmp_path):
    srcdir = tmp_path / "src"
    copytree(ROOT, srcdir)
    line = add_line(srcdir, "A word in Japanese: 日本語.")
    (srcdir / "ja.md").unlink()  # the root's own Japanese page would be reported too
    index = srcdir / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("ja\n", ""), encoding="utf-8")
    with open(srcdir / "conf.py", "a", encoding="utf-8") as conf:
        conf.write("courseware_brand = {'fallback': []}\n")
    found = warnings_of(srcdir)
    for code in ("65E5", "672C", "8A9E"):
        assert re.search(rf"appendix\.md:{line}: WARNING: U\+{code} CJK UNIFIED IDEOGRAPH-{code} ", found), found


def test_the_plain_pages_and_code_have_every_character_they_need(tmp_path):
    srcdir = tmp_path / "src"
    copytree(ROOT, srcdir)
    assert "[courseware.glyph]" not in warnings_of(srcdir)


def test_the_code_font_comes_with_a_dependency():
    """DejaVu Sans Mono, which Typst sets code in, is read from matplotlib's fonts: nothing is fetched."""
    mono = matplotlib_fonts() / CODE_FONT[1]
    assert mono.is_file()
    assert {ord("├"), ord("─"), ord("→")} <= coverage([mono])

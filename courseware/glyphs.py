# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Every character a page holds has a font that draws it.

A PDF draws a character its fonts lack as an empty box ("tofu"), while its text layer still holds
the character: no text check notices, and a reader sees nothing. So while each page is read, every
character of its text is looked up in the fonts the outputs print with: the brand's files and the
fonts the PDFs fall back on (``FALLBACK_FILES``: DejaVu Sans Mono, which Typst sets code and
missing characters in; its file comes with matplotlib, a dependency, so nothing is fetched). A
character none of them has is a warning (an error under ``-W``) that names the page, the line and
the character (``U+XXXX``), once a page for each character.
"""

from __future__ import annotations

import importlib.util
import unicodedata
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util import logging

from .branding import font_files
from .config import settings
from .structure import ancestors

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

#: Characters no font needs to draw: controls, format characters (soft hyphen, zero-width space,
#: joiners) and spaces.
SILENT = {"Cc", "Cf", "Zs", "Zl", "Zp"}
#: The fonts Typst falls back on, as files: (family, file name in matplotlib's fonts).
FALLBACK_FILES = (("DejaVu Sans Mono", "DejaVuSansMono.ttf"),)


def bundled_font(name: str) -> Path | None:
    """A DejaVu font file from matplotlib's data, found without importing matplotlib."""
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf" / name
    return path if path.is_file() else None


@cache
def _cmap(path: Path, stamp: float) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True) as font:
        return frozenset(font.getBestCmap() or {})


def coverage(files: list[Path]) -> frozenset[int]:
    """Every code point one of ``files`` draws."""
    found: set[int] = set()
    for path in files:
        found |= _cmap(path, path.stat().st_mtime)
    return frozenset(found)


def print_fonts(app: Sphinx) -> tuple[list[str], list[Path]]:
    """The families and the files every character must be found in."""
    families = [settings(app.config).brand.font]
    files = list(font_files(app))
    for family, name in FALLBACK_FILES:
        path = bundled_font(name)
        if path is not None:
            families.append(family)
            files.append(path)
    return families, files


def _line_of(node: nodes.Node) -> nodes.Node:
    """The nearest of ``node`` and its ancestors that knows its line (a text node does not)."""
    return next((n for n in (node, *ancestors(node)) if getattr(n, "line", None)), node)


def check_glyphs(app: Sphinx, doctree: nodes.document) -> None:
    families, files = print_fonts(app)
    if not files:
        return  # no font to check against (a project without the brand's files)
    drawn = coverage(files)
    seen: set[str] = set()
    for text in doctree.findall(nodes.Text):
        if isinstance(text.parent, (nodes.comment, nodes.raw)) or text.parent is None:
            continue
        for character in set(str(text)) - seen:
            if ord(character) in drawn or unicodedata.category(character) in SILENT:
                continue
            seen.add(character)
            name = unicodedata.name(character, "a character without a name")
            logger.warning("U+%04X %s (%r) is in no font the outputs print with (%s): it would print as an "
                           "empty box; add a font that has it to the brand", ord(character), name, character,
                           ", ".join(families), location=_line_of(text), type="courseware", subtype="glyph")


def setup_glyphs(app: Sphinx) -> None:
    app.connect("doctree-read", check_glyphs)

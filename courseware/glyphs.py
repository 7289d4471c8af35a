# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Every character a page holds has a font that draws it.

A PDF draws a character its fonts lack as an empty box ("tofu"), while its text layer still holds
the character: no text check notices, and a reader sees nothing. So while each page is read, every
character of its text is looked up in the fonts the outputs print with: the brand's files, the
brand's fallback families (``fallback_fonts``) and DejaVu Sans Mono, which Typst sets code in (its
file comes with matplotlib, a dependency, so nothing is fetched). A character none of them has is a
warning (an error under ``-W``) that names the page, the line and the character (``U+XXXX``), once a
page for each character.

The characters a page needs from the fallback fonts are kept in the course's domain
(``structure.fallback_text``): the web's fonts are cut down to them (``html/webfonts.py``).
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util import logging

from . import fallback_fonts
from .branding import font_files
from .config import settings
from .structure import ancestors, fallback_text

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

#: Characters no font needs to draw: controls, format characters (soft hyphen, zero-width space,
#: joiners) and spaces.
SILENT = {"Cc", "Cf", "Zs", "Zl", "Zp"}
#: Typst sets code in it (the file of the font built into Typst, from matplotlib's fonts).
CODE_FONT = ("DejaVu Sans Mono", "DejaVuSansMono.ttf")


def coverage(files: list[Path]) -> frozenset[int]:
    """Every code point one of ``files`` draws."""
    found: set[int] = set()
    for path in files:
        found |= fallback_fonts.file_characters(path)
    return frozenset(found)


def print_fonts(app: Sphinx) -> tuple[list[str], frozenset[int], frozenset[int]]:
    """The families every character is looked for in, the code points the brand's files draw, and those
    the fallback fonts and the code font add."""
    folder = fallback_fonts.matplotlib_fonts()
    code = folder / CODE_FONT[1] if folder is not None and (folder / CODE_FONT[1]).is_file() else None
    return _print_fonts(settings(app.config).brand.font, tuple(font_files(app)),
                        tuple(fallback_fonts.fallback_faces(app)), code)


@cache
def _print_fonts(font: str, brand_files: tuple[Path, ...], faces: tuple[fallback_fonts.Face, ...],
                 code: Path | None) -> tuple[list[str], frozenset[int], frozenset[int]]:
    """Once a build, not once a page: a CJK font draws some 45,000 characters."""
    brand = coverage(list(brand_files))
    extra: set[int] = set()
    families = [font, *dict.fromkeys(face.family for face in faces)]
    for family in families[1:]:  # a family's regular face (its first) stands for the family
        extra |= fallback_fonts.characters(next(face for face in faces if face.family == family))
    if code is not None:
        families.append(CODE_FONT[0])
        extra |= coverage([code])
    return families, brand, frozenset(extra - brand)


def _line_of(node: nodes.Node) -> nodes.Node:
    """The nearest of ``node`` and its ancestors that knows its line (a text node does not)."""
    return next((n for n in (node, *ancestors(node)) if getattr(n, "line", None)), node)


def check_glyphs(app: Sphinx, doctree: nodes.document) -> None:
    families, brand, extra = print_fonts(app)
    if not brand:
        return  # no font to check against (a project without the brand's files)
    seen: set[str] = set()
    borrowed: set[str] = set()
    for text in doctree.findall(nodes.Text):
        if isinstance(text.parent, (nodes.comment, nodes.raw)) or text.parent is None:
            continue
        for character in set(str(text)) - seen:
            seen.add(character)
            if ord(character) in brand or unicodedata.category(character) in SILENT:
                continue
            if ord(character) in extra:
                borrowed.add(character)
                continue
            name = unicodedata.name(character, "a character without a name")
            logger.warning("U+%04X %s (%r) is in no font the outputs print with (%s): it would print as an "
                           "empty box; add a font that has it to courseware_brand['fallback']%s", ord(character),
                           name, character, ", ".join(families), _install_hint(app), location=_line_of(text),
                           type="courseware", subtype="glyph")
    fallback_text(app.env)[app.env.docname] = "".join(sorted(borrowed))


def _install_hint(app: Sphinx) -> str:
    """What to install for the default fallback families the machine lacks."""
    wanted = [f"{family} ({fallback_fonts.SOURCES[family]})" for family in fallback_fonts.missing_families(app)
              if family in fallback_fonts.SOURCES]
    return f", or install {', '.join(wanted)}" if wanted else ""


def setup_glyphs(app: Sphinx) -> None:
    app.connect("doctree-read", check_glyphs)

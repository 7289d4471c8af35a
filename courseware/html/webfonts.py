# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The brand for the web: its fonts as WOFF2 files, a quarter of the size.

The brand ships TrueType or OpenType files (the PDFs embed them). For the
HTML course and the decks, each is written as WOFF2 (fontTools, with Brotli),
once per change of the source file, and ``brand-web.css`` holds the brand's
CSS (``branding.brand_css``: its custom properties) with the faces declared
from the WOFF2 files only: with the TrueType files declared too, a glyph the
font lacks would make the browser fetch the large files, to look for it there. The regular and
semibold faces, which every page's first screen uses, are preloaded with the
page (``__init__.add_head_links``), so text does not move when they arrive.

The fallback fonts (``fallback_fonts``: DejaVu Sans, Noto Sans CJK) are
served cut down to the characters the course's pages take from them (the glyph
check keeps them per page), each face declared with a ``unicode-range``: a
browser fetches one only for a page that holds one of its characters. A
Japanese page costs tens of kilobytes of Noto, not its 20 MB.

A conversion costs about a second of CPU a face, on every fresh output folder
(each test project has one). Converted files are kept in a cache keyed by the
font's bytes, the characters kept and fontTools' version (``$COURSEWARE_CACHE``,
else the user's cache folder): the same font is converted once per machine.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from .. import cache, fallback_fonts
from ..branding import brand_css, copy_logo, font_faces, font_files
from ..config import settings
from ..structure import fallback_text

if TYPE_CHECKING:
    from sphinx.application import Sphinx

STYLESHEET = "brand-web.css"


def web_font(font: Path) -> str:
    """The file name of ``font`` as the HTML course serves it."""
    return font.name if font.suffix == ".woff2" else font.stem + ".woff2"


def _convert(source: Path, target: Path) -> None:
    from fontTools.ttLib import TTFont

    font = TTFont(source, recalcTimestamp=False)  # the same bytes for the same file
    font.flavor = "woff2"
    _save(font, target)


def _save(font, target: Path) -> None:
    data = io.BytesIO()
    font.save(data)
    cache.replace(target, data.getvalue())  # builds side by side share the cache


def _subset(source: Path, index: int, text: str, target: Path) -> None:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(source, fontNumber=index, recalcTimestamp=False)
    cutter = subset.Subsetter(subset.Options(layout_features=["*"], name_IDs=["*"], notdef_outline=True))
    cutter.populate(text=text)
    cutter.subset(font)
    font.flavor = "woff2"
    _save(font, target)


def unicode_range(text: str) -> str:
    """``text``'s code points as a CSS ``unicode-range``, runs of neighbours joined (``U+3041-3043``)."""
    points = sorted({ord(c) for c in text})
    runs: list[list[int]] = []
    for point in points:
        if runs and point == runs[-1][1] + 1:
            runs[-1][1] = point
        else:
            runs.append([point, point])
    return ", ".join(f"U+{a:04X}" if a == b else f"U+{a:04X}-{b:04X}" for a, b in runs)


def fallback_web_fonts(app: Sphinx, folder: Path) -> str:
    """WOFF2 files of the fallback faces, each cut down to the characters the pages take from its family,
    in ``folder`` (``_static/fonts/fallback``, which holds nothing else); return their ``@font-face`` rules."""
    import fontTools

    wanted = set("".join(fallback_text(app.env).values()))
    faces = fallback_fonts.fallback_faces(app)
    rules, served = [], set()
    for family in dict.fromkeys(face.family for face in faces):
        own = [face for face in faces if face.family == family]
        drawable = fallback_fonts.characters(own[0])
        text = "".join(sorted(c for c in wanted if ord(c) in drawable))
        wanted -= set(text)  # a character goes to the first family that has it, as the PDFs' fallback does
        for face in own if text else ():
            drawable = fallback_fonts.characters(face)
            drawn = "".join(c for c in text if ord(c) in drawable)
            key = hashlib.sha256(f"{cache.file_digest(face.path)}:{face.index}:{drawn}:"
                                 f"{fontTools.version}".encode()).hexdigest()[:24]
            keep = cache_folder() / f"subset-{key}.woff2"
            if not keep.exists():
                _subset(face.path, face.index, drawn, keep)
            style = "-italic" if face.italic else ""
            name = f"{family.lower().replace(' ', '-')}-{face.weight}{style}-{key[:10]}.woff2"
            target = folder / name
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(keep, target)
            served.add(name)
            rules.append(f'@font-face {{ font-family: "{family}"; font-weight: {face.weight}; '
                         f'font-style: {"italic" if face.italic else "normal"}; '
                         f'src: url("fonts/{folder.name}/{name}") format("woff2"); '
                         f"font-display: swap; unicode-range: {unicode_range(drawn)}; }}")
    for old in folder.glob("*") if folder.is_dir() else ():  # a subset of characters no page uses any more
        if old.name not in served:
            old.unlink()
    return "\n".join(rules) + ("\n" if rules else "")


def cache_folder() -> Path:
    return cache.folder("webfonts")


def cached(font: Path) -> Path:
    """Where the WOFF2 of ``font``'s bytes is kept, whatever the font's name or folder."""
    import fontTools

    return cache_folder() / f"{cache.file_digest(font)[:24]}-fonttools{fontTools.version}.woff2"


def write_web_fonts(app: Sphinx) -> None:
    """WOFF2 files of the brand's fonts under ``_static/fonts/``, and ``_static/brand-web.css``."""
    folder = Path(app.outdir) / "_static" / "fonts"
    served, wanted = [], []
    for font in font_files(app):
        target = folder / web_font(font)
        if font.suffix != ".woff2" and (not target.exists() or target.stat().st_mtime < font.stat().st_mtime):
            wanted.append((font, target, cached(font)))
        served.append(target)
    todo = [(font, keep) for font, _, keep in wanted if not keep.exists()]
    workers = min(len(todo), os.cpu_count() or 1)
    if workers > 1:  # about half a second a face, in Python: one process per core
        with ProcessPoolExecutor(max_workers=workers) as pool:
            list(pool.map(_convert, *zip(*todo)))
    else:
        for font, keep in todo:
            _convert(font, keep)
    for _, target, keep in wanted:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(keep, target)
    the_brand = settings(app.config).brand
    faces = font_faces(the_brand.font, served, lambda p: f"fonts/{p.name}")
    faces = faces.replace("); font-display", ') format("woff2"); font-display')
    faces += fallback_web_fonts(app, folder / "fallback")
    css = brand_css(the_brand, copy_logo(app, folder.parent), faces, copy_logo(app, folder.parent, reversed_=True))
    stylesheet = folder.parent / STYLESHEET
    if not stylesheet.exists() or stylesheet.read_text(encoding="utf-8") != css:
        stylesheet.write_text(css, encoding="utf-8")

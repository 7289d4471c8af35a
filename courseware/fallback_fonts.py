# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The fonts tried, in order, for a character the brand's font lacks: in the PDFs, the HTML course and the decks.

``courseware_brand["fallback"]`` names them by family. The default covers Latin, Greek and Cyrillic
with DejaVu Sans (its files come with matplotlib, a dependency of the figures) and Chinese, Japanese
and Korean with Noto Sans CJK JP (the Debian package ``fonts-noto-cjk``, which the README names and
``.ci/run`` installs). Both are open-licensed: DejaVu under the Bitstream Vera licence, Noto CJK under the
SIL Open Font License 1.1. Nothing is fetched while building.

A family's files are found by the family name written inside each file (fontTools), in this order of
folders: the brand's font folder, matplotlib's fonts, then the system's font folders. All of a
family's faces come from the first folder that has it. A family found nowhere is left out; the glyph
check (``glyphs.py``) then stops the build on the first character nothing else draws.

Each output takes the families in order: Typst reads the files from a folder of links (``link_fonts``)
and its font list; the web's ``@font-face`` rules serve each family cut down to the characters the
course uses and the brand lacks, with a ``unicode-range`` (``html/webfonts.py``).
"""

from __future__ import annotations

import functools
import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import cache
from .config import settings

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")
COLLECTIONS = (".ttc", ".otc")
#: The system's font folders, searched after the brand's and matplotlib's.
SYSTEM_FOLDERS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts")
#: Where each default family comes from, for a message that says what to install.
SOURCES = {"DejaVu Sans": "the Python package matplotlib", "Noto Sans CJK JP": "the Debian package fonts-noto-cjk"}


@dataclass(frozen=True)
class Face:
    """One face of a font file: its family, its place in the file (a collection holds several), its
    weight and whether it is italic."""

    family: str
    path: Path
    index: int
    weight: int
    italic: bool


def matplotlib_fonts() -> Path | None:
    """matplotlib's font folder, found without importing matplotlib."""
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or spec.origin is None:
        return None
    folder = Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf"
    return folder if folder.is_dir() else None


def folders(project: Sphinx | Builder) -> tuple[Path, ...]:
    """The folders searched for a fallback family, in order."""
    return search_folders(Path(project.confdir) / settings(project.config).fonts_path)


def search_folders(brand: Path) -> tuple[Path, ...]:
    """The brand's font folder, matplotlib's, then the system's: those that exist."""
    found = [brand]
    bundled = matplotlib_fonts()
    if bundled is not None:
        found.append(bundled)
    found += [Path(os.path.expanduser(folder)) for folder in SYSTEM_FOLDERS]
    return tuple(folder for folder in found if folder.is_dir())


def _faces_in(path: Path) -> tuple[Face, ...]:
    """The faces of one font file."""
    from fontTools.ttLib import TTCollection, TTFont

    try:
        if path.suffix.lower() in COLLECTIONS:
            with TTCollection(path, lazy=True) as collection:
                return tuple(_face(font, path, index) for index, font in enumerate(collection.fonts))
        with TTFont(path, lazy=True) as font:
            return (_face(font, path, 0),)
    except Exception:  # not a font fontTools reads (a broken or foreign file): not a candidate
        return ()


@functools.cache
def faces_in_folder(folder: Path) -> tuple[Face, ...]:
    """Every face of every font file below ``folder``: read once on this machine for the same files (by name,
    size and time), then from the cache (``cache.py``), and once a process."""
    files = sorted(path for path in folder.rglob("*") if path.suffix.lower() in FONT_SUFFIXES and path.is_file())
    listing = "\n".join(f"{path}\0{status.st_size}\0{status.st_mtime_ns}"
                         for path, status in ((path, path.stat()) for path in files))
    return cache.kept("fonts", f"faces\n{listing}",
                      lambda: tuple(face for path in files for face in _faces_in(path)))


def _face(font, path: Path, index: int) -> Face:
    names = font["name"]
    family = names.getDebugName(16) or names.getDebugName(1) or path.stem
    os2 = font["OS/2"] if "OS/2" in font else None
    weight = os2.usWeightClass if os2 is not None else 400
    italic = bool(os2.fsSelection & 1) if os2 is not None else "italic" in path.stem.lower()
    return Face(family, path, index, weight, italic)


@functools.cache
def faces_of(family: str, search: tuple[Path, ...]) -> tuple[Face, ...]:
    """Every face of ``family`` in the first of ``search`` that holds it, regular first (looked up once a
    process: the pages of a build ask for it again and again)."""
    for folder in search:
        found = [face for face in faces_in_folder(folder) if face.family == family]
        if found:
            return tuple(sorted(found, key=lambda f: (f.italic, abs(f.weight - 400), f.weight, f.path.name)))
    return ()


def fallback_faces(project: Sphinx | Builder) -> list[Face]:
    """The faces of every fallback family found, family by family in the brand's order."""
    search = folders(project)
    return [face for family in settings(project.config).brand.fallback for face in faces_of(family, search)]


def missing_families(project: Sphinx | Builder) -> list[str]:
    """The brand's fallback families that no folder holds."""
    search = folders(project)
    return [family for family in settings(project.config).brand.fallback if not faces_of(family, search)]


def file_characters(path: Path, index: int = 0) -> frozenset[int]:
    """Every code point the font ``index`` of a font file draws (a CJK font's 45,000 read once on this machine,
    then from the cache)."""
    status = path.stat()
    return _cmap(path, index, status.st_mtime_ns, status.st_size)


@functools.cache
def _cmap(path: Path, index: int, stamp: int, size: int) -> frozenset[int]:
    def read() -> frozenset[int]:
        from fontTools.ttLib import TTFont

        with TTFont(path, lazy=True, fontNumber=index) as font:
            return frozenset(font.getBestCmap() or {})

    return cache.kept("fonts", f"cmap\n{path}\0{index}\0{stamp}\0{size}", read)


def characters(face: Face) -> frozenset[int]:
    """Every code point ``face`` draws."""
    return file_characters(face.path, face.index)


def link_fonts(faces: list[Face], folder: Path) -> list[Path]:
    """A folder holding links to the files of ``faces`` and nothing else, for Typst's font search (which
    reads folders, and would otherwise read every font beside them); return the links."""
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {face.path.name: face.path for face in faces}
    for old in folder.iterdir():
        if old.name not in wanted or not old.is_symlink() or old.resolve() != wanted[old.name].resolve():
            old.unlink()
    links = []
    for name, source in sorted(wanted.items()):
        link = folder / name
        if not link.is_symlink():
            link.symlink_to(source.resolve())
        links.append(link)
    return links

# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The printed pages, as a print shop and a lectern see them.

Every layout fact is read from the built PDFs themselves: the glyphs on each
page with their font, size, colour and position, the ruled lines and slide
frames (PDFium, through pypdfium2), the bookmarks, links, metadata and
structure tree (pypdf, PDFium) and the content streams (pikepdf). Never from Typst's
own boxes. Which PDFs exist, which lessons, questions, activities and
sources they print comes from the course's configuration and doctrees;
nothing here names today's titles.

Helpers for reading a PDF (``printed``, ``outline``, ``links``,
``reference_entries``...) are shared with the other print tests.
"""

from __future__ import annotations

import ctypes
import json
import math
import re
import subprocess
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from shutil import copytree
from typing import NamedTuple

import pypdfium2.raw as pdfium_c
import pytest
from docutils import nodes
from PIL import Image
from pypdf import PdfReader
from sphinx.testing.util import SphinxTestApp

from courseware.links import deck_url, page_url

BIN = Path(sys.executable).parent
MM = 72 / 25.4
CELL = 12  #: the grid ``Sheet.overprinted`` sorts glyphs into, in points: a line of body text high
EDGE = 18 * MM  #: running heads and feet stand within 18 mm of the page's top and bottom edges
SIDE = 20 * MM  #: the pages' left and right margins
BODY_SIZE = 10.5  #: the body text's size, in points
WRITING_GREY = "#8c8c8c"  #: the colour of the ruled lines to write on
SLIDE_FRAME_GREY = "#8c8c8c"  #: a slide's frame on paper; its top edge is a bar in the brand's primary colour


# -- reading a PDF ---------------------------------------------------------------------------


def squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def flat(text: str) -> str:
    return " ".join(text.replace("\u200b", "").replace("\u00ad", "").split())


def rgb(value) -> tuple[float, ...]:
    """A colour as a PDF reader gives it (grey, RGB) or as "#rrggbb", as an RGB triple; () for a pattern."""
    if isinstance(value, str):
        if not re.fullmatch(r"#[0-9a-fA-F]{6}", value):
            return ()
        return tuple(int(value[i:i + 2], 16) / 255 for i in (1, 3, 5))
    if value is None or not isinstance(value, (int, float, tuple, list)):
        return ()
    if isinstance(value, (int, float)):
        return (float(value),) * 3
    value = tuple(float(v) for v in value)
    return value * 3 if len(value) == 1 else value


def same_colour(a, b) -> bool:
    a, b = rgb(a), rgb(b)
    return len(a) == len(b) == 3 and all(abs(x - y) < 0.01 for x, y in zip(a, b))


class Glyph(NamedTuple):
    text: str
    font: str
    size: float
    x0: float
    x1: float
    top: float
    bottom: float
    mcid: int | None
    tag: str | None


class Rule(NamedTuple):
    """A thin horizontal stroke: a ruled line to write on, a table's rule, a heading's underline."""

    x0: float
    x1: float
    top: float
    colour: tuple


class Frame(NamedTuple):
    x0: float
    top: float
    x1: float
    bottom: float

    def holds(self, glyph: Glyph) -> bool:
        return self.x0 <= glyph.x0 and glyph.x1 <= self.x1 and self.top <= glyph.top and glyph.bottom <= self.bottom

    def touches(self, glyph: Glyph) -> bool:
        return glyph.x0 < self.x1 and glyph.x1 > self.x0 and glyph.top < self.bottom and glyph.bottom > self.top


class TextLine(NamedTuple):
    page: int
    top: float
    x0: float
    x1: float
    text: str
    glyphs: tuple


@dataclass
class Sheet:
    """One printed page: its glyphs, thin rules and slide frames (top-down coordinates, in points)."""

    number: int  #: from 1
    width: float
    height: float
    glyphs: list[Glyph]
    rules: list[Rule]
    frames: list[Frame]
    _marked: dict | None = None
    _lines: list | None = None

    def marked(self) -> dict[int | None, list[Glyph]]:
        """The glyphs of each marked-content sequence (by MCID)."""
        if self._marked is None:
            self._marked = {}
            for glyph in self.glyphs:
                self._marked.setdefault(glyph.mcid, []).append(glyph)
        return self._marked

    def in_body(self, glyph: Glyph) -> bool:
        return EDGE < glyph.bottom and glyph.top < self.height - EDGE

    def body(self) -> list[Glyph]:
        return [g for g in self.glyphs if self.in_body(g)]

    def head(self) -> str:
        return " ".join(line.text for line in self.lines([g for g in self.glyphs if g.bottom <= EDGE]))

    def writing_lines(self) -> list[Rule]:
        return [r for r in self.rules if same_colour(r.colour, WRITING_GREY) and EDGE < r.top < self.height - EDGE]

    def lines(self, glyphs: list[Glyph] | None = None) -> list[TextLine]:
        """The lines of text (of the body, unless ``glyphs`` are given), top to bottom: glyphs whose
        heights overlap by half stand on one line."""
        if glyphs is None:
            if self._lines is None:
                self._lines = self._rows(self.body())
            return self._lines
        return self._rows(glyphs)

    def _rows(self, glyphs: list[Glyph]) -> list[TextLine]:
        rows: list[list] = []  # [top, bottom, glyphs] of each line found so far
        for glyph in sorted(glyphs, key=lambda g: (g.top, g.x0)):
            if not glyph.text.strip():
                continue
            for row in rows[-3:]:
                top, bottom = row[0], row[1]
                if min(bottom, glyph.bottom) - max(top, glyph.top) > 0.5 * min(bottom - top, glyph.bottom - glyph.top):
                    row[0], row[1] = min(top, glyph.top), max(bottom, glyph.bottom)
                    row[2].append(glyph)
                    break
            else:
                rows.append([glyph.top, glyph.bottom, [glyph]])
        found = []
        for top, _, row in rows:
            row.sort(key=lambda g: g.x0)
            text = row[0].text
            for before, glyph in zip(row, row[1:]):
                text += (" " if glyph.x0 - before.x1 > 0.15 * glyph.size else "") + glyph.text
            found.append(TextLine(self.number, top, row[0].x0, max(g.x1 for g in row), text, tuple(row)))
        return sorted(found, key=lambda line: line.top)

    def text(self) -> str:
        return " ".join(line.text for line in self.lines())

    def overprinted(self) -> list[tuple[Glyph, Glyph]]:
        """Pairs of glyphs drawn over each other (covering 70 % of the smaller one's width
        and height): text printed on top of text. Each glyph is compared with those that share a cell of a
        grid about a letter's size with it (every cell it covers): a few each, however full the page."""
        cells: dict[tuple[int, int], list[Glyph]] = {}
        found: dict[tuple[int, int], tuple[Glyph, Glyph]] = {}
        for glyph in self.glyphs:
            if not glyph.text.strip():
                continue
            covered = [(column, row) for column in range(int(glyph.x0 // CELL), int(glyph.x1 // CELL) + 1)
                       for row in range(int(glyph.top // CELL), int(glyph.bottom // CELL) + 1)]
            for cell in covered:
                for other in cells.get(cell, ()):
                    wide = min(glyph.x1, other.x1) - max(glyph.x0, other.x0)
                    high = min(glyph.bottom, other.bottom) - max(glyph.top, other.top)
                    if wide > 0.7 * min(glyph.x1 - glyph.x0, other.x1 - other.x0) \
                            and high > 0.7 * min(glyph.bottom - glyph.top, other.bottom - other.top):
                        found[(id(other), id(glyph))] = (other, glyph)
            for cell in covered:
                cells.setdefault(cell, []).append(glyph)
        return list(found.values())


@dataclass
class Printed:
    """A built PDF, page by page."""

    path: Path
    sheets: list[Sheet] = field(default_factory=list)
    _words: list | None = None
    _index: dict | None = None

    def text(self) -> str:
        """The bodies' text, line after line (a soft hyphen stays where a line breaks a word)."""
        return " ".join(sheet.text() for sheet in self.sheets)

    def words(self) -> list[tuple[str, int]]:
        """Every word of the pages' bodies in reading order, squashed, with its page."""
        if self._words is None:
            self._words = [(word, sheet.number) for sheet in self.sheets for line in sheet.lines()
                           for word in squash(line.text).split()]
        return self._words

    def find(self, words: list[str]) -> list[int]:
        """Where the sequence of (squashed) ``words`` starts in ``words()``."""
        if self._index is None:
            self._index = {}
            for position, (word, _) in enumerate(self.words()):
                self._index.setdefault(word, []).append(position)
        plain = self.words()
        return [i for i in self._index.get(words[0], []) if [w for w, _ in plain[i:i + len(words)]] == words] \
            if words else []

    def stream(self) -> list[tuple[int, str, object]]:
        """The bodies' lines of text and lines to write on, in reading order: (page, "text" or "rule", line)."""
        items = []
        for sheet in self.sheets:
            here = [(line.top, "text", line) for line in sheet.lines()]
            here += [(rule.top, "rule", rule) for rule in sheet.writing_lines()]
            items += [(sheet.number, kind, line) for _, kind, line in sorted(here, key=lambda item: item[0])]
        return items


#: Where the pages read are kept for every pytest-xdist worker of the session (conftest.py sets it): a
#: PDF is read once a session, by the first worker that asks, whatever its path.
READ_CACHE: Path | None = None


def printed(path: Path, primary: str = "#1f4e79") -> Printed:
    """Every page's glyphs, rules and slide frames, read once per PDF and brand colour."""
    return _printed(Path(path), primary.lower())


@cache
def _printed(path: Path, primary: str) -> Printed:
    if READ_CACHE is None:
        return Printed(path, _read(path, primary))
    import hashlib
    import pickle

    from filelock import FileLock

    READ_CACHE.mkdir(parents=True, exist_ok=True)
    kept = READ_CACHE / f"{hashlib.sha256(path.read_bytes()).hexdigest()[:32]}-{primary.lstrip('#')}.pickle"
    with FileLock(kept.with_suffix(".lock")):
        if kept.is_file():
            return Printed(path, pickle.loads(kept.read_bytes()))
        sheets = _read(path, primary)
        kept.write_bytes(pickle.dumps(sheets))
    return Printed(path, sheets)


def _read(path: Path, primary: str) -> list[Sheet]:
    """In this process: PDFium reads the longest PDF in seconds, and a pytest-xdist worker, which runs
    threads, must not fork (a forked reader once waited forever on a lock one of those threads held)."""
    return _sheets(path, primary, 0, len(PdfReader(path).pages))


def _sheets(path: Path, primary: str, first: int, last: int) -> list[Sheet]:
    """Pages ``first`` to ``last`` (from 0, last excluded) read with PDFium: each glyph with its font, size,
    box and marked-content sequence; each thin horizontal path as a rule; each slide frame."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path)
    try:
        return [_sheet(document[number], number + 1, primary) for number in range(first, last)]
    finally:
        document.close()


def _sheet(page, number: int, primary: str) -> Sheet:
    height = page.get_height()
    text = page.get_textpage()
    glyphs: list[Glyph] = []
    marks: dict[int, tuple] = {}  # a text object's MCID, tag, whether its text is replaced, font, size: by address
    box, matrix, x, y = pdfium_c.FS_RECTF(), pdfium_c.FS_MATRIX(), ctypes.c_double(), ctypes.c_double()
    name, flags = ctypes.create_string_buffer(128), ctypes.c_int()
    last = None  # (text object, baseline, box) of the last glyph kept
    joined = False  # a zero-width space stands after the last glyph kept: the next one starts where it ends
    for index in range(pdfium_c.FPDFText_CountChars(text)):
        if pdfium_c.FPDFText_IsGenerated(text, index):
            continue  # a space or line break PDFium infers; only what the page draws counts
        char = chr(pdfium_c.FPDFText_GetUnicode(text, index))
        if char == "\u200b":  # a break opportunity Typst marks in addresses; it draws nothing
            joined = last is not None
            continue
        pdfium_c.FPDFText_GetLooseCharBox(text, index, box)
        pdfium_c.FPDFText_GetCharOrigin(text, index, x, y)
        shape = pdfium_c.FPDFText_GetTextObject(text, index)
        address = ctypes.cast(shape, ctypes.c_void_p).value
        if last is not None and last[1] == y.value and (joined or last[0] == address):
            if last[2] == (box.left, box.right):  # a ligature's second letter shares its box
                glyphs[-1] = glyphs[-1]._replace(text=glyphs[-1].text + char)
                continue
            if x.value > glyphs[-1].x0:  # PDFium's box is the glyph's ink: a glyph ends where the next begins
                glyphs[-1] = glyphs[-1]._replace(x1=x.value)
        joined = False
        last = (address, y.value, (box.left, box.right))
        if address not in marks:  # a text object's glyphs share its marks, its font and its size
            pdfium_c.FPDFText_GetFontInfo(text, index, name, len(name), flags)
            pdfium_c.FPDFText_GetMatrix(text, index, matrix)  # a slide printed small scales its text down
            size = pdfium_c.FPDFText_GetFontSize(text, index) * math.hypot(matrix.c, matrix.d)
            marks[address] = (*_marked_content(shape), name.value.decode("utf-8", "replace").split("+", 1)[-1],
                              round(size, 2))
        mcid, tag, replaced, font, size = marks[address]
        if char == "\x02":  # PDFium's name for a hyphen that ends a line: the soft hyphen Typst adds, or a "-"
            char = "\u00ad" if replaced else "-"
        glyphs.append(Glyph(char, font, size, x.value, max(box.right, x.value), height - box.top,
                            height - box.bottom, mcid, tag))
    text.close()
    rules, bars, outlines = [], [], []
    for x0, top, x1, bottom, fill, stroke, _ in paths(page):
        colour = fill or stroke
        if bottom - top <= 1.5 and x1 - x0 > 20:
            rules.append(Rule(x0, x1, top, colour))
        if fill and same_colour(fill, primary) and 2 < bottom - top < 4 and x1 - x0 > 100:
            bars.append((x0, top, x1, bottom))
        elif same_colour(colour, SLIDE_FRAME_GREY) and bottom - top > 20:
            outlines.append((x0, top, x1, bottom))
    frames = []  # a slide drawn on paper: a frame whose top edge is a bar of the brand's primary colour
    for x0, top, x1, _ in bars:
        below = [b for a, t, c, b in outlines if abs(a - x0) < 1 and abs(c - x1) < 1 and abs(t - top) < 1]
        if below:
            frames.append(Frame(x0, top, x1, max(below)))
    width = page.get_width()
    page.close()
    return Sheet(number, width, height, glyphs, rules, frames)


def _marked_content(shape) -> tuple[int | None, str | None, bool]:
    """The MCID and the tag of the innermost marked-content sequence a page object stands in, and whether
    a sequence replaces its text (``/ActualText``, which Typst gives the hyphen it adds at a line's end)."""
    mcid = pdfium_c.FPDFPageObj_GetMarkedContentID(shape)
    tag, replaced = None, False
    name, length = (ctypes.c_ushort * 64)(), ctypes.c_ulong()
    for index in range(pdfium_c.FPDFPageObj_CountMarks(shape)):
        mark = pdfium_c.FPDFPageObj_GetMark(shape, index)
        if pdfium_c.FPDFPageObjMark_GetName(mark, name, ctypes.sizeof(name), length):
            tag = bytes(name)[:max(length.value - 2, 0)].decode("utf-16-le")
        replaced |= pdfium_c.FPDFPageObjMark_GetParamValueType(mark, b"ActualText") != pdfium_c.FPDF_OBJECT_UNKNOWN
    return (mcid if mcid >= 0 else None), tag, replaced


def paths(page):
    """Every path a PDFium page draws, as (x0, top, x1, bottom, fill colour or (), stroke colour or (), MCID),
    top-down."""
    height = page.get_height()
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    fill_mode, stroked = ctypes.c_int(), ctypes.c_int()
    channels = [ctypes.c_uint() for _ in range(4)]

    def colour(getter, shape) -> tuple:
        getter(shape, *channels)
        return tuple(c.value / 255 for c in channels[:3])

    for index in range(pdfium_c.FPDFPage_CountObjects(page)):
        shape = pdfium_c.FPDFPage_GetObject(page, index)
        if pdfium_c.FPDFPageObj_GetType(shape) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        pdfium_c.FPDFPageObj_GetBounds(shape, left, bottom, right, top)
        pdfium_c.FPDFPath_GetDrawMode(shape, fill_mode, stroked)
        yield (left.value, height - top.value, right.value, height - bottom.value,
               colour(pdfium_c.FPDFPageObj_GetFillColor, shape) if fill_mode.value else (),
               colour(pdfium_c.FPDFPageObj_GetStrokeColor, shape) if stroked.value else (),
               pdfium_c.FPDFPageObj_GetMarkedContentID(shape))


class Heading(NamedTuple):
    level: int
    page: int
    text: str
    size: float


@cache
def headings(path: Path) -> list[Heading]:
    """The headings of the PDF's structure tree (H1...H6) in order, each with the size it is printed at."""
    import pypdfium2 as pdfium

    marked: dict[tuple[int, int], list[Glyph]] = {}
    for sheet in printed(path).sheets:
        for glyph in sheet.glyphs:
            marked.setdefault((sheet.number, glyph.mcid), []).append(glyph)
    name = (ctypes.c_ushort * 32)()

    def kind(element) -> str:
        length = pdfium_c.FPDF_StructElement_GetType(element, name, ctypes.sizeof(name))
        return bytes(name)[:max(length - 2, 0)].decode("utf-16-le")

    def children(element):
        for index in range(pdfium_c.FPDF_StructElement_CountChildren(element)):
            child = pdfium_c.FPDF_StructElement_GetChildAtIndex(element, index)
            if child:
                yield child

    def mcids(element):
        for index in range(pdfium_c.FPDF_StructElement_GetMarkedContentIdCount(element)):
            yield pdfium_c.FPDF_StructElement_GetMarkedContentIdAtIndex(element, index)
        for child in children(element):
            yield from mcids(child)

    found: list[Heading] = []

    def walk(element, page: int) -> None:
        level = re.fullmatch(r"H([1-6])", kind(element))
        if level:
            glyphs = [g for mcid in mcids(element) for g in marked.get((page, mcid), [])]
            if glyphs:
                found.append(Heading(int(level[1]), page, flat("".join(g.text for g in glyphs)),
                                     max(g.size for g in glyphs)))
            return
        for child in children(element):
            walk(child, page)

    document = pdfium.PdfDocument(path)
    for number in range(len(document)):  # PDFium gives each page the part of the structure tree it holds
        page = document[number]
        tree = pdfium_c.FPDF_StructTree_GetForPage(page)
        for index in range(pdfium_c.FPDF_StructTree_CountChildren(tree)):
            walk(pdfium_c.FPDF_StructTree_GetChildAtIndex(tree, index), number + 1)
        pdfium_c.FPDF_StructTree_Close(tree)
        page.close()
    document.close()
    return found


class Bookmark(NamedTuple):
    depth: int
    page: int
    title: str
    parent: int | None  #: the index of the bookmark it stands under


@cache
def outline(path: Path) -> list[Bookmark]:
    reader = PdfReader(path)
    found: list[Bookmark] = []

    def walk(items, depth: int, parent: int | None) -> None:
        last = None
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1, last)
            else:
                last = len(found)
                found.append(Bookmark(depth, reader.get_destination_page_number(item) + 1, flat(item.title), parent))

    walk(reader.outline, 0, None)
    return found


class Link(NamedTuple):
    page: int
    rect: tuple[float, float, float, float]  #: x0, top, x1, bottom (top-down, as a Sheet's)
    uri: str | None  #: an address outside the PDF
    target: int | None  #: the page an internal link leads to (None: nowhere in the document)
    target_top: float | None  #: where on that page (top-down), when the destination says
    internal: bool


@cache
def links(path: Path) -> list[Link]:
    """Every link annotation: its address, or the page (and height) of the PDF it leads to."""
    reader = PdfReader(path)
    pages = {page.indirect_reference.idnum: number for number, page in enumerate(reader.pages, 1)}
    named = reader.named_destinations
    found = []
    for number, page in enumerate(reader.pages, 1):
        height = float(page.mediabox.height)
        for annotation in page.get("/Annots", []) or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            x0, y0, x1, y1 = (float(v) for v in annotation["/Rect"])
            rect = (min(x0, x1), height - max(y0, y1), max(x0, x1), height - min(y0, y1))
            action = annotation.get("/A")
            action = action.get_object() if action is not None else {}
            if "/URI" in action:
                found.append(Link(number, rect, str(action["/URI"]), None, None, False))
                continue
            dest = annotation.get("/Dest", action.get("/D"))
            target, top = None, None
            if dest is not None:
                dest = dest.get_object() if hasattr(dest, "get_object") else dest
                if isinstance(dest, str) or not hasattr(dest, "__getitem__") or isinstance(dest, bytes):
                    resolved = named.get(str(dest))
                    if resolved is not None:
                        target = reader.get_destination_page_number(resolved) + 1
                        top = float(resolved.get("/Top") or 0) or None
                else:
                    target = pages.get(dest[0].idnum)
                    if len(dest) > 3 and dest[1] == "/XYZ" and dest[3] is not None:
                        top = float(dest[3])
                if top is not None and target is not None:
                    top = float(reader.pages[target - 1].mediabox.height) - top
            found.append(Link(number, rect, None, target, top, True))
    return found


def destination_page(path: Path, name: str) -> int | None:
    """The page of a named destination (an anchor the PDF's own links and contents use)."""
    reader = PdfReader(path)
    dest = reader.named_destinations.get(name)
    return None if dest is None else reader.get_destination_page_number(dest) + 1


def text_in(sheet: Sheet, rect) -> str:
    """The text a link covers: the marked-content sequences that lie wholly inside its rectangle (text that
    another line prints over it is not the link's), else every glyph inside it."""
    x0, top, x1, bottom = rect

    def inside(g: Glyph) -> bool:
        return x0 - 1 <= (g.x0 + g.x1) / 2 <= x1 + 1 and top - 1 <= (g.top + g.bottom) / 2 <= bottom + 1

    within = [g for g in sheet.glyphs if inside(g)]
    sequences = {g.mcid for g in within if g.mcid is not None}
    own = {mcid for mcid in sequences if all(inside(g) for g in sheet.marked()[mcid])}
    chosen = [g for g in within if g.mcid in own] or within
    return "".join(g.text for g in sorted(chosen, key=lambda g: (round(g.top), g.x0)))


class Entry(NamedTuple):
    number: int
    page: int
    top: float
    text: str  #: its lines joined by spaces
    joined: str  #: its lines joined without spaces (an address broken over lines reads whole)


def reference_entries(path: Path, references_page: int) -> list[Entry]:
    """The numbered entries of a PDF's reference list, from the page where the list starts to the end."""
    document = printed(path)
    lines = [line for sheet in document.sheets[references_page - 1:] for line in sheet.lines()]
    entries: list[list] = []
    for line in lines:
        match = re.match(rf"{len(entries) + 1}\.\s*", line.text)
        if match:
            entries.append([len(entries) + 1, line.page, line.top, [line.text[match.end():]]])
        elif entries:
            entries[-1][3].append(line.text)
    return [Entry(n, page, top, flat(" ".join(parts)), "".join(p.replace("\u200b", "").strip() for p in parts))
            for n, page, top, parts in entries]


# -- the course's PDFs -------------------------------------------------------------------------


def module_pdf(course) -> Path:
    modules = set(course.modules())
    return next(course.out("handouts") / d.filename for d in course.settings.handouts
                if d.layout == "text" and d.edition == "learner" and d.start in modules)


def all_pdfs(course) -> list[Path]:
    return [course.out("handouts") / d.filename for d in course.settings.handouts]


def read(course, pdf: Path) -> Printed:
    return printed(pdf, course.settings.brand.primary)


def title_of(course, docname: str) -> str:
    return flat(course.env.titles[docname].astext())


def activity_labels(course) -> list[str]:
    """The title every exercise and discussion prints above its task ("Exercise: ..."), as written."""
    from courseware.activities import discussion, exercise

    return [flat(node["label"]) for docname in course.lessons()
            for node in course.doctree(docname).findall(lambda n: isinstance(n, (exercise, discussion)))]


def curly(text: str) -> str:
    return text.replace("'", "\u2019")


def lessons_in(course, pdf: Path) -> list[str]:
    from courseware.structure import lessons_below

    document = next(d for d in course.settings.handouts if course.out("handouts") / d.filename == pdf)
    return [row.docname for row in lessons_below(course.env, document.start)]


# -- layout rules ------------------------------------------------------------------------------


def test_headings_step_down_by_depth_and_never_below_body_size(course):
    """Read from the structure tree: each heading (H1...H6) at the size its glyphs are printed at."""
    for pdf in course.pdfs():
        found = headings(pdf)
        assert len(found) > len(lessons_in(course, pdf)), f"{pdf.name}: no tagged headings"
        above: list[Heading] = []
        for heading in found:
            assert heading.size >= BODY_SIZE, f"{pdf.name} p. {heading.page}: {heading.text!r} at {heading.size} pt"
            while above and above[-1].level >= heading.level:
                above.pop()
            if above:
                assert heading.size <= above[-1].size, (
                    f"{pdf.name} p. {heading.page}: {heading.text!r} ({heading.size} pt) is larger than the heading "
                    f"above it, {above[-1].text!r} ({above[-1].size} pt)")
            above.append(heading)


def test_an_activity_keeps_its_title_prompt_and_first_lines_together(course):
    """No title at the foot of a page with its task over the leaf, and no task whose end stands at the foot
    of a page with the lines to write on over the leaf: the text just before a run of ruled lines and its
    first three lines (or all of them, where there are fewer) share a page."""
    labels = {curly(label) for label in activity_labels(course)}
    assert labels
    for pdf in course.pdfs("learner") + course.pdfs("self-study"):
        stream = read(course, pdf).stream()
        titles = runs = 0
        for index, (page, kind, line) in enumerate(stream):
            if kind == "text" and any(line.text.startswith(label) for label in labels):
                titles += 1
                following = stream[index + 1] if index + 1 < len(stream) else None
                assert following is not None and following[0] == page, (
                    f"{pdf.name} p. {page}: the activity title {line.text!r} stands alone at the foot of the page")
            if kind == "rule" and index and stream[index - 1][1] == "text":
                runs += 1
                task = stream[index - 1]
                first = []
                for item in stream[index:index + 3]:
                    if item[1] != "rule":
                        break
                    first.append(item)
                assert all(item[0] == task[0] for item in first), (
                    f"{pdf.name} p. {task[0]}: the task's end {task[2].text[-50:]!r} is split from its lines")
        assert titles and runs, f"{pdf.name}: no activity with lines to write on found"


def test_glossary_terms_stay_with_their_definitions(course):
    """Each term of the glossary pages and the first words of its definition stand on one page."""
    pages = course.settings.handout_back
    items = [(squash(item.next_node(nodes.term).astext()).split(),
              squash(item.next_node(nodes.definition).astext()).split()[:4])
             for docname in pages for item in course.doctree(docname).findall(nodes.definition_list_item)]
    assert items, "the course prints a glossary"
    for pdf in course.pdfs("learner"):
        document = read(course, pdf)
        words = document.words()
        for term, definition in items:
            wanted = term + definition
            at = document.find(wanted)
            assert at, f"{pdf.name}: the term {' '.join(term)!r} and its definition are not printed"
            spread = {page for _, page in words[at[0]:at[0] + len(wanted)]}
            assert len(spread) == 1, f"{pdf.name}: the term {' '.join(term)!r} is split from its definition"


def test_numbered_lists_keep_their_start(course):
    """A list that starts elsewhere than 1 prints its first number, and counts on from it."""
    found = 0
    documents = [read(course, pdf) for pdf in course.pdfs()]
    for docname in course.env.found_docs:
        for listing in course.doctree(docname).findall(nodes.enumerated_list):
            start = listing.get("start", 1)
            if start == 1 or len(listing) < 2:
                continue
            for number, item in enumerate(listing.children[:2], start):
                words = squash(item.astext()).split()[:8]  # enough words to tell the item from a table's row
                numbered = []
                for document in documents:
                    before = {document.words()[i - 1][0] for i in document.find(words) if i}
                    marks = {word for word in before if word.isdigit()}  # (prose may quote the item's words)
                    assert marks <= {str(number)}, (
                        f"{document.path.name}: the item {' '.join(words)!r} is numbered {marks}, not {number}")
                    if marks:
                        numbered.append(document)
                assert numbered, f"{docname}: no PDF prints the item {' '.join(words)!r} as number {number}"
            found += 1
    assert found, "the course has a numbered list that does not start at 1 (the maturity levels)"


def expected_heads(course, document) -> list[tuple[int, str, str]]:
    """(page, module, page title) for every title that starts a page of the PDF, read from its bookmarks: the
    top ones, and those under a page of the course that is not a lesson (a lesson's bookmarks are its
    sections; a generated chapter's are its days or answers). The module is a lesson's module, a module's
    own title, else the PDF's title (the case, the glossary, the references)."""
    pdf = course.out("handouts") / document.filename
    pages = {title_of(course, docname) for docname in course.env.found_docs if docname in course.env.titles}
    modules = {title_of(course, m) for m in course.modules()}
    lesson_module = {title_of(course, row.docname): title_of(course, row.module) if row.module else None
                     for row in course.rows()}
    marks, opens = [], []
    for mark in outline(pdf):
        parent = outline(pdf)[mark.parent] if mark.parent is not None else None
        opens.append(parent is None or (opens[mark.parent] and parent.title in pages
                                        and parent.title not in lesson_module))
        if not opens[-1]:
            continue
        if mark.title in lesson_module:
            module = lesson_module[mark.title] or document.title
        else:
            module = mark.title if mark.title in modules else document.title
        marks.append((mark.page, module, mark.title))
    return marks


def head_names(head: str, module: str, title: str) -> bool:
    return flat(head).startswith(module) and flat(head).endswith(title)


def running_head_documents(course):
    return [d for d in course.settings.handouts
            if course.out("handouts") / d.filename in [module_pdf(course), *course.pdfs("facilitator"),
                                                        *course.pdfs(layout="slides"), *course.pdfs(layout="lectern")]]


def test_running_heads_name_each_pages_module_and_page(course):
    """Every page after the contents names, in its head, its module (or the PDF, outside modules) and the
    page it belongs to: the first title that opens on it (a page, a lesson, a generated chapter such as the
    references or the run-sheet), else the last one before it. Where each title stands is read from the
    PDF's bookmarks."""
    for document in running_head_documents(course):
        sheets = read(course, course.out("handouts") / document.filename).sheets
        marks = expected_heads(course, document)
        wrong = []
        for sheet in sheets[2:]:
            here = [m for m in marks if m[0] == sheet.number] or [m for m in marks if m[0] < sheet.number][-1:]
            if here and not head_names(sheet.head(), *here[0][1:]):
                wrong.append((sheet.number, sheet.head(), " | ".join(here[0][1:])))
        assert not wrong, f"{document.filename}: (page, head, expected) {wrong[:5]} ({len(wrong)} pages)"


def test_no_page_holds_a_stray_line_or_two(course):
    """Beyond the cover and the contents, no page but the last carries one or two lines only (of text, or
    ruled lines to write on)."""
    thin = {}
    for pdf in course.pdfs():
        sheets = read(course, pdf).sheets
        pages = [s.number for s in sheets[2:-1] if len(s.lines()) + len(s.writing_lines()) < 3]
        if pages:
            thin[pdf.name] = pages
    assert not thin, f"pages with fewer than three lines: {thin}"


def test_no_slide_runs_out_of_its_frame_or_off_the_page(course):
    """A slide drawn on paper shows all of itself. (WeasyPrint cut a slide's box off at its height; a
    Typst box grows with its content instead, so the nearest claim that can still fail is this one:)
    every slide frame stands inside the page's margins, clear of the running head and foot, and no
    glyph crosses a frame's edge: a glyph is wholly inside a frame or wholly outside it."""
    for pdf in course.pdfs(layout="slides") + course.pdfs(layout="lectern"):
        frames = 0
        for sheet in read(course, pdf).sheets:
            for frame in sheet.frames:
                frames += 1
                assert frame.top >= EDGE and frame.bottom <= sheet.height - EDGE, (
                    f"{pdf.name} p. {sheet.number}: a slide runs into the head or foot, or off the page ({frame})")
                assert frame.x0 >= SIDE - 2 and frame.x1 <= sheet.width - SIDE + 2, (
                    f"{pdf.name} p. {sheet.number}: a slide runs into the side margin ({frame})")
                crossing = "".join(g.text for g in sheet.glyphs if frame.touches(g) and not frame.holds(g)).strip()
                assert not crossing, f"{pdf.name} p. {sheet.number}: text crosses a slide's frame: {crossing[:60]!r}"
        assert frames, f"{pdf.name}: no slide frames found"


def test_no_text_runs_past_the_right_margin(course):
    """Paper has an edge: a long word or code in a narrow column (the lectern script's notes beside
    the slide) wraps inside the page's margins instead of running past them."""
    for pdf in all_pdfs(course):
        off = [(sheet.number, line.text[:40]) for sheet in read(course, pdf).sheets
               for line in sheet.lines(sheet.glyphs)
               if any(g.x1 > sheet.width - SIDE + 1 or g.x0 < SIDE - 1 for g in line.glyphs if g.text.strip())]
        assert not off, f"{pdf.name}: text past the margins (page, text): {off[:10]}"


def test_no_text_is_printed_over_other_text(course):
    """A table's column, a slide's bullet or a figure's label never prints on top of another's text."""
    for pdf in all_pdfs(course):
        over = []
        for sheet in read(course, pdf).sheets:
            pairs = sheet.overprinted()
            if pairs:
                lines = {line.text[:50] for line in sheet.lines(sheet.glyphs)
                         if any(g in line.glyphs for pair in pairs for g in pair)}
                over.append((sheet.number, sorted(lines)[:2]))
        assert not over, f"{pdf.name}: text over text (page, lines) {over[:4]} ({len(over)} pages)"


def test_no_page_of_slide_handouts_or_lectern_scripts_is_blank(course):
    """Every page but the cover prints something besides its running head and footer. (Pages of
    the text layout may hold ruled lines only; the stray-line test above covers them.)"""
    for pdf in course.pdfs(layout="slides") + course.pdfs(layout="lectern"):
        blank = [sheet.number for sheet in read(course, pdf).sheets[1:] if not sheet.lines()]
        assert not blank, f"{pdf.name}: blank pages {blank}"


def test_each_pdf_numbers_its_references_from_one(course):
    """The citation marks are links into the PDF's own reference list: the first reads 1, each leads to the
    entry that bears its number, and every entry is cited; no printed entry carries a commit hash."""
    from courseware.typst_markup import label

    for pdf in course.pdfs():
        start = destination_page(pdf, label("cw-references"))
        if start is None:
            continue
        entries = reference_entries(pdf, start)
        assert entries, f"{pdf.name}: an empty reference list"
        sheets = read(course, pdf).sheets
        first = (entries[0].page, entries[0].top - 15)  # a link to the chapter's heading (the contents') is no mark
        marks = []
        for link in links(pdf):
            if link.internal and link.page < start and link.target is not None \
                    and (link.target, link.target_top or 0) >= first:
                text = text_in(sheets[link.page - 1], link.rect).strip()
                assert text.isdigit(), f"{pdf.name} p. {link.page}: a citation mark reads {text!r}"
                number = int(text)
                assert 1 <= number <= len(entries), f"{pdf.name} p. {link.page}: [{number}] of {len(entries)}"
                entry = entries[number - 1]
                lands = next((e for e in entries if (e.page, e.top + 3) >= (link.target, link.target_top or 0)), None)
                assert lands == entry, f"{pdf.name} p. {link.page}: [{number}] leads to entry {lands and lands.number}"
                marks.append(number)
        assert marks and marks[0] == 1, f"{pdf.name}: the first citation is [{marks[:1]}]"
        assert set(marks) == set(range(1, len(entries) + 1)), f"{pdf.name}: {len(entries)} entries, cited {set(marks)}"
        for entry in entries:
            assert not re.search(r"[0-9a-f]{40}", entry.joined), f"{pdf.name}: a commit hash in [{entry.number}]"


# -- the facilitator package and the decks on paper -----------------------------------------------


def test_facilitator_guide_opens_with_run_sheet_and_running_the_course(course):
    from courseware.handouts.plans import RUN_SHEET_ID
    from courseware.typst_markup import label

    facilitation = [d for d, meta in course.env.metadata.items() if str(meta.get("print")) == "front"]
    assert facilitation, "a page marked 'print: front' (Running the course)"
    first_module = title_of(course, course.modules()[0])
    for pdf in course.pdfs("facilitator"):
        marks = {}
        for mark in outline(pdf):
            marks.setdefault(mark.title, mark.page)  # (the self-study answers repeat lessons' titles)
        sheet = destination_page(pdf, label(RUN_SHEET_ID))
        assert sheet is not None, f"{pdf.name}: no run-sheet"
        front = [marks[title_of(course, d)] for d in facilitation]
        assert sheet < min(front) and max(front) < marks[first_module], pdf.name
        for docname in course.lessons():
            plan = destination_page(pdf, label(f"cw-plan-{docname.replace('/', '-')}"))
            assert plan == marks[title_of(course, docname)], f"{pdf.name}: no plan on the first page of {docname}"


def slide_rows(course, pdf: Path):
    """Each slide frame with the lines of text beside it (to its right, down to the next frame)."""
    for sheet in read(course, pdf).sheets:
        frames = sorted(sheet.frames, key=lambda f: f.top)
        for index, frame in enumerate(frames):
            below = frames[index + 1].top if index + 1 < len(frames) else sheet.height
            beside = [g for g in sheet.body() if g.x0 >= frame.x1 and frame.top - 5 <= g.top < below]
            yield sheet, frame, sheet.lines(beside)


def page_text(course, pdf: Path) -> str:
    return squash(" ".join(sheet.text() for sheet in read(course, pdf).sheets))


def test_slide_handouts_have_three_slides_a_page_and_no_notes(course):
    from .test_handouts import facilitator_strings

    documents = course.pdfs(layout="slides")
    assert documents
    hidden = [item for items in facilitator_strings(course).values() for item in items]
    for pdf in documents:
        per_page = [len(sheet.frames) for sheet in read(course, pdf).sheets if sheet.frames]
        assert per_page and max(per_page) == 3, f"{pdf.name}: slides a page {per_page}"
        assert sum(1 for n in per_page if n == 3) >= len(per_page) * 0.6, f"{pdf.name}: most pages carry three"
        for sheet, frame, beside in slide_rows(course, pdf):
            lines = [r for r in sheet.writing_lines()
                     if (r.x0 >= frame.x1 and frame.top <= r.top <= frame.bottom + 2)
                     or (frame.bottom < r.top < frame.bottom + 60 and abs(r.x0 - frame.x0) < 15)]
            assert len(lines) >= 2, f"{pdf.name} p. {sheet.number}: a slide without lines for notes"
            assert not beside, f"{pdf.name} p. {sheet.number}: text beside a slide: {beside[0].text!r}"
        text = page_text(course, pdf)
        shown = [item for item in hidden if item in text]
        assert not shown, f"{pdf.name} prints speaker notes, solutions or answers: {shown[:3]}"


def test_lectern_scripts_carry_notes_minutes_and_the_clock(course):
    from .test_handouts import facilitator_strings

    documents = course.pdfs(layout="lectern")
    assert documents
    notes = facilitator_strings(course)["notes"]
    for pdf in documents:
        rows = list(slide_rows(course, pdf))
        assert rows, pdf.name
        with_notes = 0
        for sheet, _frame, beside in rows:
            assert beside and re.match(r"\+\d+:\d\d \(\d\d:\d\d\)", beside[0].text), (
                f"{pdf.name} p. {sheet.number}: no offset and clock time beside a slide: {beside[:1]}")
            with_notes += len(beside) > 1
        assert with_notes >= len(rows) / 2, f"{pdf.name}: most slides should carry speaker notes"
        per_page = [len(sheet.frames) for sheet in read(course, pdf).sheets if sheet.frames]
        assert max(per_page) == 2, f"{pdf.name}: two slides a page"
        text = page_text(course, pdf)
        assert any(item in text for item in notes), f"{pdf.name} prints no speaker notes"


# -- every PDF passes the PDF/UA checkers -------------------------------------------------------------


def test_every_pdf_has_no_pdfua_errors(course):
    for document in course.settings.handouts:
        path = course.out("handouts") / document.filename
        result = subprocess.run([str(BIN / "pdfua"), "check", "--format", "json", str(path)],
                                capture_output=True, text=True)
        # exit codes: 0 clean, 1 info, 2 warning, 3 error; anything else is the checker's own failure
        assert result.returncode in (0, 1, 2, 3), f"{document.filename}: {result.stdout[-2000:]}{result.stderr[-2000:]}"
        findings = json.loads(result.stdout).get("findings", [])
        errors = [f for f in findings if f.get("severity") == "error"]
        assert not errors, f"{document.filename}: {errors[:3]}"


def test_every_pdf_passes_page_validation_for_pdf_ua_1(course):
    import page

    for path in all_pdfs(course):
        report = page.validate_pdf(str(path), profile="ua1")
        assert report.rules.total > 50, f"{path.name}: the profile checked only {report.rules.total} rules"
        failures = [f"{f.rule_id}: {f.message}" for f in report.failures]
        assert report.rules.failed == 0 and not failures, f"{path.name}: {failures[:5]}"


def test_no_pdf_links_to_a_local_file(course):
    """Every address a PDF links to is on the web (http, https) or an e-mail (mailto); none is a file of
    the machine that built it."""
    from courseware.handouts.paperwork import LAYOUTS as PAPERWORK

    for document in course.settings.handouts:
        path = course.out("handouts") / document.filename
        found = links(path)
        addresses = [link.uri for link in found if link.uri is not None]
        assert addresses or document.layout in PAPERWORK, f"{path.name}: no web links (its cover's licence)"
        bad = [uri for uri in addresses if not re.match(r"(https?|mailto):", uri) or uri.startswith("file:")]
        assert not bad, f"{path.name}: {bad[:5]}"
        for link in found:
            assert link.uri is not None or link.target is not None, f"{path.name} p. {link.page}: a link to nowhere"


def marked_text(page) -> list[tuple[float, list]]:
    """Where each text-showing operator of a page's content stream puts its text (the height of its origin,
    from the bottom) and the marked-content sequences (tag, properties) it stands in."""
    import pikepdf

    def times(a, b):
        return [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3], a[2] * b[0] + a[3] * b[2],
                a[2] * b[1] + a[3] * b[3], a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]]

    identity = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    ctm, saved, marks, text_matrix, line_matrix = identity, [], [], identity, identity
    found = []
    for operands, operator in pikepdf.parse_content_stream(page):
        operator = str(operator)
        if operator == "q":
            saved.append(ctm)
        elif operator == "Q":
            ctm = saved.pop()
        elif operator == "cm":
            ctm = times([float(v) for v in operands], ctm)
        elif operator in ("BDC", "BMC"):
            marks.append((str(operands[0]), operands[1] if len(operands) > 1 else None))
        elif operator == "EMC":
            marks.pop()
        elif operator == "BT":
            text_matrix = line_matrix = identity
        elif operator == "Tm":
            text_matrix = line_matrix = [float(v) for v in operands]
        elif operator in ("Td", "TD"):
            line_matrix = times([1, 0, 0, 1, float(operands[0]), float(operands[1])], line_matrix)
            text_matrix = line_matrix
        elif operator in ("Tj", "TJ", "'", '"'):
            found.append((times(text_matrix, ctm)[5], list(marks)))
    return found


def test_running_heads_and_feet_are_artifacts(course):
    """A screen reader reads the page, not its running head and foot on every page: their text stands in
    an ``/Artifact`` marked-content sequence of the content stream, with no MCID (so the structure tree
    cannot hold it), while the body's text is tagged content (some of it, at least: the contents' leader
    dots and a table's repeated header are artifacts too)."""
    import pikepdf

    for path in all_pdfs(course):
        with pikepdf.open(path) as pdf:
            for number, page in enumerate(pdf.pages, 1):
                height = float(page.mediabox[3])
                shown = marked_text(page)
                margins = [marks for y, marks in shown if y > height - EDGE or y < EDGE]
                if number > 1:
                    assert len(margins) >= 2, f"{path.name} p. {number}: no running head and foot found"
                for marks in margins:
                    tags = [tag for tag, _ in marks]
                    mcid = any(isinstance(props, pikepdf.Dictionary) and "/MCID" in props for _, props in marks)
                    assert "/Artifact" in tags and not mcid, (
                        f"{path.name} p. {number}: the running head or foot is tagged content ({tags})")
                body = [marks for y, marks in shown if EDGE < y < height - EDGE]
                tagged = [marks for marks in body
                          if any(isinstance(props, pikepdf.Dictionary) and "/MCID" in props for _, props in marks)]
                assert tagged or not body, f"{path.name} p. {number}: none of the body's text is tagged"


# -- what the text says, printed right ----------------------------------------------------------------


def apostrophe_windows(text: str) -> list[str]:
    """The few words around each apostrophe of ``text`` (straight, as the source writes it)."""
    words = text.replace("\u2019", "'").split()
    return [" ".join(words[max(0, i - 1):i + 3]) for i, word in enumerate(words) if "'" in word]


@cache
@cache
def body_text(path: Path) -> str:
    """A PDF's printed text, without running heads and feet, in lines joined by spaces."""
    return flat(printed(path).text())


def test_quiz_options_and_activity_titles_print_curly_apostrophes(course):
    """Where the source writes an apostrophe ("Larkspur's policy") in an activity's title or a quiz
    option, the PDFs print a typographic one (’), never the straight one."""
    from courseware.quiz import quiz_option

    sources = activity_labels(course) + [option.astext() for docname in course.lessons()
                                         for option in course.doctree(docname).findall(quiz_option)]
    windows = {window for text in sources for window in apostrophe_windows(text)}
    assert len(windows) > 10, "the course has titles and options with apostrophes"
    texts = {path.name: body_text(path) for path in all_pdfs(course)}
    for window in windows:
        assert any(curly(window) in text for text in texts.values()), f"no PDF prints {curly(window)!r}"
        straight = [name for name, text in texts.items() if window in text]
        assert not straight, f"{straight} print a straight apostrophe in {window!r}"


def test_the_cover_prints_curly_apostrophes(course):
    """The cover's own texts (the PDF's title, the attribution) print typographic apostrophes too."""
    texts = [course.settings.attribution, *(d.title for d in course.settings.handouts)]
    windows = [window for text in texts for window in apostrophe_windows(text)]
    assert windows, "the configuration has a text with an apostrophe"
    for path in all_pdfs(course):
        cover = flat(PdfReader(path).pages[0].extract_text())
        for window in windows:
            assert window not in cover, f"{path.name}: the cover prints {window!r}"


def test_a_question_stands_whole_with_its_first_option(course):
    """A question's stem never stands at a page's foot away from its options: from the stem's first word
    to the letter of its first option, all on one page (so the stem is not broken after its first word
    either). Checked for every question of every lesson each text PDF prints."""
    from courseware.quiz import question, quiz_option

    questions: dict[str, list] = {}
    for docname in course.lessons():
        for node in course.doctree(docname).findall(question):
            stem = next(c for c in node.children if "cw-stem" in c.get("classes", ()))
            first = next(iter(node.findall(quiz_option)))
            questions.setdefault(docname, []).append((squash(stem.astext()).split(),
                                                      ["a", *squash(first.astext()).split()[:3]]))
    assert questions
    for pdf in course.pdfs():
        document = read(course, pdf)
        words = document.words()
        plain = [w for w, _ in words]
        for docname in lessons_in(course, pdf):
            for stem, option in questions.get(docname, []):
                starts = document.find(stem[:6])
                found = False
                for start in starts:
                    window = plain[start:start + len(stem) + 12]
                    at = next((k for k in range(len(window)) if window[k:k + len(option)] == option), None)
                    if at is None:
                        continue  # the stem quoted elsewhere (a self-study answer names its question)
                    found = True
                    pages = [page for _, page in words[start:start + at + 1]]
                    assert pages[0] == pages[1], f"{pdf.name} p. {pages[0]}: a stem broken after its first word"
                    assert len(set(pages)) == 1, (
                        f"{pdf.name} p. {pages[0]}: the stem {' '.join(stem[:8])!r} is split from its options")
                assert found, f"{pdf.name}: the question {' '.join(stem[:8])!r} is not printed with its options"


CHECKED = re.compile(r"\b(checked|read|consulted|accessed|retrieved)\b(?:\s+in)?(?:\s+the)?\s+"
                     r"((?:[A-Z][a-z]+\s+)?\d{4})", re.IGNORECASE)


@cache
def _bibliography(root: Path, files: tuple[str, ...]) -> dict:
    from pybtex.database import parse_file

    entries = {}
    for name in files:
        entries.update(parse_file(str(root / name)).entries)
    return entries


def bibliography(course) -> dict:
    """The course's bibliography entries (``bibtex_bibfiles``), by key."""
    return _bibliography(course.root, tuple(course.env.config.bibtex_bibfiles))


def cited_entries(course, pdf: Path) -> list[tuple[Entry, str]]:
    """Each printed reference with the bibliography key it stands for (the order the markup beside the PDF
    lists them in: the PDF does not name its sources' keys)."""
    from courseware.typst_markup import label

    start = destination_page(pdf, label("cw-references"))
    if start is None:
        return []
    markup = pdf.with_suffix(".typ").read_text(encoding="utf-8")
    listed = markup.split("#cw-reference-list(", 1)[1]
    keys = re.findall(r"<cw:cw-cite-([^>]+)>", listed)
    names = {label(f"cw-cite-{key}")[len("cw:cw-cite-"):]: key for key in bibliography(course)}
    entries = reference_entries(pdf, start)
    assert len(entries) == len(keys), f"{pdf.name}: {len(entries)} entries printed, {len(keys)} listed"
    return [(entry, names.get(key, key)) for entry, key in zip(entries, keys)]


def test_printed_references_give_whole_web_addresses(course):
    """Paper cannot follow a link: each entry prints its source's whole address (the guide's repository for
    a guide section), not shortened ("…"), not hyphenated at a line break."""
    from courseware import guide

    entries = bibliography(course)
    repository = guide.load().repository
    wrong = []
    for pdf in all_pdfs(course):
        for entry, key in cited_entries(course, pdf):
            assert "\u2026" not in entry.text, f"{pdf.name} [{entry.number}]: a shortened entry {entry.text!r}"
            if guide.load().section(key) is not None or key == guide.KEY_PREFIX:
                url = repository  # the guide is cited by its repository, not by a commit's page
            else:
                url = str(entries[key].fields.get("url", "")) if key in entries else ""
            if url and url not in entry.joined:
                wrong.append((pdf.name, entry.number, url, entry.text[-90:]))
    assert not wrong, f"addresses not printed whole (PDF, entry, address, printed): {wrong[:4]} ({len(wrong)})"


def test_printed_references_say_when_a_source_was_checked(course):
    """Where the bibliography says when a web source was checked, read or consulted, its printed entry
    says so too, with the same date."""
    entries = bibliography(course)
    dated = {key: match.group(2) for key, entry in entries.items()
             for match in [CHECKED.search(" ".join(str(entry.fields.get(f, "")) for f in ("urldate", "howpublished",
                                                                                         "note")).replace("{", ""))]
             if match and entry.fields.get("url")}
    assert dated, "the bibliography dates some sources"
    missing, seen = [], 0
    for pdf in course.pdfs():
        for entry, key in cited_entries(course, pdf):
            if key in dated:
                seen += 1
                after = entry.text.rsplit("://", 1)[-1]
                if not re.search(rf"\b(checked|read|consulted|accessed|retrieved)\b[^()]*\b{dated[key]}\b", after,
                                 re.IGNORECASE):
                    missing.append((pdf.name, key, dated[key]))
    assert seen, "no dated source is cited"
    assert not missing, f"entries without their date (PDF, key, date): {sorted(set(missing))[:8]} ({len(missing)})"


# -- paper sizes and QR codes, on the tiny course -------------------------------------------

ROOT = Path(__file__).parent / "roots" / "test-vocabulary"


def tiny_handouts(tmp_path: Path, **conf) -> Path:
    srcdir = tmp_path / "src"
    copytree(ROOT, srcdir)
    app = SphinxTestApp("handouts", srcdir=srcdir, confoverrides=conf)
    try:
        app.build()
    finally:
        app.cleanup()
    assert app.warning.getvalue() == ""
    return app.outdir


@pytest.mark.parametrize("paper, size", [("A4", (595, 842)), ("letter", (612, 792))])
def test_paper_size_comes_from_the_configuration(tmp_path, paper, size):
    out = tiny_handouts(tmp_path, courseware_paper=paper)
    pdfs = list(out.glob("*.pdf"))
    assert pdfs
    for pdf in pdfs:
        for page in PdfReader(pdf).pages:
            box = page.mediabox
            assert (round(float(box.width)), round(float(box.height))) == size, pdf.name


def qr_codes(pdf: Path, tmp_path: Path) -> list[str]:
    import zxingcpp

    folder = tmp_path / f"qr-{pdf.stem}"
    folder.mkdir()
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(pdf), str(folder / "page")], check=True)
    found = []
    for png in sorted(folder.glob("page-*.png")):
        found += [code.text for code in zxingcpp.read_barcodes(Image.open(png))]
    return found


def test_qr_codes_lead_to_the_online_lesson_and_deck(tmp_path):
    base = "https://courses.example.org/outbound/html/"
    out = tiny_handouts(tmp_path, courseware_base_url=base)
    codes = qr_codes(out / "module.pdf", tmp_path)

    class Config:
        _courseware = None
        root_doc = "index"

    from courseware.config import from_values

    Config._courseware = from_values({"courseware_base_url": base}, ROOT)
    assert page_url(Config, "mod/lesson") == base + "mod/lesson.html"
    assert deck_url(Config, "mod/lesson") == "https://courses.example.org/outbound/slides/mod/lesson.html"
    assert set(codes) >= {page_url(Config, "mod/lesson"), deck_url(Config, "mod/lesson"),
                          page_url(Config, "refs")}  # the page that holds the bibliography


def test_without_a_published_address_no_codes_are_printed(tmp_path):
    out = tiny_handouts(tmp_path)
    assert qr_codes(out / "module.pdf", tmp_path) == []
    assert not any(link.uri and "example.org/outbound" in link.uri for link in links(out / "module.pdf"))


def test_no_heading_stands_alone_at_the_foot_of_a_page(course):
    """A page of the text layout whose body is one heading and nothing else left its content to the next
    page (a self-study answer too long to keep together pushed away from its lesson's heading)."""
    for pdf in course.pdfs():
        sheets = read(course, pdf).sheets
        alone = [s.number for s in sheets[1:-1] if 0 < len(s.text().split()) <= 8 and not s.writing_lines()]
        assert not alone, f"{pdf.name}: pages holding only a heading: {alone}"


def test_text_right_after_inline_code_prints_as_written(tmp_path):
    """A semicolon or a parenthesis straight after inline code or a link (an embedded expression in
    Typst) is text: it neither vanishes nor calls the code."""
    import typst

    from courseware.typst_markup import escape

    source = tmp_path / "after.typ"
    source.write_text('#raw("make")' + escape("; then ") + '#raw("make test")' + escape("(twice); a;b"),
                      encoding="utf-8")
    typst.compile(str(source), output=str(tmp_path / "after.pdf"))
    assert flat(PdfReader(tmp_path / "after.pdf").pages[0].extract_text()) == "make; then make test(twice); a;b"

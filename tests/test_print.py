# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The printed pages, as a print shop and a lectern see them.

Layout rules are checked on the pages WeasyPrint lays out for a built
handout (the same HTML, stylesheet and engine that wrote the PDF): which
element stands on which page, at what size. Page facts (running heads,
reference numbers, paper size, QR codes) are read from the PDFs themselves.
Which PDFs exist comes from the course's configuration.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from functools import cache
from pathlib import Path
from shutil import copytree

import pytest
from PIL import Image
from pypdf import PdfReader
from sphinx.testing.util import SphinxTestApp

from courseware.links import deck_url, page_url

BIN = Path(sys.executable).parent
BODY_PX = 10.5 * 4 / 3  # the body text size, in CSS pixels
MARGIN = 18 / 25.4 * 72  # running heads stand within 18 mm of the page edge (points)


class Layout:
    """The laid-out pages of one built handout: each element's pages, and its computed style."""

    def __init__(self, html: Path, stylesheet: Path):
        from weasyprint import CSS, HTML
        from weasyprint.text.fonts import FontConfiguration

        fonts = FontConfiguration()
        document = HTML(filename=str(html), base_url=str(html.parent) + "/")
        self.root = document.etree_element
        self.parent = {child: parent for parent in self.root.iter() for child in parent}
        rendered = document.render(stylesheets=[CSS(filename=str(stylesheet), font_config=fonts)], font_config=fonts)
        self.pages: dict[object, list[int]] = {}
        self.markers: dict[object, str] = {}  #: list item -> its printed number or bullet
        self.filled: dict[int, int] = {}  #: page -> lines of text and ruled lines on it
        self.style: dict[object, dict] = {}
        self.cut_off: list[tuple[int, str, float]] = []  #: slide boxes whose content runs past them
        self.off_page: list[tuple[int, str]] = []  #: text that runs past the page's right margin
        self.count = len(rendered.pages)
        for index, page in enumerate(rendered.pages):
            box = page._page_box
            self._walk(box, index, right=box.content_box_x() + box.width)

    def _walk(self, box, page: int, right: float | None) -> None:
        """``right``: the page's right margin, for text outside the margin boxes (None inside them)."""
        element = getattr(box, "element", None)
        kind = type(box).__name__
        if kind == "MarginBox":
            right = None
        text = getattr(box, "text", "") if kind == "TextBox" else ""
        if right is not None and text.strip() and box.position_x + box.width > right + 1:
            self.off_page.append((page + 1, text.strip()[:40]))
        if kind == "BlockBox" and element is not None and "cw-slidebox" in (element.get("class") or "").split():
            inside = box.position_y + box.margin_top + box.border_top_width + box.padding_top + box.height
            past = _lowest_line(box) - inside
            if past > 0.5:
                self.cut_off.append((page + 1, " ".join("".join(element.itertext()).split())[:50], past))
        if kind == "LineBox" and any(getattr(t, "text", "").strip() for t in getattr(box, "children", [])):
            self.filled[page] = self.filled.get(page, 0) + 1
        elif kind == "BlockBox" and element is not None and "cw-line" in (element.get("class") or "").split():
            self.filled[page] = self.filled.get(page, 0) + 1
        if getattr(box, "element_tag", "") == "li::marker" and hasattr(box, "text"):
            self.markers.setdefault(element, box.text.strip())
        if element is not None and type(box).__name__ in ("BlockBox", "ListMarkerBox", "InlineBox", "TextBox",
                                                            "LineBox", "FlexBox", "TableBox", "TableRowBox"):
            pages = self.pages.setdefault(element, [])
            if page not in pages:
                pages.append(page)
            if type(box).__name__ == "BlockBox":
                self.style.setdefault(element, box.style)
        for child in getattr(box, "children", []) or []:
            self._walk(child, page, right)

    def find(self, predicate) -> list:
        return [e for e in self.root.iter() if isinstance(e.tag, str) and predicate(e)]

    def classes(self, element) -> set[str]:
        return set((element.get("class") or "").split())

    def ancestors(self, element):
        while element in self.parent:
            element = self.parent[element]
            yield element


def _lowest_line(box) -> float:
    lowest = 0.0
    for child in getattr(box, "children", []) or []:
        if type(child).__name__ == "LineBox":
            lowest = max(lowest, child.position_y + child.height)
        else:
            lowest = max(lowest, _lowest_line(child))
    return lowest


@cache
def layout_of(html: Path, stylesheet: Path) -> Layout:
    return Layout(html, stylesheet)


def layout(course, pdf: Path) -> Layout:
    return layout_of(pdf.with_suffix(".html"), course.root / course.settings.handouts_path / "handout.css")


def module_pdf(course) -> Path:
    modules = set(course.modules())
    return next(course.out("handouts") / d.filename for d in course.settings.handouts
                if d.layout == "text" and d.edition == "learner" and d.start in modules)


def text_between(page, low: float, high: float) -> str:
    """A page's text whose baseline lies between ``low`` and ``high`` points from the bottom."""
    parts: list[str] = []

    def keep(text, cm, tm, _font, _size):
        if low < tm[4] * cm[1] + tm[5] * cm[3] + cm[5] < high:
            parts.append(text)

    page.extract_text(visitor_text=keep)
    return " ".join(" ".join(parts).split())


def header(page) -> str:
    """The running head: the text within the top margin."""
    return text_between(page, float(page.mediabox.height) - MARGIN, float("inf"))


# -- layout rules ---------------------------------------------------------------------


def test_headings_step_down_by_depth_and_never_below_body_size(course):
    for pdf in course.pdfs():
        pages = layout(course, pdf)
        headings = pages.find(lambda e: e.tag in ("h1", "h2", "h3", "h4", "h5", "h6") and e in pages.style)
        assert headings, pdf.name
        for heading in headings:
            size = pages.style[heading]["font_size"]
            assert size >= BODY_PX, f"{pdf.name}: {heading.tag} {''.join(heading.itertext())[:40]!r} at {size} px"
            section = pages.parent.get(heading)
            outer = next((a for a in pages.ancestors(section) if a.tag == "section"
                          and any(c.tag.startswith("h") and c in pages.style for c in a
                                  if isinstance(c.tag, str))), None)
            if outer is None:
                continue
            above = next(c for c in outer if isinstance(c.tag, str) and c.tag.startswith("h") and c in pages.style)
            assert size <= pages.style[above]["font_size"], (
                f"{pdf.name}: {''.join(heading.itertext())[:40]!r} is larger than the heading above it")


def test_an_activity_keeps_its_title_prompt_and_first_lines_together(course):
    """No title and prompt at the foot of a page with the lines to write on over the leaf."""
    for pdf in course.pdfs("learner"):
        pages = layout(course, pdf)
        keeps = pages.find(lambda e: "cw-keep" in pages.classes(e))
        assert keeps, pdf.name
        for keep in keeps:
            assert len(pages.pages.get(keep, [])) == 1, f"{pdf.name}: a task's end is split from its lines"
            lines = [e for e in keep.iter() if isinstance(e.tag, str) and "cw-line" in pages.classes(e)]
            assert len(lines) >= 3, f"{pdf.name}: fewer than three lines stay with the task"
            box = [c for c in pages.parent[keep] if isinstance(c.tag, str)]
            label = next(c for c in box if "cw-box-label" in pages.classes(c))
            first = box[box.index(label) + 1]
            assert pages.pages[label][-1] == pages.pages[first][0], f"{pdf.name}: an activity's title stands alone"


def test_glossary_terms_stay_with_their_definitions(course):
    for pdf in course.pdfs("learner"):
        pages = layout(course, pdf)
        terms = pages.find(lambda e: e.tag == "dt" and "glossary" in pages.classes(pages.parent[e]))
        for term in terms:
            siblings = list(pages.parent[term])
            definition = siblings[siblings.index(term) + 1]
            assert pages.pages[term][-1] == pages.pages[definition][0], (
                f"{pdf.name}: the term {''.join(term.itertext())!r} is split from its definition")


def test_numbered_lists_keep_their_start(course):
    found = 0
    for pdf in course.pdfs("learner"):
        pages = layout(course, pdf)
        for listing in pages.find(lambda e: e.tag == "ol" and e.get("start")):
            first = next(c for c in listing if c.tag == "li")
            assert pages.markers[first] == f"{listing.get('start')}.", f"{pdf.name}: a list starting at " \
                f"{listing.get('start')} prints {pages.markers[first]!r}"
            found += 1
    assert found, "the course has a numbered list that does not start at 1 (the maturity levels)"


def test_running_heads_name_each_pages_module_and_page(course):
    for pdf in [module_pdf(course), *course.pdfs("facilitator")]:
        pages = layout(course, pdf)
        starts = sorted((pages.pages[e][0], order, e.get("data-module"), e.get("data-page"))
                        for order, e in enumerate(pages.find(lambda e: "cw-running" in pages.classes(e)))
                        if e in pages.pages)
        reader = PdfReader(pdf)
        current = None
        for index, page in enumerate(reader.pages):
            here = [s for s in starts if s[0] == index]
            current = here[0][2:] if here else current
            if current is None or index < 2:
                continue
            head = header(page)
            module, title = (" ".join(v.split()) for v in current)
            assert title in head and module in head, f"{pdf.name} page {index + 1}: head {head!r}, not {current}"


def test_no_page_holds_a_stray_line_or_two(course):
    """Beyond the cover and the contents, no page carries one or two lines (of text or to write on) only."""
    for pdf in course.pdfs():
        pages = layout(course, pdf)
        thin = [index + 1 for index in range(2, pages.count - 1) if pages.filled.get(index, 0) < 3]
        assert not thin, f"{pdf.name}: pages with fewer than three lines: {thin}"


def body_text(page) -> str:
    """A page's text between its running head and its footer."""
    return text_between(page, MARGIN, float(page.mediabox.height) - MARGIN)


def test_no_slide_box_cuts_off_its_content(course):
    """A slide drawn on paper shows all of itself: no line runs past its box, which clips."""
    for pdf in course.pdfs(layout="slides") + course.pdfs(layout="lectern"):
        cut = layout(course, pdf).cut_off
        assert not cut, f"{pdf.name}: slide boxes cut off (page, slide, px past the box): {cut}"


def test_no_text_runs_past_the_right_margin(course):
    """Paper has an edge: a long word or code in a narrow column (the lectern script's notes beside
    the slide) wraps inside the page instead of running off it."""
    for pdf in course.pdfs():
        off = layout(course, pdf).off_page
        assert not off, f"{pdf.name}: text past the right margin (page, text): {off[:10]}"


def test_no_page_of_slide_handouts_or_lectern_scripts_is_blank(course):
    """Every page but the cover prints something besides its running head and footer. (Pages of
    the text layout may hold ruled lines only; the stray-line test above covers them.)"""
    for pdf in course.pdfs(layout="slides") + course.pdfs(layout="lectern"):
        pages = PdfReader(pdf).pages
        blank = [number for number, page in enumerate(pages[1:], start=2) if not body_text(page)]
        assert not blank, f"{pdf.name}: blank pages {blank}"


def test_each_pdf_numbers_its_references_from_one(course):
    for pdf in course.pdfs():
        html = pdf.with_suffix(".html").read_text(encoding="utf-8")
        marks = [int(m) for m in re.findall(r'<a class="reference internal" href="#cw-cite-[^"]+">(\d+)</a>', html)]
        if not marks:
            continue
        assert marks[0] == 1, pdf.name
        listed = len(re.findall(r'<li id="cw-cite-', html))
        assert max(marks) == listed, f"{pdf.name}: {max(marks)} numbers, {listed} references"
        printed = html.split('id="cw-references"', 1)[1]
        assert not re.search(r">[^<]*[0-9a-f]{40}[^<]*<", printed), f"{pdf.name}: a commit hash in a printed link"


# -- the facilitator package and the decks on paper -------------------------------------


def test_facilitator_guide_opens_with_run_sheet_and_running_the_course(course):
    for pdf in course.pdfs("facilitator"):
        html = pdf.with_suffix(".html").read_text(encoding="utf-8")
        facilitation = [d for d, meta in course.env.metadata.items() if str(meta.get("print")) == "front"]
        assert facilitation, "a page marked 'print: front' (Running the course)"
        front = [html.index(f'data-page="{course.env.titles[d].astext()}"') for d in facilitation]
        assert html.index('id="cw-run-sheet"') < min(front) and max(front) < html.index("cw-doc-module"), pdf.name
        for docname in course.lessons():
            assert f'id="cw-plan-{docname.replace("/", "-")}"' in html, f"{pdf.name}: no plan for {docname}"


def slide_boxes(pages: Layout) -> list:
    return pages.find(lambda e: "cw-slidebox" in pages.classes(e))


def slides_per_page(pages: Layout) -> dict[int, int]:
    """Page index -> slide boxes that start on it."""
    per_page: dict[int, int] = {}
    for box in slide_boxes(pages):
        per_page[pages.pages[box][0]] = per_page.get(pages.pages[box][0], 0) + 1
    return per_page


def test_slide_handouts_have_three_slides_a_page_and_no_notes(course):
    documents = course.pdfs(layout="slides")
    assert documents
    for pdf in documents:
        pages = layout(course, pdf)
        for box in slide_boxes(pages):
            assert len(pages.pages[box]) == 1, f"{pdf.name}: a slide split over pages"
        per_page = slides_per_page(pages)
        assert max(per_page.values()) == 3 and min(per_page.values()) >= 1, pdf.name
        full = sum(1 for n in per_page.values() if n == 3)
        assert full >= len(per_page) * 0.6, f"{pdf.name}: most pages should carry three slides"
        html = pdf.with_suffix(".html").read_text(encoding="utf-8")
        assert "cw-slide-notes" not in html and "cw-notes" not in html and "cw-explanation" not in html
        assert "cw-slide-lines" in html


def test_lectern_scripts_carry_notes_minutes_and_the_clock(course):
    documents = course.pdfs(layout="lectern")
    assert documents
    for pdf in documents:
        pages = layout(course, pdf)
        rows = pages.find(lambda e: "cw-slide-row" in pages.classes(e))
        with_notes = 0
        for row in rows:
            side = next(c for c in row if "cw-slide-notes" in pages.classes(c))
            clock = "".join(side[0].itertext())
            assert re.match(r"\+\d+:\d\d", clock), clock
            with_notes += len(list(side)) > 1
        assert with_notes >= len(rows) / 2, f"{pdf.name}: most slides should carry speaker notes"
        per_page = slides_per_page(pages)
        assert max(per_page.values()) == 2, f"{pdf.name}: two slides a page"


# -- every PDF passes the PDF/UA checker -----------------------------------------------


def test_every_pdf_has_no_pdfua_errors(course):
    for document in course.settings.handouts:
        path = course.out("handouts") / document.filename
        result = subprocess.run([str(BIN / "pdfua"), "check", "--format", "json", str(path)],
                                capture_output=True, text=True)
        assert result.returncode in (0, 1, 2), f"{document.filename}: {result.stdout[-2000:]}{result.stderr[-2000:]}"
        findings = json.loads(result.stdout).get("findings", [])
        errors = [f for f in findings if f.get("severity") == "error"]
        assert not errors, f"{document.filename}: {errors[:3]}"


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
    for pdf in out.glob("*.pdf"):
        box = PdfReader(pdf).pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == size, pdf.name


def qr_codes(pdf: Path, tmp_path: Path) -> list[str]:
    import zxingcpp

    subprocess.run(["pdftoppm", "-r", "200", "-png", str(pdf), str(tmp_path / "page")], check=True)
    found = []
    for png in sorted(tmp_path.glob("page-*.png")):
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
    assert "cw-qr" not in (out / "module.html").read_text()


def test_no_heading_stands_alone_at_the_foot_of_a_page(course):
    """A page of the text layout whose body is one heading and nothing else left its content to the next
    page (a self-study answer too long to keep together pushed away from its lesson's heading)."""
    for pdf in course.pdfs():
        pages = PdfReader(pdf).pages
        alone = [number for number, page in enumerate(pages[1:], start=2)
                 if 0 < len(body_text(page).split()) <= 8 and number < len(pages)]
        assert not alone, f"{pdf.name}: pages holding only a heading: {alone}"

# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The PDF handouts, as learners read them and training teams print them."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from pypdf import PdfReader

from courseware.handouts import render_pdf

HANDOUTS = {
    "module1-collaboration.pdf": "learner",
    "participant-workbook.pdf": "learner",
    "facilitator-guide.pdf": "facilitator",
}


def squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


@cache
def pdf_text(path: Path) -> str:
    return squash(" ".join(page.extract_text() for page in PdfReader(path).pages))


def snippet(text: str, words: int = 7) -> str:
    return " ".join(squash(text).split()[:words])


def facilitator_strings(course) -> dict[str, list[str]]:
    """Opening words of every notes block, solution and quiz answer in the course."""
    found: dict[str, list[str]] = {"notes": [], "solution": [], "answer": []}
    for docname in course.lessons():
        page = course.page("html", docname).select_one("article")
        for kind, selector in (("notes", ".cw-notes > p:not(.cw-box-label)"),
                               ("solution", ".cw-solution > p"),
                               ("answer", ".cw-explanation > p:nth-of-type(2)")):
            for node in page.select(selector):
                if len(squash(node.get_text()).split()) >= 5:
                    found[kind].append(snippet(node.get_text()))
    return found


@pytest.fixture(scope="module")
def pdfs(course):
    return {name: course.out("handouts") / name for name in HANDOUTS}


def test_every_listed_pdf_is_written(pdfs):
    for name, path in pdfs.items():
        assert path.exists() and path.stat().st_size > 10_000, name


def test_learner_editions_leave_out_notes_solutions_and_answers(course, pdfs):
    strings = facilitator_strings(course)
    assert all(strings.values()), strings  # the course has some of each
    facilitator = pdf_text(pdfs["facilitator-guide.pdf"])
    for kind, items in strings.items():
        for item in items:
            assert item in facilitator, f"facilitator guide lacks {kind}: {item!r}"
            for name, edition in HANDOUTS.items():
                if edition == "learner":
                    assert item not in pdf_text(pdfs[name]), f"{name} shows {kind}: {item!r}"
    assert "starts at" in facilitator
    assert "starts at" not in pdf_text(pdfs["participant-workbook.pdf"])


def test_every_lesson_in_a_pdf_shows_its_duration(course, pdfs):
    text = pdf_text(pdfs["facilitator-guide.pdf"])
    assert text.count("duration") >= len(course.lessons())


def test_workbook_leaves_room_to_write_and_the_guide_does_not(course):
    out = course.out("handouts")
    assert "cw-writing-space" in (out / "participant-workbook.html").read_text()
    assert "cw-writing-space" not in (out / "facilitator-guide.html").read_text()


def test_cover_contents_headers_and_page_numbers(pdfs):
    reader = PdfReader(pdfs["participant-workbook.pdf"])
    cover = squash(reader.pages[0].extract_text())
    assert "participant workbook" in cover and "learner edition" in cover and "cc by sa 4 0" in cover
    assert "contents" in squash(reader.pages[1].extract_text())
    count = len(reader.pages)
    assert count > 10
    last = squash(reader.pages[-1].extract_text())
    assert f"page {count} of {count}" in last
    body = squash(reader.pages[4].extract_text())
    assert "outbound open source contribution and creation" in body  # running footer


def test_bookmarks_read_course_module_lesson(pdfs):
    reader = PdfReader(pdfs["facilitator-guide.pdf"])

    def titles(outline, depth=0):
        for item in outline:
            if isinstance(item, list):
                yield from titles(item, depth + 1)
            else:
                yield depth, item.title

    marks = list(titles(reader.outline))
    names = [t for _, t in marks]
    assert "Module 1: Collaboration" in names
    assert "About this course" in names
    assert "References" in names
    depth = dict((t, d) for d, t in marks)
    lesson = "From consumption to contribution"
    if lesson in depth:
        assert depth[lesson] == depth["Module 1: Collaboration"] + 1


def test_metadata_language_fonts_and_tags(pdfs):
    for name, path in pdfs.items():
        reader = PdfReader(path)
        meta = reader.metadata
        assert meta.title.startswith("Outbound Open Source: Contribution and Creation"), name
        assert meta.author
        root = reader.trailer["/Root"]
        assert root["/Lang"] == "en"
        assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"], f"{name} is not tagged"
        fonts = {}
        for page in reader.pages[:3]:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                descriptor = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                fonts[font["/BaseFont"]] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
        assert fonts and all(fonts.values()), f"{name}: fonts not embedded: {fonts}"
        assert any("Source-Sans-Pro" in str(f) for f in fonts), f"{name}: not the shipped font: {list(fonts)}"


def test_same_input_same_bytes(course, pdfs, tmp_path):
    html_file = course.out("handouts") / "module1-collaboration.html"
    stylesheet = course.root / "handouts" / "handout.css"
    base = str(course.out("handouts")) + "/"
    first, _ = render_pdf(html_file.read_text(), base, str(tmp_path / "a.pdf"), str(stylesheet))
    second, _ = render_pdf(html_file.read_text(), base, str(tmp_path / "b.pdf"), str(stylesheet))
    assert Path(first).read_bytes() == Path(second).read_bytes()
    assert Path(first).read_bytes() == pdfs["module1-collaboration.pdf"].read_bytes()


def test_running_the_course_page_only_in_the_facilitator_guide(pdfs):
    assert "before the session" in pdf_text(pdfs["facilitator-guide.pdf"])
    assert "before the session" not in pdf_text(pdfs["participant-workbook.pdf"])


def test_coverage_page_only_in_the_facilitator_guide(pdfs):
    generated = "teaching sections of the guide are cited by at least one lesson"  # the coverage summary
    assert generated in pdf_text(pdfs["facilitator-guide.pdf"])
    assert generated not in pdf_text(pdfs["participant-workbook.pdf"])

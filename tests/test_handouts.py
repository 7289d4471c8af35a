# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The PDF handouts, as learners read them and training teams print them.

Which PDFs exist, and for whom, comes from the course's configuration
(``courseware_handouts``); nothing here names today's lessons.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from pypdf import PdfReader

from courseware.handouts.pdf import render_pdf


def squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def body_text(page) -> str:
    """A page's text without its running head and foot (they sit in the page margins)."""
    height = float(page.mediabox.height)
    margin = 18 / 25.4 * 72  # the head and the foot stand within 18 mm of the page's edges
    parts: list[str] = []

    def keep(text, cm, tm, _font, _size):
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]  # the text's baseline on the page
        if margin < y < height - margin:
            parts.append(text)

    page.extract_text(visitor_text=keep)
    return " ".join(parts)


@cache
def pdf_text(path: Path) -> str:
    return squash(" ".join(body_text(page) for page in PdfReader(path).pages))


def snippet(text: str, words: int = 7) -> str:
    return " ".join(squash(text).split()[:words])


def facilitator_strings(course) -> dict[str, list[str]]:
    """The opening words of every notes block, solution and quiz answer paragraph in the course,
    except words that learners also read elsewhere on the same page (a key point that opens alike)."""
    found: dict[str, list[str]] = {"notes": [], "solution": [], "answer": []}
    for docname in course.lessons():
        page = course.page("html", docname).select_one("article")
        public = page.__copy__()
        for hidden in public.select(".cw-facilitator, .cw-solution, .cw-explanation"):
            hidden.decompose()
        visible = squash(public.get_text(" "))
        for kind, selector in (("notes", ".cw-notes > p:not(.cw-box-label)"),
                               ("solution", ".cw-solution > p"),
                               ("answer", ".cw-explanation > p:nth-of-type(2)")):
            for node in page.select(selector):
                words = snippet(node.get_text(), 10)
                if len(words.split()) == 10 and words not in visible:
                    found[kind].append(words)
    return found


def test_every_listed_pdf_is_written(course):
    for document in course.settings.handouts:
        path = course.out("handouts") / document.filename
        assert path.exists() and path.stat().st_size > 10_000, document.filename


def test_learner_editions_leave_out_notes_solutions_and_answers(course):
    strings = facilitator_strings(course)
    assert all(strings.values()), strings  # the course has some of each
    guides = course.pdfs("facilitator")
    learners = course.pdfs("learner")
    study = course.pdfs("self-study")
    assert guides and learners and study
    for kind, items in strings.items():
        for item in items:
            assert any(item in pdf_text(g) for g in guides), f"no facilitator guide has {kind}: {item!r}"
            for pdf in learners:
                assert item not in pdf_text(pdf), f"{pdf.name} shows {kind}: {item!r}"
    for item in strings["solution"] + strings["answer"]:
        assert any(item in pdf_text(s) for s in study), f"the self-study edition lacks {item!r}"


def test_self_study_answers_stand_at_the_back(course):
    for pdf in course.pdfs("self-study"):
        text = pdf_text(pdf)
        assert "answers the solution to every exercise" in text
        body = text.split("answers the solution to every exercise", 1)[0]
        for item in facilitator_strings(course)["solution"]:
            assert item not in body, f"{pdf.name}: a solution stands in the lesson text"


def test_every_lesson_in_a_pdf_shows_its_duration(course):
    for pdf in course.pdfs("facilitator"):
        assert pdf_text(pdf).count("duration") >= len(course.lessons())


def test_workbooks_leave_room_to_write_and_guides_do_not(course):
    for document in course.settings.handouts:
        html = (course.out("handouts") / document.filename).with_suffix(".html").read_text()
        if document.layout != "text":
            continue
        if document.edition == "facilitator":
            assert "cw-writing-space" not in html, document.filename
        else:
            assert "cw-writing-space" in html, document.filename


def test_no_form_controls_reach_print(course):
    for html in course.out("handouts").glob("*.html"):
        text = html.read_text(encoding="utf-8")
        for bad in ("<fieldset", "<input", "<details", "aria-live", "<summary"):
            assert bad not in text, f"{html.name} holds {bad}"


def test_cover_contents_headers_and_page_numbers(course):
    for document in course.settings.handouts:
        reader = PdfReader(course.out("handouts") / document.filename)
        cover = squash(reader.pages[0].extract_text())
        assert squash(document.title) in cover and "cc by sa 4 0" in cover, document.filename
        count = len(reader.pages)
        assert f"page {count} of {count}" in squash(reader.pages[-1].extract_text()), document.filename


def test_bookmarks_read_course_module_lesson(course):
    for pdf in course.pdfs("facilitator"):
        reader = PdfReader(pdf)

        def titles(outline, depth=0):
            for item in outline:
                if isinstance(item, list):
                    yield from titles(item, depth + 1)
                else:
                    yield depth, item.title

        depth = {title: d for d, title in titles(reader.outline)}
        for row in course.rows():
            lesson = course.env.titles[row.docname].astext()
            assert lesson in depth, f"{pdf.name}: no bookmark for {lesson}"
            if row.module:
                module = course.env.titles[row.module].astext()
                assert depth[lesson] == depth[module] + 1, f"{pdf.name}: {lesson} is not under {module}"


def test_metadata_language_fonts_and_tags(course):
    for document in course.settings.handouts:
        reader = PdfReader(course.out("handouts") / document.filename)
        meta = reader.metadata
        assert meta.title.startswith(course.env.config.project), document.filename
        assert meta.author
        root = reader.trailer["/Root"]
        assert root["/Lang"] == "en"
        assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"], f"{document.filename} is not tagged"
        fonts = {}
        for page in reader.pages[:3]:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                descriptor = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                fonts[font["/BaseFont"]] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
        assert fonts and all(fonts.values()), f"{document.filename}: fonts not embedded: {fonts}"
        assert any("Source-Sans-Pro" in str(f) for f in fonts), f"{document.filename}: not the shipped font"


def test_same_input_same_bytes(course, tmp_path):
    document = course.settings.handouts[0]
    target = course.out("handouts") / document.filename
    html = target.with_suffix(".html").read_text()
    stylesheet = str(course.root / course.settings.handouts_path / "handout.css")
    base = str(course.out("handouts")) + "/"
    first, _ = render_pdf(html, base, str(tmp_path / "a.pdf"), stylesheet)
    second, _ = render_pdf(html, base, str(tmp_path / "b.pdf"), stylesheet)
    assert Path(first).read_bytes() == Path(second).read_bytes() == target.read_bytes()


def test_facilitator_only_pages_stay_out_of_learner_pdfs(course):
    only = [d for d, meta in course.env.metadata.items() if str(meta.get("handouts")) == "facilitator"]
    assert only, "the course has facilitator-only pages (the coverage page, running the course)"
    for docname in only:
        paragraph = next(p for p in course.page("html", docname).select("article p") if len(p.get_text().split()) >= 8)
        text = snippet(paragraph.get_text())
        assert any(text in pdf_text(guide) for guide in course.pdfs("facilitator")), docname
        for pdf in course.pdfs("learner") + course.pdfs("self-study"):
            assert text not in pdf_text(pdf), f"{pdf.name} prints {docname}"


@pytest.mark.parametrize("edition", ["learner", "self-study"])
def test_learner_pdfs_carry_the_case_pages(course, edition):
    for pdf in course.pdfs(edition):
        for docname in course.settings.handout_front:
            heading = squash(course.env.titles[docname].astext())
            assert heading in pdf_text(pdf), f"{pdf.name} lacks {docname}"

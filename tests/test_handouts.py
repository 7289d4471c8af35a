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

from courseware.handouts import paperwork
from courseware.handouts import pdf as typst_pdf

from .test_print import lessons_in, links, outline, printed, title_of


def squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


@cache
def pdf_text(path: Path) -> str:
    """A PDF's printed text without its running heads and feet, squashed to lower-case words (once a PDF:
    a test looks for hundreds of snippets in each)."""
    return squash(printed(path).text())


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
        for listing in public.select("ol"):  # print writes a list's numbers as text: "2. The three parts"
            for number, item in enumerate(listing.find_all("li", recursive=False), int(listing.get("start", 1))):
                item.insert(0, f"{number}. ")
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
    """Straight under each lesson's title, every text PDF prints that lesson's own minutes."""
    from courseware.structure import lesson_duration

    for pdf in course.pdfs():
        document = printed(pdf)
        words = [word for word, _ in document.words()]
        lessons = lessons_in(course, pdf)
        assert lessons, f"{pdf.name} prints no lesson"
        for docname in lessons:
            title = squash(title_of(course, docname)).split()
            line = ["duration", str(lesson_duration(course.env, docname)), "minutes"]
            assert any(words[at + len(title):at + len(title) + 3] == line for at in document.find(title)), (
                f"{pdf.name}: {' '.join(title)!r} is not followed by {' '.join(line)!r}")


def test_workbooks_leave_room_to_write_and_guides_do_not(course):
    """Ruled lines to write on, counted on the printed pages."""
    for document in course.settings.handouts:
        if document.layout != "text":
            continue
        sheets = printed(course.out("handouts") / document.filename, course.settings.brand.primary).sheets
        lines = sum(len(sheet.writing_lines()) for sheet in sheets)
        if document.edition == "facilitator":
            assert lines == 0, f"{document.filename}: {lines} lines to write on"
        else:
            assert lines >= 3 * len(course.lessons()), f"{document.filename}: {lines} lines to write on"


def test_no_form_controls_reach_print(course):
    """The HTML course's quiz is a form; paper is not. (The old test looked for form elements in the HTML
    that was printed; the nearest claim on the PDF:) no PDF holds an interactive form, a form field or a
    widget, and no link but to a page of its own or an address on the web."""
    for document in course.settings.handouts:
        path = course.out("handouts") / document.filename
        reader = PdfReader(path)
        assert "/AcroForm" not in reader.trailer["/Root"], f"{document.filename} holds a form"
        kinds = {str(a.get_object().get("/Subtype")) for page in reader.pages for a in page.get("/Annots", []) or []}
        assert kinds <= {"/Link"}, f"{document.filename} holds annotations {kinds - {'/Link'}}"
        assert all(link.uri or link.target for link in links(path)), f"{document.filename}: a link to nowhere"


def test_cover_contents_headers_and_page_numbers(course):
    """Every PDF numbers its pages; a handout opens with its cover, the paperwork (no cover) with its title,
    and the flyer with the course's name."""
    for document in course.settings.handouts:
        reader = PdfReader(course.out("handouts") / document.filename)
        cover = squash(reader.pages[0].extract_text())
        title = course.env.config.project if document.layout == "flyer" else document.title
        assert squash(title) in cover, document.filename
        if document.layout not in paperwork.LAYOUTS:
            assert "cc by sa 4 0" in cover, document.filename
        count = len(reader.pages)
        last = squash(reader.pages[-1].extract_text())
        if document.layout in paperwork.STANDALONE:  # a certificate, a flyer: no page numbers
            assert "page 1 of" not in last, document.filename
        else:
            assert f"page {count} of {count}" in last, document.filename


def test_bookmarks_read_course_module_lesson(course):
    for pdf in course.pdfs("facilitator"):
        depth = {mark.title: mark.depth for mark in outline(pdf)}
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
        family = course.settings.brand.font.replace(" ", "")
        assert any(family in str(f) for f in fonts), f"{document.filename}: not the brand's font {fonts}"


#: ``SOURCE_DATE_EPOCH`` as the course's builds set it (``conftest.sphinx_build``): the PDF's dates
SOURCE_DATE_EPOCH = 1767225600


def test_same_input_same_bytes(course, tmp_path):
    """The markup written beside a PDF, compiled twice as the builder compiles it (``pdf.Job``,
    ``pdf.compile_pdf``: the output folder as root, the brand's fonts and the links to the fallback fonts
    only, PDF/UA-1, the build's date), gives the built PDF's bytes both times."""
    from courseware.handouts.builder import FONTS

    document = course.settings.handouts[0]
    target = course.out("handouts") / document.filename
    source = target.with_suffix(".typ")
    fonts = tuple(sorted(p for p in (course.root / course.settings.fonts_path).iterdir() if p.is_file()))
    fonts += tuple(sorted((course.out("handouts") / FONTS).iterdir()))
    copies = []
    for name in ("a.pdf", "b.pdf"):
        job = typst_pdf.Job(source, tmp_path / name, course.out("handouts"), (), fonts, SOURCE_DATE_EPOCH)
        assert typst_pdf.compile_pdf(job) == [], "Typst warned"
        copies.append(job.target.read_bytes())
    assert copies[0] == copies[1] == target.read_bytes()


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

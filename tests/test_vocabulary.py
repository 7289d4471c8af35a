# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Every directive of the vocabulary through every builder, on a tiny course (tests/roots/test-vocabulary)."""

from __future__ import annotations

import re
from pathlib import Path
from shutil import copytree

import pytest
from bs4 import BeautifulSoup
from docutils import nodes
from pypdf import PdfReader
from sphinx.testing.util import SphinxTestApp

from courseware.quiz import question

from .test_print import (
    body_text,
    destination_page,
    flat,
    headings,
    links,
    outline,
    printed,
    reference_entries,
    squash,
    text_in,
)

WRITERS = ["html", "dirhtml", "latex", "text"]


def build_root(root: Path, srcdir: Path, builder: str, tags=()) -> SphinxTestApp:
    """Copy a test root to ``srcdir`` (once) and build it with ``builder``, in process."""
    if not srcdir.exists():
        copytree(root, srcdir)
    app = SphinxTestApp(builder, srcdir=srcdir, tags=tags)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def slides_of(deck: BeautifulSoup):
    return [s for s in deck.select(".slides section") if not s.find("section")]


@pytest.mark.parametrize("builder", WRITERS)
def test_every_writer_handles_every_node(rootdir, tmp_path, builder):
    app = build_root(rootdir / "test-vocabulary", tmp_path / "src", builder)
    assert app.warning.getvalue() == ""
    assert any(app.outdir.iterdir())


@pytest.mark.parametrize("builder, output", [("text", "mod/lesson.txt"), ("latex", "*.tex")])
def test_text_and_latex_read_like_the_classroom_learner_edition(rootdir, tmp_path, builder, output):
    """No facilitator material inline: notes, slide bullets, answers, cuts, preparation and the solo version
    stay out; the task, the questions and their options are there."""
    app = build_root(rootdir / "test-vocabulary", tmp_path / "src", builder)
    text = " ".join(p.read_text(encoding="utf-8") for p in app.outdir.glob(output))
    text = " ".join(text.split())
    for kept in ("Write the plan with your partner.", "First question?", "Wrong one a", "Last prose."):
        assert kept in text, kept
    for left_out in ("Speaker note one.", "Bullet one", "The solution text.", "First explanation.", "Answer: A",
                     "Write the plan alone", "Learners read the section alone", "A flip chart."):
        assert left_out not in text, left_out


# -- HTML course ---------------------------------------------------------------------


@pytest.mark.sphinx("html", testroot="vocabulary")
def test_html_course_blocks(app):
    app.build()
    assert app.warning.getvalue() == ""
    page = soup(app.outdir / "mod/lesson.html")
    article = page.select_one("article, div.body, body")
    assert article.select_one(".cw-objectives")
    assert article.select_one(".cw-prepare.cw-facilitator")
    for block in article.select(".cw-notes, .cw-slide"):
        assert "cw-facilitator" in block["class"]
    solution = article.select_one("details.cw-solution")
    assert solution is not None and not solution.has_attr("open")
    questions = article.select("fieldset.cw-question")
    assert len(questions) == 5
    assert all(len(q.select("input[data-correct]")) == 1 for q in questions)
    assert article.select_one(".cw-lesson-line").get_text() == "Duration: 46 minutes"
    # numbered questions; the answer quotes the right option's words, not only its letter
    stems = [q.select_one(".cw-stem").get_text(" ", strip=True) for q in questions]
    assert stems[1:] == ["1. First question?", "2. Second question?", "3. Third question: which of {a} ~ b = c # d?",
                         "4. Fourth question?"]
    answer = questions[2].select_one(".cw-explanation").get_text(" ", strip=True)
    assert "Answer: B. \u201cRight two here\u201d" in answer
    # the solo version is folded under the group prompt; cuts and pre-reading are where they belong
    solo = article.select("details.cw-solo-version")
    assert len(solo) == 2 and "Write the plan alone" in solo[0].get_text()
    assert "cw-facilitator" in article.select_one(".cw-cut")["class"]
    assert "saves 2 min" in article.select_one(".cw-cut").get_text()
    reading = article.select_one(".cw-prereading")
    assert "cw-facilitator" not in reading["class"] and "10 min" in reading.get_text()


@pytest.mark.sphinx("html", testroot="vocabulary")
def test_lengths_and_agenda_come_from_the_durations(app):
    app.build()
    home = soup(app.outdir / "index.html")
    assert "It lasts 46 min over one day." in home.get_text(" ", strip=True)
    assert "The module lasts 46 min." in soup(app.outdir / "mod/index.html").get_text(" ", strip=True)
    agenda = home.select_one("table.cw-agenda")
    rows = [r.get_text(" ", strip=True) for r in agenda.select("tbody tr")]
    assert rows[-1] == "Total instruction 46 min"
    # the workshop day around the lesson: welcome, the lesson, buffer, evaluation, close
    assert rows[0] == "Welcome and introductions 15 min 09:00"
    assert any(r.startswith("A lesson 46 min 09:15") for r in rows)
    assert [r.split(" ")[0] for r in rows[-5:-1]] == ["Module", "Buffer:", "Evaluation", "Close"]
    # one agenda: the module's page shows the lesson at the same time as the course's
    module = soup(app.outdir / "mod/index.html")
    module_rows = [r.get_text(" ", strip=True) for r in module.select("table.cw-agenda tr")]
    assert any(r.startswith("A lesson 46 min 09:15") for r in module_rows)
    # the day's pre-reading, with its minutes
    assert "Before Day 1: pre-reading, about 10 min" in home.get_text(" ", strip=True)


@pytest.mark.parametrize("builder, page", [("html", "mod/lesson.html"), ("dirhtml", "mod/lesson/index.html")])
def test_links_to_decks_and_pdfs_hold_under_html_and_dirhtml(rootdir, tmp_path, builder, page):
    app = build_root(rootdir / "test-vocabulary", tmp_path / "src", builder)
    build_root_dir = app.outdir.parent  # the folder that holds every output
    lesson = app.outdir / page
    deck = soup(lesson).select_one("p.cw-deck-link a")["href"]
    assert (lesson.parent / deck).resolve() == (build_root_dir / "slides/mod/lesson.html").resolve()
    home = app.outdir / "index.html"
    links = [a["href"] for a in soup(home).select(".cw-downloads a")]
    assert (home.parent / next(h for h in links if h.endswith("workbook.pdf"))).resolve() == \
        (build_root_dir / "handouts/workbook.pdf").resolve()
    assert (home.parent / next(h for h in links if h.endswith("mod/lesson.html"))).resolve() == \
        (build_root_dir / "slides/mod/lesson.html").resolve()


# -- decks ----------------------------------------------------------------------------


@pytest.mark.sphinx("revealjs", testroot="vocabulary", tags=["slides"])
def test_only_lessons_and_the_index_get_decks(app):
    app.build()
    assert app.warning.getvalue() == ""
    written = sorted(p.relative_to(app.outdir).as_posix() for p in app.outdir.rglob("*.html")
                     if "_static" not in p.parts)
    assert written == ["index.html", "mod/lesson.html"]


def test_a_second_build_of_the_decks_reads_no_page_again(rootdir, tmp_path):
    """sphinx-revealjs changes two of its settings in place while it starts; the next build must
    not take them for a changed configuration (it read every page again, every time)."""
    build_root(rootdir / "test-vocabulary", tmp_path / "src", "revealjs", tags=["slides"])
    again = build_root(rootdir / "test-vocabulary", tmp_path / "src", "revealjs", tags=["slides"])
    assert "0 added, 0 changed, 0 removed" in again.status.getvalue()


@pytest.mark.sphinx("revealjs", testroot="vocabulary", tags=["slides"])
def test_every_course_node_has_deck_behaviour(app):
    app.build()
    html = (app.outdir / "mod/lesson.html").read_text(encoding="utf-8")
    assert html.count("<section") == html.count("</section>"), "every <section> is closed"
    deck = soup(app.outdir / "mod/lesson.html")
    text = deck.select_one(".slides").get_text(" ", strip=True)
    assert "The solution text." not in text, "a solution never reaches a slide"
    assert text.count("A question inside the exercise?") == 1, "a nested question gets one slide, not two"
    assert "Show the answer" not in text and not deck.select("fieldset, input, details")
    assert not deck.select(".cw-box"), "nested blocks are unwrapped, not drawn as boxes"
    assert "A slide block nested in an exercise" in text
    for hidden in ("Write the plan alone", "Learners read the section alone", "The first section of this lesson"):
        assert hidden not in text, "solo versions, cuts and pre-reading never reach a slide"
    assert "The plan has three parts" in text, "the task after the solo version is everyone's, the room's too"
    questions = [s for s in slides_of(deck) if s.get("data-cw-kind") == "question"]
    assert len(questions) == 5
    for slide in questions:
        assert len(slide.select("ol.cw-options > li")) == 4
        mark = slide.select_one("li.cw-correct .fragment.cw-answer-mark")
        assert mark is not None, "the answer is revealed on the next step"
        notes = slide.select_one("aside.notes").get_text(" ", strip=True)
        assert notes.startswith("Answer:")


@pytest.mark.sphinx("revealjs", testroot="vocabulary", tags=["slides"])
def test_deck_sources_and_links(app):
    app.build()
    deck = soup(app.outdir / "mod/lesson.html")
    figure = next(s for s in slides_of(deck) if s.get("data-cw-kind") == "figure")
    source = figure.select_one("a.cw-source")
    assert source.get_text() == "(Guide §1.2)" and source["href"] == "#further-reading"
    assert not re.search(r"\[\d+\]", deck.select_one(".slides").get_text())
    assert deck.select_one("section#further-reading")
    for slide in slides_of(deck)[1:]:
        assert slide.select_one(".cw-footer").get_text(strip=True) == "A lesson · The module"
    # on the exercise's slide: a link to a page without a deck goes to the HTML course; a link to a lesson's
    # label goes to that lesson's deck, where the label's own id does not exist
    links = {a.get_text(): a["href"] for a in deck.select(".slides section[data-cw-kind='exercise'] a")}
    assert links["The case"] == "../../html/case.html#case"
    assert "#lesson" not in links["A lesson"] and not links["A lesson"].startswith("../../html/")


@pytest.mark.sphinx("revealjs", testroot="vocabulary", tags=["slides"])
def test_a_deck_has_a_description_and_the_course_icon(app):
    app.build()
    page = app.outdir / "mod/lesson.html"
    head = soup(page).head
    description = head.select_one('meta[name="description"]')["content"]
    assert "The module" in description and "explain widgets" in description  # its module, its first objective
    icon = head.select_one('link[rel="icon"]')
    assert (page.parent / icon["href"]).resolve().is_file()


# -- handouts -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def handouts(rootdir, tmp_path_factory):
    app = build_root(rootdir / "test-vocabulary", tmp_path_factory.mktemp("handouts") / "src", "handouts")
    assert app.warning.getvalue() == ""
    return app


def pdf_words(path: Path) -> str:
    """A PDF's text, squashed to lower-case words (line breaks, hyphenation points and quotes do not matter)."""
    return " ".join(w for w, _ in printed(path).words())


def test_print_has_no_form_controls(handouts):
    """Paper is no form: no PDF holds an interactive form or a widget, only links."""
    pdfs = list(handouts.outdir.glob("*.pdf"))
    assert len(pdfs) == 4
    for pdf in pdfs:
        reader = PdfReader(pdf)
        assert "/AcroForm" not in reader.trailer["/Root"], f"{pdf.name} holds a form"
        kinds = {str(a.get_object().get("/Subtype")) for page in reader.pages for a in page.get("/Annots", []) or []}
        assert kinds <= {"/Link"}, f"{pdf.name} holds {kinds - {'/Link'}}"


def answers_page(path: Path) -> int | None:
    from courseware.typst_markup import label

    return destination_page(path, label("cw-answers"))


def test_editions_leave_out_or_move_answers(handouts):
    out = handouts.outdir
    workbook, guide, study = (pdf_words(out / f"{name}.pdf") for name in ("workbook", "guide", "study"))
    for answer in ("The solution text.", "First explanation.", "Speaker note one.", "Discussion guidance."):
        assert squash(answer) in guide
        assert squash(answer) not in workbook
    # the key: ticked and bold where the edition shows answers, plain where it does not
    assert "\u2714" in body_text(out / "guide.pdf") and "\u2714" not in body_text(out / "workbook.pdf")
    for name, bold in (("guide", True), ("workbook", False)):
        glyphs = [g for sheet in printed(out / f"{name}.pdf").sheets for line in sheet.lines()
                  if re.fullmatch("A\\. ?Right one here( \u2714)?", line.text)
                  for g in line.glyphs[2:] if g.text.isalpha()]  # the option's words, after its letter
        assert glyphs and all(("Semibold" in g.font or "Bold" in g.font) == bold for g in glyphs), name
    assert sum(len(sheet.writing_lines()) for sheet in printed(out / "workbook.pdf").sheets) >= 10
    assert not any(sheet.writing_lines() for sheet in printed(out / "guide.pdf").sheets)
    # self-study: the answers at the back, each linked to what it answers, with that page's number
    back = answers_page(out / "study.pdf")
    assert back is not None
    sheets = printed(out / "study.pdf").sheets
    body = squash(" ".join(sheet.text() for sheet in sheets[:back - 1]))
    answers = squash(" ".join(sheet.text() for sheet in sheets[back - 1:]))
    assert "the solution text" not in body and "the solution text" in answers
    backrefs = [link for link in links(out / "study.pdf") if link.internal and link.page >= back
                and link.target is not None and link.target < back]
    assert len(backrefs) == 6  # one solution, five questions
    for link in backrefs:  # each names the page it leads to
        named = flat(text_in(sheets[link.page - 1], link.rect))
        line = next(line.text for line in sheets[link.page - 1].lines() if named and named in flat(line.text))
        assert f"(page {link.target})" in line, f"{named!r} leads to page {link.target}: {line!r}"
    assert "speaker note one" not in body + answers
    # a reader alone gets the solo version instead of the group prompt; the classroom the other way round
    assert "write the plan alone" in body and "with your partner" not in body and "in the room" not in body
    assert "write the plan alone" not in workbook and "with your partner" in workbook
    assert "the plan has three parts" in body and "the plan has three parts" in workbook, "everyone's task"
    assert "write the plan alone" in guide  # for the facilitator whose learner studies alone
    assert any(sheet.writing_lines() for sheet in sheets[:back - 1]), "room to write for the solo task"
    # the lesson plan: clock times beside the offsets, and the short version
    assert "09:15" in body_text(out / "guide.pdf") and "+0:00" in body_text(out / "guide.pdf")
    assert "the short version 44 min instead of 46 min" in guide and "drop the second section s talk" in guide


def test_learner_pdfs_carry_the_case_and_the_glossary_and_no_empty_module(handouts):
    titles = [h.text for h in headings(handouts.outdir / "module.pdf")]
    assert titles.index("The case") < titles.index("A lesson"), "the case comes before the lessons"
    assert titles[-2:] == ["Glossary", "References"]
    order = [h.text for h in headings(handouts.outdir / "workbook.pdf")]
    assert order.index("A lesson") < order.index("Glossary"), "the second toctree's pages follow the first's"
    assert "a small thing acme makes" in pdf_words(handouts.outdir / "module.pdf")
    for name in ("module", "workbook", "study", "guide"):
        assert "an empty module" not in pdf_words(handouts.outdir / f"{name}.pdf")


def test_references_are_numbered_per_pdf(handouts):
    """Each PDF numbers the sources it cites from 1, in the order it first cites them: each mark is a link
    to the entry that bears its number."""
    from courseware.typst_markup import label

    path = handouts.outdir / "module.pdf"
    start = destination_page(path, label("cw-references"))
    entries = reference_entries(path, start)
    sheets = printed(path).sheets
    marks = [(int(text_in(sheets[link.page - 1], link.rect).strip()), link) for link in links(path)
             if link.internal and link.page < start and link.target == start
             and (link.target_top or 0) >= entries[0].top - 15]
    assert [number for number, _ in marks] == [1, 2, 2], "the lesson cites its two sources three times"
    assert len(entries) == 2
    for number, link in marks:
        lands = next(e for e in entries if e.top + 3 >= link.target_top)
        assert lands.number == number


def test_references_are_numbered_per_pdf_and_readable(handouts):
    """A printed reference gives the whole address a reader types (the guide's repository, not a commit's
    page), and nothing shortened."""
    from courseware.typst_markup import label

    path = handouts.outdir / "module.pdf"
    entries = reference_entries(path, destination_page(path, label("cw-references")))
    printed_text = " ".join(entry.joined for entry in entries)
    assert "\u2026" not in printed_text and "7afb654" not in printed_text
    assert "https://github.com/todogroup/outbound-oss" in entries[1].joined
    assert "https://example.org/a/very/long/path/that/nobody/could/type/from/paper/0123456789abcdef" \
        in entries[0].joined


def test_the_bibliography_page_prints_each_source_once(handouts):
    for name in ("workbook", "study", "guide"):
        path = handouts.outdir / f"{name}.pdf"
        marks = outline(path)
        at = next(i for i, mark in enumerate(marks) if mark.title == "Sources")
        pages = range(marks[at].page, marks[at + 1].page)
        text = squash(" ".join(printed(path).sheets[page - 1].text() for page in pages))
        assert text.count("a source with a rather long title") == 1, f"{name}.pdf"


def test_pdfs_render_again_only_when_an_input_changes(handouts):
    """A second build with nothing changed writes no PDF: the same bytes, time stamps and keys."""
    out = handouts.outdir
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.glob("*.pdf")}
    keys = {p.name: p.read_text() for p in out.glob("*.pdf.key")}
    assert len(before) == len(keys) == 4
    build_root(Path(), Path(handouts.srcdir), "handouts")
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.glob("*.pdf")} == before, "a PDF was rewritten"
    assert {p.name: p.read_text() for p in out.glob("*.pdf.key")} == keys


def test_a_changed_figure_renders_every_pdf_that_shows_it_again(rootdir, tmp_path):
    srcdir = tmp_path / "src"
    first = build_root(rootdir / "test-vocabulary", srcdir, "handouts")
    before = {p.name: p.read_bytes() for p in first.outdir.glob("*.pdf")}
    figure = srcdir / "mod" / "dot.svg"
    figure.write_text(figure.read_text().replace('r="10"', 'r="14"'))
    again = build_root(rootdir / "test-vocabulary", srcdir, "handouts")
    changed = {p.name for p in again.outdir.glob("*.pdf") if p.read_bytes() != before[p.name]}
    assert changed == set(before), "every PDF that shows the figure is rendered again"


def test_print_transforms_replace_course_nodes(rootdir, tmp_path):
    srcdir = tmp_path / "src"
    copytree(rootdir / "test-vocabulary", srcdir)
    app = SphinxTestApp("handouts", srcdir=srcdir)
    try:
        app.build()
        env = app.env
        assert list(env.get_doctree("mod/lesson").findall(question)), "the shared doctree keeps its questions"
        resolved = env.get_and_resolve_doctree("mod/lesson", app.builder)
    finally:
        app.cleanup()
    assert not list(resolved.findall(question))
    blocks = [n for n in resolved.findall(nodes.container) if "cw-question" in n["classes"]]
    assert len(blocks) == 5
    assert all(isinstance(b.next_node(nodes.enumerated_list), nodes.enumerated_list) for b in blocks)


def test_a_changed_logo_renders_every_pdf_again(rootdir, tmp_path):
    srcdir = tmp_path / "src"
    copytree(rootdir / "test-vocabulary", srcdir)
    logo = srcdir / "brand" / "mark.svg"
    logo.parent.mkdir()
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>Mark</title>'
                    '<rect width="10" height="10" fill="#1f4e79"/></svg>')
    conf = {"courseware_brand": {"logo": "brand/mark.svg"}}

    def build() -> dict[str, bytes]:
        app = SphinxTestApp("handouts", srcdir=srcdir, confoverrides=conf)
        try:
            app.build()
        finally:
            app.cleanup()
        return {p.name: p.read_bytes() for p in app.outdir.glob("*.pdf")}

    first = build()
    assert build() == first, "nothing changed, nothing is rendered differently"
    logo.write_text(logo.read_text().replace("#1f4e79", "#8b1a1a"))
    again = build()
    assert all(again[name] != first[name] for name in first), "every cover shows the new logo"

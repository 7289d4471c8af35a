# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The HTML course, as a learner or an instructor opens it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from courseware.agenda import format_minutes


def test_home_page_links_every_pdf_and_every_deck(course):
    home = course.page("html", "index")
    links = [a["href"] for a in home.select(".cw-downloads a")]
    for document in course.settings.handouts:
        assert f"../handouts/{document.filename}" in links, document.filename
    for docname in course.lessons():
        assert f"../slides/{docname}.html" in links, docname
    for link in links:  # every download link points at a file the build wrote
        assert (course.out("html") / link).resolve().exists(), link


def test_home_page_has_the_schedule_with_total(course):
    agenda = course.page("html", "index").select_one("table.cw-agenda")
    rows = [r.get_text(" ", strip=True) for r in agenda.select("tbody tr")]
    assert rows[-1] == f"Total instruction {format_minutes(sum(row.minutes for row in course.rows()))}"
    linked = {a["href"].removesuffix(".html") for a in agenda.select("tbody a")}
    assert set(course.lessons()) <= linked


def test_navigation_search_glossary_bibliography(course):
    out = course.out("html")
    for page in ("search.html", "glossary.html", "bibliography.html", "coverage.html", "searchindex.js"):
        assert (out / page).exists(), page
    nav = {a["href"].removesuffix(".html") for a in course.page("html", "index").select(".sidebar-tree a")}
    for docname in [*course.modules(), *course.lessons()]:
        assert docname in nav, f"{docname} is not in the navigation"


def test_lesson_blocks_render_as_the_design_says(course):
    for docname in course.lessons():
        article = course.page("html", docname).select_one("article")
        minutes = course.records[docname].duration
        assert article.select_one(".cw-lesson-line").get_text() == f"Duration: {minutes} minutes"
        assert article.select_one(".cw-objectives"), docname
        # facilitator material is present but hidden until facilitator view
        for block in article.select(".cw-notes, .cw-slide, .cw-prepare"):
            assert "cw-facilitator" in block["class"], docname
        # solutions and answers are folded
        for solution in article.select(".cw-solution"):
            assert solution.name == "details" and not solution.has_attr("open")
        for question in article.select("fieldset.cw-question"):
            assert len(question.select("input[data-correct]")) == 1
            assert question.select_one("details.cw-explanation")
        deck = article.select_one("p.cw-deck-link a")
        assert deck is not None, f"{docname}: no link to its deck"
        target = (course.out("html") / docname).parent / deck["href"]
        assert target.resolve() == (course.out("slides") / f"{docname}.html").resolve()


def test_pages_load_nothing_from_the_network(course):
    remote = re.compile(r"^(https?:)?//")
    for page in course.out("html").rglob("*.html"):
        soup = course.page("html", page.relative_to(course.out("html")).with_suffix("").as_posix())
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src")):
            for node in soup.find_all(tag):
                value = node.get(attr)
                if value and not (tag == "link" and node.get("rel") in (["canonical"],)):
                    assert not remote.match(value), f"{page.name}: {tag} loads {value}"


@pytest.mark.parametrize("output, stylesheet", [("html", "brand-web.css"), ("slides", "brand-web.css")])
def test_every_font_the_stylesheets_name_is_shipped(course, output, stylesheet):
    static = course.out(output) / "_static"
    css = (static / stylesheet).read_text()
    fonts = re.findall(r'url\("([^"]+)"\)', css)
    assert fonts, f"{stylesheet} declares no font"
    for font in fonts:
        path = static / font
        assert path.is_file() and path.stat().st_size > 10_000, font


def test_quiz_script_and_styles_are_shipped(course):
    static = course.out("html") / "_static"
    script = (static / "courseware.js").read_text()
    assert "data-correct" in script and "fetch(" not in script and "http" not in script
    assert "--cw-primary" in (static / "brand-web.css").read_text()


def test_the_course_length_is_computed_not_typed(course):
    """Every page states the same length: the sum of the lessons' durations."""
    stated = format_minutes(sum(row.minutes for row in course.rows()))
    source = Path(course.root / "source")
    typed = re.compile(r"\b(ten|eleven|twelve|nine) hours\b|\btwo-day\b", re.I)
    for page in source.rglob("*.md"):
        assert not typed.search(page.read_text(encoding="utf-8")), f"{page}: a typed course length"
    assert stated in course.page("html", "index").get_text(" ")

# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The HTML course, as a learner or an instructor opens it."""

from __future__ import annotations

import re


def test_home_page_says_what_the_course_is_and_links_every_output(course):
    home = course.page("html", "index")
    text = home.get_text(" ")
    assert "Outbound Open Source: Contribution and Creation" in text
    for words in ("Who it is for", "How long", "How to use it"):
        assert words in text
    links = [a["href"] for a in home.select(".cw-downloads a")]
    pdfs = [link for link in links if link.endswith(".pdf")]
    assert {link.rsplit("/", 1)[1] for link in pdfs} >= {
        "participant-workbook.pdf", "facilitator-guide.pdf", "module1-collaboration.pdf"
    }
    for docname in course.lessons():
        assert f"../slides/{docname}.html" in links, docname
    for link in links:  # every download link points at a file the build wrote
        target = (course.out("html") / link).resolve()
        assert target.exists(), link


def test_home_page_has_the_schedule_with_total(course):
    home = course.page("html", "index")
    agenda = home.select_one("table.cw-agenda")
    assert agenda is not None
    rows = [r.get_text(" ", strip=True) for r in agenda.select("tbody tr")]
    assert rows[-1].startswith("Course total")
    lesson_links = agenda.select("tbody a")
    assert len(lesson_links) >= len(course.lessons())


def test_navigation_search_glossary_bibliography(course):
    out = course.out("html")
    for page in ("search.html", "glossary.html", "bibliography.html", "coverage.html", "searchindex.js"):
        assert (out / page).exists(), page
    home = course.page("html", "index")
    nav = " ".join(a.get_text() for a in home.select(".sidebar-tree a"))
    assert "Module 1: Collaboration" in nav
    assert "About this course" in nav


def test_lesson_blocks_render_as_the_design_says(course):
    for docname in course.lessons():
        page = course.page("html", docname)
        article = page.select_one("article")
        minutes = course.env().courseware_lessons[docname]
        assert article.select_one(".cw-lesson-line").get_text() == f"Duration: {minutes} minutes"
        assert article.select_one(".cw-objectives"), docname
        assert article.select_one(".cw-keypoints"), docname
        # facilitator material is present but hidden until facilitator view
        for block in article.select(".cw-notes, .cw-slide"):
            assert "cw-facilitator" in block["class"], docname
        # solutions and answers are folded
        for solution in article.select(".cw-solution"):
            assert solution.name == "details" and not solution.has_attr("open")
        questions = article.select("fieldset.cw-question")
        assert questions, docname
        for question in questions:
            assert len(question.select("input[data-correct]")) == 1
            assert question.select_one("details.cw-explanation")
        assert article.select_one("a[href$='.html'].reference.external, p.cw-deck-link a")


def test_pages_load_nothing_from_the_network(course):
    remote = re.compile(r"^(https?:)?//")
    for page in course.out("html").rglob("*.html"):
        soup = course.page("html", page.relative_to(course.out("html")).with_suffix("").as_posix())
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src")):
            for node in soup.find_all(tag):
                value = node.get(attr)
                if value and not (tag == "link" and node.get("rel") in (["canonical"],)):
                    assert not remote.match(value), f"{page.name}: {tag} loads {value}"


def test_quiz_script_and_styles_are_shipped(course):
    static = course.out("html") / "_static"
    script = (static / "courseware.js").read_text()
    assert "data-correct" in script and "fetch(" not in script and "http" not in script
    assert "--cw-primary" in (static / "brand.css").read_text()

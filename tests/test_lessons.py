# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The course keeps to its authoring standard (CONTRIBUTING.md, "The authoring standard").

The build checks every structural rule while it reads the pages
(``courseware/standard.py``, tested on bad input in test_authoring.py); the
course fixture builds with warnings as errors, so a lesson that breaks one
fails every test. What is checked here is what the build does not check.
"""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes

ROOT = Path(__file__).resolve().parent.parent


def test_the_build_recorded_every_lesson_and_found_nothing_wrong(course):
    assert course.lessons()
    for docname in course.lessons():
        record = course.records[docname]
        assert record.objectives and record.segments, docname
    problems = course.env.domaindata["course"]["problems"]
    assert problems == {}, f"the teaching standard's findings: {problems}"


def test_every_module_has_lessons(course):
    rows = course.rows()
    for module in course.modules():
        assert any(row.module == module for row in rows), f"{module} has no lessons"


def test_figures_have_alt_text(course):
    for docname in course.lessons():
        for image in course.doctree(docname).findall(nodes.image):
            assert len(image.get("alt", "")) > 20, f"{docname}: {image['uri']} needs alt text that states its point"


def test_figures_are_local_svg_with_a_title(course):
    for svg in (ROOT / "source").rglob("*.svg"):
        text = svg.read_text(encoding="utf-8")
        assert "http://" not in text.replace("http://www.w3.org/", "") and "https://" not in text, svg.name
        assert "<title" in text or "aria-label" in text, f"{svg.name}: no accessible title"


def glossary_terms(course) -> dict[str, str]:
    """Each glossary term and its anchor on the glossary page."""
    glossary = course.page("html", "glossary")
    return {dt.get_text(strip=True).rstrip("¶"): dt["id"] for dt in glossary.select("dl.glossary dt[id]")}


def prose_texts(course, docname: str) -> list:
    """The text nodes of a lesson's learner prose, in reading order (no headings, boxes, quizzes, figures or tables)."""
    article = course.page("html", docname).select_one("article")
    for hidden in article.select(".cw-facilitator, .cw-slide, .cw-notes, .cw-solution, .cw-explanation, .cw-quiz, "
                                 ".cw-prereading, .cw-solo-version, "
                                 "h1, h2, h3, .cw-objectives, .cw-keypoints, .cw-lesson-line, .cw-deck-link, "
                                 "figure, table"):
        hidden.decompose()
    return list(article.find_all(string=True))


def term_pattern(term: str) -> re.Pattern:
    """A term as a whole word, case as written: "Linux Foundation" is not the term "foundation"."""
    return re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])")


def test_glossary_terms_are_linked_on_first_use(course):
    """Where the course first uses a glossary term, and in any lesson that links a term, the first use is the link."""
    terms = {t: anchor for t, anchor in glossary_terms(course).items() if len(t) > 2}
    introduced: set[str] = set()
    problems = []
    for docname in course.lessons():
        texts = prose_texts(course, docname)
        links = {i: a["href"].rsplit("#", 1)[-1] for i, t in enumerate(texts)
                 if (a := t.find_parent("a", href=re.compile(r"glossary\.html#term-")))}
        for term, anchor in terms.items():
            pattern = term_pattern(term)
            uses = [i for i, t in enumerate(texts) if i not in links and pattern.search(t)]
            linked = [i for i, target in links.items() if target == anchor]
            if not uses and not linked:
                continue
            first_in_course = term not in introduced
            introduced.add(term)
            if uses and (first_in_course or linked) and (not linked or linked[0] > uses[0]):
                problems.append(f"{docname}: first use of {term!r} is not linked: {texts[uses[0]].strip()[:70]!r}")
    assert not problems, "\n".join(problems)

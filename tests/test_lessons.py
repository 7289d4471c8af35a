# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Every lesson keeps to the content standard (shared/CONTENT.md), so a later
edit cannot quietly drop a part of it. Read from the built doctrees."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from docutils import nodes

from courseware.activities import discussion, exercise, solution
from courseware.blocks import notes, slide
from courseware.lesson import keypoints, objectives
from courseware.quiz import question, quiz

ROOT = Path(__file__).resolve().parent.parent
OVERLAP = ROOT.parent / "shared" / "tools" / "guide_overlap.py"
VAGUE_VERBS = {"understand", "know", "learn", "appreciate", "be", "see"}
COURSE_BLOCKS = (slide, notes, exercise, discussion, quiz, keypoints, objectives, solution, nodes.figure)


def words(node: nodes.Node) -> int:
    return len(re.findall(r"\w+", node.astext()))


def prose_words(section: nodes.section) -> int:
    """Words of learner prose in a section: no titles, course blocks or figures."""
    total = 0
    for child in section.children:
        if isinstance(child, nodes.title) or isinstance(child, COURSE_BLOCKS):
            continue
        if isinstance(child, nodes.section):
            total += prose_words(child)
        elif isinstance(child, nodes.Element) and not isinstance(child, (nodes.target, nodes.comment)):
            total += words(child)
    return total


def teaching_sections(top: nodes.section) -> list[nodes.section]:
    return [s for s in top.children if isinstance(s, nodes.section) and any(
        isinstance(c, slide) for c in s.children)]


@pytest.fixture(scope="module")
def lessons(course):
    found = {}
    for docname in course.lessons():
        tree = course.doctree(docname)
        top = next(tree.findall(nodes.section))
        found[docname] = (tree, top)
    return found


def test_there_are_lessons(course):
    assert "introduction/about" in course.lessons()


def test_duration_and_objectives(course, lessons):
    env = course.env()
    for docname, (tree, top) in lessons.items():
        assert 10 <= env.courseware_lessons[docname] <= 120, docname
        items = list(next(tree.findall(objectives)).findall(nodes.list_item))
        assert 3 <= len(items) <= 5, f"{docname}: {len(items)} objectives"
        for item in items:
            verb = item.astext().split()[0].lower()
            assert verb not in VAGUE_VERBS, f"{docname}: objective starts with {verb!r}"


def test_sections_have_prose_slide_and_notes(lessons):
    for docname, (tree, top) in lessons.items():
        sections = teaching_sections(top)
        assert 3 <= len(sections) <= 6, f"{docname}: {len(sections)} teaching sections"
        for section in sections:
            title = section[0].astext()
            blocks = [c for c in section.children if isinstance(c, slide)]
            assert len(blocks) == 1, f"{docname} / {title}: {len(blocks)} slide blocks"
            bullets = list(blocks[0].findall(nodes.list_item))
            has_figure = next(blocks[0].findall(nodes.image), None) is not None
            assert has_figure or 3 <= len(bullets) <= 6, f"{docname} / {title}: {len(bullets)} bullets"
            assert any(isinstance(c, notes) for c in section.children), f"{docname} / {title}: no notes"
            assert 150 <= prose_words(section) <= 500, f"{docname} / {title}: {prose_words(section)} words of prose"


def test_lesson_length(lessons):
    for docname, (tree, top) in lessons.items():
        total = prose_words(top)
        assert 1200 <= total <= 2500, f"{docname}: {total} words of prose"


def test_activity_with_facilitator_guidance(lessons):
    for docname, (tree, top) in lessons.items():
        activities = list(tree.findall(lambda n: isinstance(n, (exercise, discussion))))
        assert activities, f"{docname}: no exercise or discussion"
        for activity in activities:
            guided = any(isinstance(c, (solution, notes)) for c in activity.children)
            assert guided, f"{docname}: {activity['label']} has no solution or notes"


def test_knowledge_check(lessons):
    for docname, (tree, top) in lessons.items():
        questions = list(tree.findall(question))
        assert 3 <= len(questions) <= 5, f"{docname}: {len(questions)} questions"


def test_key_points(lessons):
    for docname, (tree, top) in lessons.items():
        block = next(tree.findall(keypoints), None)
        assert block is not None, docname
        assert 3 <= len(list(block.findall(nodes.list_item))) <= 6, docname


def test_figures_have_alt_text(course):
    for docname in course.lessons():
        for image in course.doctree(docname).findall(nodes.image):
            assert len(image.get("alt", "")) > 20, f"{docname}: {image['uri']} needs alt text that states its point"


def test_figures_are_local_svg(course):
    for svg in (ROOT / "source").rglob("*.svg"):
        text = svg.read_text(encoding="utf-8")
        assert "http://" not in text.replace("http://www.w3.org/", "") and "https://" not in text, svg.name
        assert "<title" in text or "aria-label" in text or "role=" in text, f"{svg.name}: no accessible title"


def test_course_text_does_not_repeat_the_guide():
    if not OVERLAP.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{OVERLAP} is missing: CI runs beside shared/")
        pytest.skip("shared/tools/guide_overlap.py is not beside this checkout")
    result = subprocess.run([sys.executable, str(OVERLAP), str(ROOT / "source")], capture_output=True, text=True)
    assert result.returncode == 0, "course text repeats the guide word for word:\n" + result.stdout


MODULE_TERMS = {
    "module1": ["OSPO", "CLA", "CCLA", "ICLA", "DCO", "upstream", "downstream", "fork", "inbound=outbound"],
}


@pytest.mark.parametrize("module", MODULE_TERMS)
def test_module_terms_are_in_the_glossary_and_linked(course, module):
    glossary = course.page("html", "glossary")
    defined = {dt.get_text(strip=True).rstrip("¶") for dt in glossary.select("dl.glossary dt")}
    linked = set()
    for docname in course.lessons():
        if docname.startswith(module + "/"):
            page = course.page("html", docname)
            linked |= {a.get_text(strip=True) for a in page.select("a[href*='glossary.html#term-']")}
    for term in MODULE_TERMS[module]:
        assert term in defined, f"glossary lacks {term}"
        assert term in linked, f"no {module} lesson links {term} to the glossary"


def test_timings_fit_the_duration(course, lessons):
    """Section timings in the notes plus activity minutes fit the lesson's duration."""
    env = course.env()
    for docname, (tree, top) in lessons.items():
        planned = 0
        for section in teaching_sections(top):
            for block in (c for c in section.children if isinstance(c, notes)):
                planned += sum(int(m) for m in re.findall(r"About (\d+) minutes", block.astext()))
        planned += sum(a.get("minutes") or 0 for a in tree.findall(lambda n: isinstance(n, (exercise, discussion))))
        duration = env.courseware_lessons[docname]
        assert planned <= duration, f"{docname}: {planned} minutes planned in a {duration}-minute lesson"
        assert planned >= duration * 0.75, f"{docname}: only {planned} of {duration} minutes have a plan"

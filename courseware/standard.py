# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The teaching standard (shared/CONTENT.md), checked while the course is read.

Each rule a machine can check is a warning with the file, the line and a
hint on how to fix it; ``-W`` (``make``, ``make test``) turns them into
errors, ``make serve`` shows them as warnings. The numbers come from
``courseware_standard`` (``config.Standard``).

Per lesson, when the page is read: objectives (count, measurable verbs),
teaching sections (count, one slide block with minutes and 3 to 6 bullets or
a figure, notes, prose length), lesson prose length, an activity with
guidance and minutes, group work long enough for a deliverable, the
knowledge check (questions, four options each), key points, every question
and activity naming the objectives it assesses, every objective assessed,
and a duration that equals its timed parts plus a transition allowance.

A worksheet session (``type: worksheet``) is checked for its objectives,
activities, assessment and timing only.

Per module, once every page is read: answer positions balanced, and the key
neither usually the longest nor usually the shortest option.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util import logging

from . import structure
from .activities import discussion, exercise, solution
from .blocks import notes, slide
from .config import settings
from .lesson import keypoints, objectives, prepare
from .quiz import LETTERS, question, quiz

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from .config import Standard

logger = logging.getLogger(__name__)

COURSE_BLOCKS = (slide, notes, exercise, discussion, quiz, keypoints, objectives, solution, prepare, nodes.figure)


class _Collector:
    """Problems found on the page being read, as (message, line)."""

    found: list[tuple[str, int]] = []


def _warn(message: str, location, *args) -> None:
    line = location[1] if isinstance(location, tuple) else (getattr(location, "line", None) or 1)
    _Collector.found.append((message % args, line))


def _emit(env: BuildEnvironment, docname: str, problems) -> None:
    for message, line in problems:
        logger.warning(message, location=(docname, line), type="courseware", subtype="standard")


def words(node: nodes.Node) -> int:
    return len(re.findall(r"\w+", node.astext()))


def prose_words(section: nodes.section) -> int:
    """Words of learner prose in a section: no titles, course blocks or figures."""
    total = 0
    for child in section.children:
        if isinstance(child, (nodes.title, nodes.target, nodes.comment, *COURSE_BLOCKS)):
            continue
        if isinstance(child, nodes.section):
            total += prose_words(child)
        elif isinstance(child, nodes.Element):
            total += words(child)
    return total


def teaching_sections(top: nodes.section) -> list[nodes.section]:
    """The lesson's ``##`` sections that carry a slide block."""
    return [s for s in top.children if isinstance(s, nodes.section) and any(isinstance(c, slide) for c in s.children)]


def _between(value: int, bounds: tuple[int, int]) -> bool:
    return bounds[0] <= value <= bounds[1]


def check_lesson(app: Sphinx, doctree: nodes.document) -> None:
    """Check a lesson when it is read; keep the problems with the lesson's record.

    They are reported on every build (``report``), not only when the page is
    read again: an unchanged page that breaks the standard still fails ``make``.
    """
    env = app.env
    lesson = structure.lesson(env, env.docname)
    top = next((s for s in doctree.children if isinstance(s, nodes.section)), None)
    if lesson is None or top is None:
        return
    _Collector.found = []
    _check(app, doctree, lesson, top)
    lesson.problems = sorted(_Collector.found, key=lambda p: p[1])


def _check(app: Sphinx, doctree: nodes.document, lesson: structure.Lesson, top: nodes.section) -> None:
    std = settings(app.config).standard
    page = (app.env.docname, 1)
    _check_objectives(doctree, lesson, std, page)
    if lesson.kind == "worksheet":  # activities only: each with its time and a model answer
        _check_activities(doctree, std, page)
        _check_assessment(doctree, lesson, page)
        _check_timing(lesson, std, page)
        return
    _check_sections(top, std, page)
    total = prose_words(top)
    if not _between(total, std.lesson_words):
        _warn("the lesson has %d words of prose; write %d to %d (less is a summary, more belongs in another "
              "lesson)", page, total, *std.lesson_words)
    _check_activities(doctree, std, page)
    _check_quiz(doctree, std, page)
    block = next(doctree.findall(keypoints), None)
    count = len(list(block.findall(nodes.list_item))) if block else 0
    if block is None or not _between(count, std.keypoints):
        _warn("the lesson needs a 'keypoints' block of %d to %d one-sentence takeaways (it has %d)",
              block or page, *std.keypoints, count)
    _check_assessment(doctree, lesson, page)
    _check_timing(lesson, std, page)


def _check_objectives(doctree, lesson: structure.Lesson, std: Standard, page) -> None:
    block = next(doctree.findall(objectives), None)
    if block is None:
        return  # lesson.py reports a missing block
    bounds = std.objectives if lesson.kind == "lesson" else (1, std.objectives[1])
    if not _between(len(lesson.objectives), bounds):
        _warn("write %d to %d objectives (this page has %d)", block, *bounds, len(lesson.objectives))
    for text in lesson.objectives:
        verb = (text.split() or [""])[0].lower().strip(",.")
        if verb in std.vague_verbs:
            _warn("objective %r starts with %r, which cannot be observed; start with a measurable verb such as "
                  "explain, compare, decide, draft, assess or plan", block, text[:60], verb)


def _check_sections(top: nodes.section, std: Standard, page) -> None:
    sections = teaching_sections(top)
    if not _between(len(sections), std.sections):
        _warn("the lesson has %d teaching sections ('##' headings with a slide block); write %d to %d",
              page, len(sections), *std.sections)
    for section in sections:
        title = section[0].astext()
        blocks = [c for c in section.children if isinstance(c, slide)]
        if len(blocks) > 1:
            _warn("section %r has %d slide blocks; a section is one slide", blocks[1], title, len(blocks))
        block = blocks[0]
        if not block.get("minutes"):
            _warn("the slide block of %r needs ':minutes:', the time the section takes in class", block, title)
        bullets = len(list(block.findall(nodes.list_item)))
        figure = next(block.findall(nodes.image), None) is not None
        if not figure and not _between(bullets, std.bullets):
            _warn("the slide of %r has %d bullets; show %d to %d short bullets or one figure",
                  block, title, bullets, *std.bullets)
        if not any(isinstance(c, notes) for c in section.children):
            _warn("section %r has no 'notes' block: give talking points, a question for the room and where "
                  "learners get stuck", section, title)
        count = prose_words(section)
        if not _between(count, std.section_words):
            _warn("section %r has %d words of prose; write %d to %d", section, title, count, *std.section_words)


def _check_activities(doctree, std: Standard, page) -> None:
    activities = list(doctree.findall(lambda n: isinstance(n, (exercise, discussion))))
    if not activities:
        _warn("the lesson needs at least one exercise or discussion that applies it to the case or the "
              "learner's own organisation", page)
    for node in activities:
        if not any(isinstance(c, (solution, notes)) for c in node.children):
            _warn("%r gives facilitators no guidance: add a 'solution' (exercise) or 'notes' with what a good "
                  "answer contains", node, node["label"])
        if not node.get("minutes"):
            _warn("%r needs ':minutes:'", node, node["label"])
        elif isinstance(node, exercise) and node.get("mode") == "groups" \
                and node["minutes"] < std.group_deliverable_minutes:
            _warn("%r asks groups for a deliverable in %d minutes; give at least %d or ask for less",
                  node, node["label"], node["minutes"], std.group_deliverable_minutes)


def _check_quiz(doctree, std: Standard, page) -> None:
    found = list(doctree.findall(question))
    if not _between(len(found), std.questions):
        _warn("the knowledge check has %d questions; write %d to %d", next(doctree.findall(quiz), page),
              len(found), *std.questions)
    for node in found:
        options = [c for c in node.children if c.tagname == "quiz_option"]
        if options and len(options) != std.options:
            _warn("question %r has %d options; write %d of similar length and kind", node,
                  node["stem"][:50], len(options), std.options)


def _check_assessment(doctree, lesson: structure.Lesson, page) -> None:
    count = len(lesson.objectives)
    assessed: set[int] = set()
    for node in doctree.findall(lambda n: isinstance(n, (exercise, discussion, question))):
        label = node.get("label") or node.get("stem", "")[:50]
        numbers = node.get("objectives", ())
        if not numbers:
            _warn("%r does not say which objective it assesses: add ':objective:' with the objective's number",
                  node, label)
        for number in numbers:
            if number > count:
                _warn("%r assesses objective %d, but the lesson has %d objectives", node, label, number, count)
        assessed.update(numbers)
    for number, text in enumerate(lesson.objectives, 1):
        if number not in assessed:
            _warn("objective %d (%r) is assessed by no question or activity: add ':objective: %d' to one",
                  next(doctree.findall(objectives), page), number, text[:60], number)


def _check_timing(lesson: structure.Lesson, std: Standard, page) -> None:
    parts = sum(s.minutes for s in lesson.segments)
    spare = lesson.duration - parts
    if not _between(spare, std.transition_minutes):
        detail = ", ".join(f"{s.title} {s.minutes}" for s in lesson.segments)
        _warn("the timed parts take %d of the lesson's %d minutes, leaving %d for transitions; leave %d to %d "
              "(sections, activities, knowledge check at %d per question plus %d, key points %d: %s)",
              page, parts, lesson.duration, spare, *std.transition_minutes, std.minutes_per_question,
              std.quiz_minutes, std.keypoints_minutes, detail)


# -- per module --------------------------------------------------------------------


def report(app: Sphinx, env: BuildEnvironment) -> None:
    """Every build: the problems of each lesson, then answer positions and lengths per module."""
    for docname in sorted(structure.lessons(env)):
        _emit(env, docname, structure.lesson(env, docname).problems)
    std = settings(app.config).standard
    by_module: dict[str, list[tuple[str, structure.Question]]] = {}
    for row in structure.lessons_below(env, env.config.root_doc):
        found = structure.lesson(env, row.docname)
        for q in found.questions:
            by_module.setdefault(row.module or env.config.root_doc, []).append((row.docname, q))
    for module, questions in by_module.items():
        _check_balance(env, module, questions, std)
    _check_days(app, env)


def _check_days(app: Sphinx, env: BuildEnvironment) -> None:
    """The course fits the workshop it is sold as (``courseware_schedule['days']``)."""
    from .agenda import course_layout, format_minutes

    slots = course_layout(env)
    schedule = settings(app.config).schedule
    if slots and slots[-1].day > schedule.days:
        total = sum(s.minutes for s in slots if s.kind == "lesson")
        logger.warning("the lessons take %s of instruction and lay out over %d days with breaks and lunch; the "
                       "workshop has %d: shorten lessons or change courseware_schedule", format_minutes(total),
                       slots[-1].day, schedule.days, location=(env.config.root_doc, 1), type="courseware",
                       subtype="standard")


def _where(env: BuildEnvironment, items) -> str:
    return ", ".join(f"{env.doc2path(d, False)}:{q.line}" for d, q in items)


def _check_balance(env, module: str, questions, std: Standard) -> None:
    keyed = [(d, q) for d, q in questions if q.key >= 0]
    if not keyed:
        return
    _Collector.found = []
    location = (keyed[0][0], keyed[0][1].line)
    name = structure.title(env, module) if module != env.config.root_doc else "Lessons outside a module"
    counts = Counter(q.key for _, q in keyed)
    width = max(len(q.lengths) for _, q in keyed)
    unused = [LETTERS[i] for i in range(width) if i not in counts]
    if unused:
        _warn("%s: no question has its answer at %s; every position must be used. Keys: %s", location, name,
              ", ".join(unused), _where(env, keyed))
    for index, count in sorted(counts.items()):
        if count > std.key_share * len(keyed):
            at = [(d, q) for d, q in keyed if q.key == index]
            _warn("%s: %d of %d answers are at %s (at most %d %%); move some. Questions keyed %s: %s",
                  location, name, count, len(keyed), LETTERS[index], round(std.key_share * 100),
                  LETTERS[index], _where(env, at))
    longest = [(d, q) for d, q in keyed if q.lengths[q.key] >= max(q.lengths)]
    if len(longest) > std.longest_share * len(keyed):
        _warn("%s: the answer is the longest option in %d of %d questions (at most %d %%); shorten the answer "
              "or lengthen a distractor in some of: %s", location, name, len(longest), len(keyed),
              round(std.longest_share * 100), _where(env, longest))
    shortest = [(d, q) for d, q in keyed if q.lengths[q.key] <= min(q.lengths)]
    if len(shortest) > std.shortest_share * len(keyed):
        _warn("%s: the answer is the shortest option in %d of %d questions (at most %d %%); options of similar "
              "length give nothing away. Lengthen the answer or shorten a distractor in some of: %s", location, name,
              len(shortest), len(keyed), round(std.shortest_share * 100), _where(env, shortest))
    _emit(env, keyed[0][0], _Collector.found)


def setup_standard(app: Sphinx) -> None:
    app.connect("doctree-read", check_lesson, priority=600)  # after lesson.py has recorded the lesson
    app.connect("env-updated", report)

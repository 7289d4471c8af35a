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
activities, assessment, timing and cuts only.

Every page that a learner's edition prints: no classroom words ("your
group", "the room") where a reader alone reads them (``classroom_words``;
facilitator blocks and the group prompts that a ``solo`` version replaces
are exempt), and no deadline already past at the edition date.

Per module, once every page is read: answer positions balanced, no lesson
whose keys are a permutation of the positions, and the key the longest
option in a share of the questions that neither gives it away nor avoids
it. For the course: the sum of the durations within ``course_minutes``, and
the lessons laid out within the workshop's days.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections import Counter
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util import logging

from . import structure
from .activities import SOLO, TOGETHER, discussion, exercise, solo, solution
from .blocks import notes, slide
from .config import edition_date, minutes_of, settings
from .lesson import cut, keypoints, objectives, prepare, prereading
from .outputs import FACILITATOR, has_class
from .quiz import LETTERS, question, quiz

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from .config import Standard

logger = logging.getLogger(__name__)

COURSE_BLOCKS = (slide, notes, exercise, discussion, quiz, keypoints, objectives, solution, prepare, prereading, cut,
                 nodes.figure)
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
#: "before September 2026", "by 1 March 2026", "no later than June 2025", "a deadline of 2025"
DEADLINE = re.compile(r"\b(before|by|until|no later than|deadline(?: of| is)?)\s+(?:the end of\s+)?(?:(\d{1,2})\s+)?"
                      r"(" + "|".join(MONTHS) + r")?\s*((?:19|20)\d\d)\b", re.IGNORECASE)


class Findings(list):
    """Problems found on one page, as (message, line)."""

    def add(self, message: str, location, *args) -> None:
        """``location`` is ``(docname, line)`` or a node: its line, or its nearest ancestor's that has one."""
        if isinstance(location, tuple):
            line = location[1]
        else:
            line = next((n.line for n in (location, *structure.ancestors(location)) if getattr(n, "line", None)), 1)
        self.append((message % args, line))


def _emit(docname: str, problems) -> None:
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


def check_page(app: Sphinx, doctree: nodes.document) -> None:
    """Check a page when it is read; keep the problems in the ``course`` domain.

    They are reported on every build (``report``), not only when the page is
    read again: an unchanged page that breaks the standard still fails ``make``.
    """
    env = app.env
    found = Findings()
    std = settings(app.config).standard
    if env.metadata.get(env.docname, {}).get("handouts") not in ("facilitator", "none"):
        _check_wording(doctree, std, found)
        _check_deadlines(doctree, edition_date(app.config), found)
    lesson = structure.lesson(env, env.docname)
    top = next((s for s in doctree.children if isinstance(s, nodes.section)), None)
    if lesson is not None and top is not None:
        _check(app, doctree, lesson, top, std, found)
    if found:
        structure.problems(env)[env.docname] = sorted(found, key=lambda p: p[1])


def _check(app: Sphinx, doctree: nodes.document, lesson: structure.Lesson, top: nodes.section, std: Standard,
           found: Findings) -> None:
    page = (app.env.docname, 1)
    _check_objectives(doctree, lesson, std, page, found)
    _check_activities(doctree, std, page, found)
    _check_assessment(doctree, lesson, page, found)
    _check_timing(lesson, std, page, found)
    _check_cuts(lesson, std, page, found)
    if lesson.kind == "worksheet":  # activities only: each with its time and a model answer
        return
    _check_sections(top, std, page, found)
    total = prose_words(top)
    if not _between(total, std.lesson_words):
        found.add("the lesson has %d words of prose; write %d to %d (less is a summary, more belongs in another "
                  "lesson)", page, total, *std.lesson_words)
    _check_quiz(doctree, std, page, found)
    block = next(doctree.findall(keypoints), None)
    count = len(list(block.findall(nodes.list_item))) if block else 0
    if block is None or not _between(count, std.keypoints):
        found.add("the lesson needs a 'keypoints' block of %d to %d one-sentence takeaways (it has %d)",
                  block or page, *std.keypoints, count)


def _read_alone(node: nodes.Node) -> bool:
    """Whether a reader alone gets ``node`` in print: not facilitator-only, not a slide, not a group prompt."""
    for parent in (node, *structure.ancestors(node)):
        if isinstance(parent, (slide, notes, prepare, cut)) or has_class(parent, FACILITATOR):
            return False
        if isinstance(parent, (exercise, discussion)) and parent.get("mode") in TOGETHER:
            inside = next(a for a in (node, *structure.ancestors(node)) if a.parent is parent)
            version = next((c for c in parent.children if isinstance(c, solo) or has_class(c, SOLO)), None)
            if version is None or parent.index(inside) < parent.index(version):
                return False  # the group prompt, which the solo version replaces for a reader alone
    return True


def _check_wording(doctree: nodes.document, std: Standard, found: Findings) -> None:
    """No words of a classroom where a reader alone reads them."""
    if not std.classroom_words:
        return
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in std.classroom_words) + r")\b", re.IGNORECASE)
    for paragraph in doctree.findall(lambda n: isinstance(n, (nodes.paragraph, nodes.title, nodes.term))):
        if any(isinstance(c, (nodes.paragraph, nodes.title)) for c in paragraph.children):
            continue
        match = pattern.search(paragraph.astext())
        if match and _read_alone(paragraph):
            found.add("%r speaks to a room, and the self-study edition prints it for a reader alone: reword it, "
                      "or put it in the activity's group prompt (with a 'solo' version) or in 'notes'",
                      paragraph, match.group(1))


def _check_deadlines(doctree: nodes.document, today: datetime.date, found: Findings) -> None:
    """A deadline in the text that has passed at the edition date is stale."""
    for paragraph in doctree.findall(lambda n: isinstance(n, (nodes.paragraph, nodes.title, nodes.entry))):
        if any(isinstance(c, (nodes.paragraph, nodes.title)) for c in paragraph.children):
            continue
        for match in DEADLINE.finditer(paragraph.astext()):
            day, month, year = match.group(2), match.group(3), int(match.group(4))
            if not month and not match.group(1).lower().startswith("deadline"):
                continue  # "by 2024, the fund had invested ...": a year alone is a date, not a deadline
            if month:
                number = MONTHS.index(month.lower()) + 1
                last = calendar.monthrange(year, number)[1]
                due = datetime.date(year, number, int(day) if day and int(day) <= last else last)
            else:
                due = datetime.date(year, 12, 31)
            if due < today:
                found.add("the deadline %r has passed at the edition date (%s): move it, or say that it is past",
                          paragraph, " ".join(match.group(0).split()), today.isoformat())


def _check_objectives(doctree, lesson: structure.Lesson, std: Standard, page, found: Findings) -> None:
    block = next(doctree.findall(objectives), None)
    if block is None:
        return  # lesson.py reports a missing block
    bounds = std.objectives if lesson.kind == "lesson" else (1, std.objectives[1])
    if not _between(len(lesson.objectives), bounds):
        found.add("write %d to %d objectives (this page has %d)", block, *bounds, len(lesson.objectives))
    for text in lesson.objectives:
        verb = (text.split() or [""])[0].lower().strip(",.")
        if verb in std.vague_verbs:
            found.add("objective %r starts with %r, which cannot be observed; start with a measurable verb such as "
                  "explain, compare, decide, draft, assess or plan", block, text[:60], verb)


def _check_sections(top: nodes.section, std: Standard, page, found: Findings) -> None:
    sections = teaching_sections(top)
    if not _between(len(sections), std.sections):
        found.add("the lesson has %d teaching sections ('##' headings with a slide block); write %d to %d",
              page, len(sections), *std.sections)
    for section in sections:
        title = section[0].astext()
        blocks = [c for c in section.children if isinstance(c, slide)]
        if len(blocks) > 1:
            found.add("section %r has %d slide blocks; a section is one slide", blocks[1], title, len(blocks))
        block = blocks[0]
        if not block.get("minutes"):
            found.add("the slide block of %r needs ':minutes:', the time the section takes in class", block, title)
        bullets = len(list(block.findall(nodes.list_item)))
        figure = next(block.findall(nodes.image), None) is not None
        if not figure and not _between(bullets, std.bullets):
            found.add("the slide of %r has %d bullets; show %d to %d short bullets or one figure",
                  block, title, bullets, *std.bullets)
        if not any(isinstance(c, notes) for c in section.children):
            found.add("section %r has no 'notes' block: give talking points, a question for the room and where "
                  "learners get stuck", section, title)
        count = prose_words(section)
        if not _between(count, std.section_words):
            found.add("section %r has %d words of prose; write %d to %d", section, title, count, *std.section_words)


def _check_activities(doctree, std: Standard, page, found: Findings) -> None:
    activities = list(doctree.findall(lambda n: isinstance(n, (exercise, discussion))))
    if not activities:
        found.add("the lesson needs at least one exercise or discussion that applies it to the case or the "
              "learner's own organisation", page)
    for node in activities:
        if not any(isinstance(c, (solution, notes)) for c in node.children):
            found.add("%r gives facilitators no guidance: add a 'solution' (exercise) or 'notes' with what a good "
                  "answer contains", node, node["label"])
        if not node.get("minutes"):
            found.add("%r needs ':minutes:'", node, node["label"])
        elif node.get("mode") in ("pairs", "groups") and node["minutes"] < std.group_minutes:
            found.add("%r is done in %s in %d minutes; group work needs at least %d (25-30 for a written "
                      "deliverable): give it the time, or merge it with another activity",
                      node, node["label"], node["mode"], node["minutes"], std.group_minutes)
        if node.get("mode") in TOGETHER and not any(isinstance(c, solo) for c in node.children):
            found.add("%r is done in %s but has no 'solo' version: add one with the same objective for a reader "
                      "alone (the self-study edition prints it instead of the group prompt)", node, node["label"],
                      node["mode"])


def _check_quiz(doctree, std: Standard, page, problems: Findings) -> None:
    found = list(doctree.findall(question))
    if not _between(len(found), std.questions):
        problems.add("the knowledge check has %d questions; write %d to %d", next(doctree.findall(quiz), page),
              len(found), *std.questions)
    for node in found:
        options = [c for c in node.children if c.tagname == "quiz_option"]
        if options and len(options) != std.options:
            problems.add("question %r has %d options; write %d of similar length and kind", node,
                  node["stem"][:50], len(options), std.options)


def _check_assessment(doctree, lesson: structure.Lesson, page, found: Findings) -> None:
    count = len(lesson.objectives)
    assessed: set[int] = set()
    for node in doctree.findall(lambda n: isinstance(n, (exercise, discussion, question))):
        label = node.get("label") or node.get("stem", "")[:50]
        numbers = node.get("objectives", ())
        if not numbers:
            found.add("%r does not say which objective it assesses: add ':objective:' with the objective's number",
                  node, label)
        for number in numbers:
            if number > count:
                found.add("%r assesses objective %d, but the lesson has %d objectives", node, label, number, count)
        assessed.update(numbers)
    for number, text in enumerate(lesson.objectives, 1):
        if number not in assessed:
            found.add("objective %d (%r) is assessed by no question or activity: add ':objective: %d' to one",
                  next(doctree.findall(objectives), page), number, text[:60], number)


def _check_cuts(lesson: structure.Lesson, std: Standard, page, found: Findings) -> None:
    if len(lesson.cuts) < std.cuts:
        found.add("the lesson marks nothing to cut when time is short: add a 'cut' block naming a segment, a "
                  "question or part of an activity, with ':saves:' minutes and what the group loses", page)
    if sum(c.saves for c in lesson.cuts) >= lesson.duration:
        found.add("the cuts save %d of the lesson's %d minutes: a short version must keep something", page,
                  sum(c.saves for c in lesson.cuts), lesson.duration)


def _check_timing(lesson: structure.Lesson, std: Standard, page, found: Findings) -> None:
    parts = sum(s.minutes for s in lesson.segments)
    spare = lesson.duration - parts
    if not _between(spare, std.transition_minutes):
        detail = ", ".join(f"{s.title} {s.minutes}" for s in lesson.segments)
        found.add("the timed parts take %d of the lesson's %d minutes, leaving %d for transitions; leave %d to %d "
              "(sections, activities, knowledge check at %d per question plus %d, key points %d: %s)",
              page, parts, lesson.duration, spare, *std.transition_minutes, std.minutes_per_question,
              std.quiz_minutes, std.keypoints_minutes, detail)


# -- per module --------------------------------------------------------------------


def report(app: Sphinx, env: BuildEnvironment) -> None:
    """Every build: each page's problems, then the quizzes per module and the course's length."""
    for docname, problems in sorted(structure.problems(env).items()):
        _emit(docname, problems)
    std = settings(app.config).standard
    rows = structure.lessons_below(env, env.config.root_doc)
    by_module: dict[str, list[tuple[str, structure.Question]]] = {}
    for row in rows:
        for q in structure.lesson(env, row.docname).questions:
            by_module.setdefault(row.module or env.config.root_doc, []).append((row.docname, q))
    for module, questions in by_module.items():
        _emit(questions[0][0], _check_balance(env, module, questions, std))
    total = sum(row.minutes for row in rows)
    if total > std.course_minutes:
        from .agenda import english_minutes

        logger.warning("the lessons' durations add up to %d minutes (%s); the course has at most %d: cut %d "
                       "minutes (durations: %s)", total, english_minutes(total), std.course_minutes,
                       total - std.course_minutes, ", ".join(f"{r.docname} {r.minutes}" for r in rows),
                       location=(env.config.root_doc, 1), type="courseware", subtype="standard")
    _check_days(app, env)


def _check_days(app: Sphinx, env: BuildEnvironment) -> None:
    """The course fits the workshop it is sold as (``courseware_schedule``), in plain words when it does not."""
    from .agenda import clock, course_layout, english_minutes

    slots = course_layout(env)
    schedule = settings(app.config).schedule
    if not slots:
        return
    days = slots[-1].day
    if days > schedule.days:
        total = sum(s.minutes for s in slots if s.kind == "lesson")
        logger.warning("the lessons do not fit the workshop's %d days: with the openings, breaks, lunch, %d "
                       "minutes of buffer and the close each day, their %s run over %d days. Shorten lessons, "
                       "or change courseware_schedule (days, start, end)", schedule.days, schedule.buffer_minutes,
                       english_minutes(total), days, location=(env.config.root_doc, 1), type="courseware",
                       subtype="standard")
    for slot in slots:
        if slot.kind == "lesson" and slot.minutes > minutes_of(schedule.end) - minutes_of(schedule.start):
            logger.warning("the lesson takes %s, longer than a workshop day (%s to %s)", english_minutes(slot.minutes),
                           schedule.start, schedule.end, location=(slot.docname, 1), type="courseware",
                           subtype="standard")
        if slot.kind == "close" and slot.end > minutes_of(schedule.end):
            logger.warning("Day %d ends at %s, after the day's end (%s)", slot.day, clock(slot.end), schedule.end,
                           location=(env.config.root_doc, 1), type="courseware", subtype="standard")


def _where(env: BuildEnvironment, items) -> str:
    return ", ".join(f"{env.doc2path(d, False)}:{q.line}" for d, q in items)


def _check_balance(env, module: str, questions, std: Standard) -> Findings:
    found = Findings()
    keyed = [(d, q) for d, q in questions if q.key >= 0]
    if not keyed:
        return found
    location = (keyed[0][0], keyed[0][1].line)
    name = structure.title(env, module) if module != env.config.root_doc else "Lessons outside a module"
    counts = Counter(q.key for _, q in keyed)
    width = max(len(q.lengths) for _, q in keyed)
    unused = [LETTERS[i] for i in range(width) if i not in counts]
    if unused:
        found.add("%s: no question has its answer at %s; every position must be used. Keys: %s", location, name,
                  ", ".join(unused), _where(env, keyed))
    for index, count in sorted(counts.items()):
        if count > std.key_share * len(keyed):
            at = [(d, q) for d, q in keyed if q.key == index]
            found.add("%s: %d of %d answers are at %s (at most %d %%); move some. Questions keyed %s: %s",
                      location, name, count, len(keyed), LETTERS[index], round(std.key_share * 100),
                      LETTERS[index], _where(env, at))
    by_lesson: dict[str, list[structure.Question]] = {}
    for docname, q in keyed:
        by_lesson.setdefault(docname, []).append(q)
    for docname, lesson_questions in by_lesson.items():
        keys = [q.key for q in lesson_questions]
        if len(keys) == width and len(set(keys)) == width:
            _emit(docname, [(f"{name}: the keys of this lesson are {''.join(LETTERS[k] for k in keys)}, each "
                             "position once: the last answer follows from the others. Use a position twice "
                             "(balance positions across the module, not per lesson)", lesson_questions[0].line)])
    longest = [(d, q) for d, q in keyed if q.lengths[q.key] >= max(q.lengths)]
    least, most = std.longest_share
    if len(longest) > most * len(keyed):
        found.add("%s: the answer is the longest option in %d of %d questions (at most %d %%); shorten the answer "
                  "or lengthen a distractor in some of: %s", location, name, len(longest), len(keyed),
                  round(most * 100), _where(env, longest))
    if len(longest) < least * len(keyed):
        found.add("%s: the answer is the longest option in %d of %d questions (at least %d %%): a learner who "
                  "rules out the longest option is never wrong. Let the right option be the longest in some",
                  location, name, len(longest), len(keyed), round(least * 100))
    shortest = [(d, q) for d, q in keyed if q.lengths[q.key] <= min(q.lengths)]
    if len(shortest) > std.shortest_share * len(keyed):
        found.add("%s: the answer is the shortest option in %d of %d questions (at most %d %%); options of similar "
                  "length give nothing away. Lengthen the answer or shorten a distractor in some of: %s", location,
                  name, len(shortest), len(keyed), round(std.shortest_share * 100), _where(env, shortest))
    return found


def setup_standard(app: Sphinx) -> None:
    app.connect("doctree-read", check_page, priority=600)  # after lesson.py has recorded the lesson
    app.connect("env-updated", report)

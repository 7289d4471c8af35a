# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The schedule, computed from every lesson's ``duration`` and ``courseware_schedule``.

- ``layout()`` lays lessons out over days with clock times, breaks and lunch;
  the agenda table, the facilitator run-sheet and the ``{length}`` role all
  read it, so every page and every PDF agrees on how long the course is.
- ``agenda``: a directive that becomes the schedule table of the lessons
  below its page (one row per lesson, module subtotals, a total). The clock
  column is for facilitators: the HTML course shows it in facilitator view,
  the facilitator guide prints it, learner editions leave it out.
- ``{length}`course```, ``{length}`days```, ``{length}`module2/index```: the
  course's, a module's or a lesson's length in prose, never typed by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxRole

from . import structure
from .config import Schedule, minutes_of, settings
from .directive import PlaceholderDirective
from .doctree_parts import doc_link, sentence, table, table_row
from .lesson import prereading
from .outputs import FACILITATOR, SKIPPED_EVERYWHERE, add_node
from .structure import Row
from .translations import N_, _, ngettext

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

#: Numbers written as words in prose ("two days"), each translated where it is used.
# Translators: a number written as a word, put in "{number} days" ("two days")
NUMBER_WORDS = (N_("zero"), N_("one"), N_("two"), N_("three"), N_("four"), N_("five"), N_("six"), N_("seven"),
                N_("eight"), N_("nine"), N_("ten"))


@dataclass(frozen=True)
class Slot:
    """One item of the laid-out course: a lesson, or a part of the workshop day around the lessons."""

    kind: str  #: "lesson", or one of ``DAY_PARTS``
    day: int
    start: int  #: minutes since midnight
    minutes: int
    docname: str | None = None
    module: str | None = None

    @property
    def end(self) -> int:
        return self.start + self.minutes


#: The parts of a workshop day that are not lessons, as the agenda and run-sheet name them (in English:
#: ``day_part`` gives one in the course's language).
DAY_PARTS = {
    "welcome": N_("Welcome and introductions"),
    "recap": N_("Recap of the day before"),
    "break": N_("Break"),
    "lunch": N_("Lunch"),
    "buffer": N_("Buffer: questions, overruns"),
    "evaluation": N_("Evaluation of the course"),
    "close": N_("Close of the day"),
}


def day_part(kind: str) -> str:
    """The name of a part of the workshop day (``DAY_PARTS``) in the course's language."""
    return _(DAY_PARTS[kind])


def layout(rows: list[Row], schedule: Schedule) -> list[Slot]:
    """Lay lessons out over workshop days.

    Each day opens (Day 1 with a welcome, later days with a recap) and
    closes; the last day holds the evaluation before its close. A break
    comes before instruction would run past ``break_every`` minutes; lunch
    at a round time near ``lunch_after``, the minutes before it being
    buffer; a new day when a lesson would leave no room for the day's
    remaining buffer, the evaluation and the close before ``end``.
    """
    slots: list[Slot] = []
    lunch_after, end = minutes_of(schedule.lunch_after), minutes_of(schedule.end)
    index, day = 0, 0
    while index < len(rows):
        day += 1
        now = minutes_of(schedule.start)
        opening = ("welcome", schedule.welcome_minutes) if day == 1 else ("recap", schedule.recap_minutes)
        if opening[1]:
            slots.append(Slot(opening[0], day, now, opening[1]))
            now += opening[1]
        since_break, lunch_taken, buffer, placed = opening[1], False, 0, 0
        while index < len(rows):
            row = rows[index]
            last = index == len(rows) - 1
            late = now + row.minutes > lunch_after + schedule.lunch_round
            if not lunch_taken and placed and (now >= lunch_after or (now >= lunch_after - schedule.lunch_round
                                                                      and late)):
                lunch = -(-now // schedule.lunch_round) * schedule.lunch_round
                if lunch > now:
                    slots.append(Slot("buffer", day, now, lunch - now))
                    buffer += lunch - now
                slots.append(Slot("lunch", day, lunch, schedule.lunch_minutes))
                now, since_break, lunch_taken = lunch + schedule.lunch_minutes, 0, True
            elif since_break and since_break + row.minutes > schedule.break_every:
                slots.append(Slot("break", day, now, schedule.break_minutes))
                now, since_break = now + schedule.break_minutes, 0
            tail = max(0, schedule.buffer_minutes - buffer) + schedule.close_minutes
            tail += schedule.evaluation_minutes if last else 0
            if placed and now + row.minutes + tail > end:
                if slots[-1].kind == "break":
                    now = slots.pop().start  # no break at the end of a day
                break
            slots.append(Slot("lesson", day, now, row.minutes, row.docname, row.module))
            now += row.minutes
            since_break += row.minutes
            placed += 1
            index += 1
        if buffer < schedule.buffer_minutes:
            slots.append(Slot("buffer", day, now, schedule.buffer_minutes - buffer))
            now += schedule.buffer_minutes - buffer
        if index == len(rows) and schedule.evaluation_minutes:
            slots.append(Slot("evaluation", day, now, schedule.evaluation_minutes))
            now += schedule.evaluation_minutes
        if schedule.close_minutes:
            slots.append(Slot("close", day, now, schedule.close_minutes))
    return slots


def day_span(slots: list[Slot], day: int) -> tuple[int, int]:
    """First and last clock time of ``day``."""
    today = [s for s in slots if s.day == day]
    return today[0].start, today[-1].end


def course_layout(env: BuildEnvironment) -> list[Slot]:
    return layout(structure.lessons_below(env, env.config.root_doc), settings(env.config).schedule)


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


#: A length as ``format_minutes`` writes it: minutes alone, hours and minutes, hours alone.
LENGTHS = (
    # Translators: a length of time, short ("45 min")
    N_("{minutes} min"),
    # Translators: a length of time, short ("1 h 05 min"): {minutes} has two digits
    N_("{hours} h {minutes} min"),
    # Translators: a length of time, short ("2 h")
    N_("{hours} h"),
)


def _length(minutes: int, translate) -> str:
    hours, mins = divmod(minutes, 60)
    if not hours:
        return translate(LENGTHS[0]).format(minutes=mins)
    if mins:
        return translate(LENGTHS[1]).format(hours=hours, minutes=f"{mins:02d}")
    return translate(LENGTHS[2]).format(hours=hours)


def format_minutes(minutes: int) -> str:
    """A length in the course's language: "45 min", "1 h 30 min", "2 h"."""
    return _length(minutes, _)


def english_minutes(minutes: int) -> str:
    """A length as ``format_minutes`` writes it in English, for the build's warnings."""
    return _length(minutes, str)


def number_word(number: int) -> str:
    return _(NUMBER_WORDS[number]) if number < len(NUMBER_WORDS) else str(number)


# -- the agenda table ------------------------------------------------------------------


class agenda(nodes.General, nodes.Element):
    """Placeholder for the schedule of the lessons below this page."""


class Agenda(PlaceholderDirective):
    node_class = agenda


class FillAgenda(SphinxPostTransform):
    default_priority = 5  # before references are resolved: the rows hold pending_xrefs

    def run(self, **kwargs) -> None:
        for node in list(self.document.findall(agenda)):
            rows = structure.lessons_below(self.env, node["docname"])
            if not rows:
                node.replace_self(nodes.paragraph(text=_("No lessons yet.")))
                continue
            node.replace_self([self.table(rows), *reading_lists(self.env, self.env.docname, rows)])

    def table(self, rows: list[Row]) -> nodes.table:
        """The lessons below the page at their times in the course's one layout, with the day's other parts."""
        everything = course_layout(self.env)
        slots = within(everything, rows)
        multi_day = everything[-1].day > 1
        clock_classes = [FACILITATOR]
        body: list[nodes.row] = []
        total = module_total = 0
        lessons = [s for s in slots if s.kind == "lesson"]
        for index, slot in enumerate(slots):
            if multi_day and (index == 0 or slot.day != slots[index - 1].day):
                body.append(table_row([_("Day {day}").format(day=slot.day), "", ""], classes=["cw-agenda-day"]))
            if slot.kind != "lesson":
                body.append(table_row([day_part(slot.kind), format_minutes(slot.minutes), clock(slot.start)],
                                      [[], [], clock_classes], classes=["cw-agenda-break", FACILITATOR]))
                continue
            position = lessons.index(slot)
            previous = lessons[position - 1] if position else None
            if slot.module and (previous is None or previous.module != slot.module):
                body.append(table_row([doc_link(self.env, self.env.docname, slot.module), "", ""],
                                      classes=["cw-agenda-module"]))
                module_total = 0
            body.append(table_row([doc_link(self.env, self.env.docname, slot.docname),
                                   format_minutes(slot.minutes), clock(slot.start)], [[], [], clock_classes]))
            total += slot.minutes
            module_total += slot.minutes
            following = lessons[position + 1] if position + 1 < len(lessons) else None
            if slot.module and (following is None or following.module != slot.module):
                body.append(table_row([_("Module total"), format_minutes(module_total), ""],
                                      classes=["cw-agenda-subtotal"]))
        body.append(table_row([_("Total instruction"), format_minutes(total), ""], classes=["cw-agenda-total"]))
        return table([(_("Session"), 70, []), (_("Time"), 15, []), (_("Starts at"), 15, clock_classes)], body,
                     ["cw-agenda"])


def within(slots: list[Slot], rows: list[Row]) -> list[Slot]:
    """The slots from the first to the last of ``rows``' lessons; all of them when ``rows`` is the whole course."""
    wanted = {r.docname for r in rows}
    places = [i for i, s in enumerate(slots) if s.docname in wanted]
    if len(wanted) == sum(1 for s in slots if s.kind == "lesson"):
        return slots
    return slots[places[0]:places[-1] + 1]


def reading_lists(env: BuildEnvironment, fromdoc: str, rows: list[Row]) -> list[nodes.Node]:
    """Per day, what learners read before it: each lesson's ``prereading`` with its minutes."""
    slots = [s for s in within(course_layout(env), rows) if s.kind == "lesson"]
    found: list[nodes.Node] = []
    for day in sorted({s.day for s in slots}):
        readings = [(s.docname, structure.lesson(env, s.docname).reading) for s in slots if s.day == day]
        readings = [(d, r) for d, r in readings if r is not None]
        if not readings:
            continue
        minutes = sum(r.minutes for _, r in readings)
        heading = _("Before Day {day}: pre-reading, about {length}").format(day=day, length=format_minutes(minutes))
        found.append(nodes.rubric("", heading))
        items = nodes.bullet_list(classes=["cw-prereading-list"])
        for docname, reading in readings:
            line = sentence(_("{lesson} ({length}):"), lesson=doc_link(env, fromdoc, docname),
                            length=format_minutes(reading.minutes))
            paragraph = nodes.paragraph("", "", *line)
            what = nodes.bullet_list()
            what.extend(structure.block_items(env, docname, prereading, fromdoc))
            items += nodes.list_item("", paragraph, what)
        found.append(items)
    return found


# -- {length} --------------------------------------------------------------------------


class length(nodes.General, nodes.Element):
    """Placeholder for a length computed from the lessons' durations."""


class LengthRole(SphinxRole):
    """``{length}`course```, ``{length}`days``` or ``{length}`<docname>```."""

    def run(self):
        node = length(target=self.text.strip(), docname=self.env.docname)
        self.set_source_info(node)
        structure.depends_on_all_lessons(self.env, self.env.docname)
        return [node], []


class FillLengths(SphinxPostTransform):
    default_priority = 5

    def run(self, **kwargs) -> None:
        for node in list(self.document.findall(length)):
            text = length_text(self.env, node["target"])
            if text is None:
                known = ["course", "days"] + structure.modules(self.env)
                logger.warning(
                    "length: %r is not 'course', 'days', a module or a lesson (modules: %s)",
                    node["target"], ", ".join(known[2:]), location=node, type="courseware", subtype="length",
                )
                text = node["target"]
            node.replace_self(nodes.Text(text))


def length_text(env: BuildEnvironment, target: str) -> str | None:
    """How long ``target`` takes, from the lessons' durations: 'course' (hours of instruction), 'days'
    (the workshop's days), a module or a lesson; None for anything else."""
    if target == "course":
        return format_minutes(sum(r.minutes for r in structure.lessons_below(env, env.config.root_doc)))
    if target == "days":
        slots = course_layout(env)
        days = slots[-1].day if slots else 0
        # Translators: the workshop's length in days; {number} is a number as a word ("two days")
        return ngettext("{number} day", "{number} days", days).format(number=number_word(days))
    target = target.lstrip("/")
    if structure.is_lesson(env, target):
        return format_minutes(structure.lesson_duration(env, target))
    if structure.is_module(env, target):
        return format_minutes(sum(r.minutes for r in structure.lessons_below(env, target)))
    return None


def setup_agenda(app: Sphinx) -> None:
    add_node(app, agenda, **SKIPPED_EVERYWHERE)
    add_node(app, length, **SKIPPED_EVERYWHERE)
    app.add_directive("agenda", Agenda)
    app.add_role("length", LengthRole())
    app.add_post_transform(FillAgenda)
    app.add_post_transform(FillLengths)

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
from .parts import doc_link, table, table_row
from .structure import Row
from .writers import FACILITATOR, SKIP, add_node

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


@dataclass(frozen=True)
class Slot:
    """One item of the laid-out course: a lesson, a break or lunch."""

    kind: str  #: "lesson", "break" or "lunch"
    day: int
    start: int  #: minutes since midnight
    minutes: int
    docname: str | None = None
    module: str | None = None

    @property
    def end(self) -> int:
        return self.start + self.minutes


def layout(rows: list[Row], schedule: Schedule) -> list[Slot]:
    """Lay lessons out over days: a break before instruction would run past
    ``break_every`` minutes, lunch at the first lesson boundary after
    ``lunch_after``, a new day when a lesson would end after ``end``."""
    slots: list[Slot] = []
    day, now, since_break, lunch_taken = 1, minutes_of(schedule.start), 0, False
    for row in rows:
        if not lunch_taken and now >= minutes_of(schedule.lunch_after):
            slots.append(Slot("lunch", day, now, schedule.lunch_minutes))
            now, since_break, lunch_taken = now + schedule.lunch_minutes, 0, True
        elif since_break and since_break + row.minutes > schedule.break_every:
            slots.append(Slot("break", day, now, schedule.break_minutes))
            now, since_break = now + schedule.break_minutes, 0
        if now + row.minutes > minutes_of(schedule.end) and now > minutes_of(schedule.start):
            if slots and slots[-1].kind != "lesson":
                slots.pop()  # no break at the end of a day
            day, now, since_break, lunch_taken = day + 1, minutes_of(schedule.start), 0, False
        slots.append(Slot("lesson", day, now, row.minutes, row.docname, row.module))
        now += row.minutes
        since_break += row.minutes
    return slots


def course_layout(env: BuildEnvironment) -> list[Slot]:
    return layout(structure.lessons_below(env, env.config.root_doc), settings(env.config).schedule)


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def format_minutes(minutes: int) -> str:
    hours, mins = divmod(minutes, 60)
    if not hours:
        return f"{mins} min"
    return f"{hours} h {mins:02d} min" if mins else f"{hours} h"


def number_word(number: int) -> str:
    return NUMBER_WORDS[number] if number < len(NUMBER_WORDS) else str(number)


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
            node.replace_self(self.table(node["docname"], rows) if rows else nodes.paragraph(text="No lessons yet."))

    def table(self, docname: str, rows: list[Row]) -> nodes.table:
        slots = layout(rows, settings(self.config).schedule)
        multi_day = slots[-1].day > 1
        clock_classes = [FACILITATOR]
        body: list[nodes.row] = []
        total = module_total = 0
        lessons = [s for s in slots if s.kind == "lesson"]
        for index, slot in enumerate(slots):
            if multi_day and (index == 0 or slot.day != slots[index - 1].day):
                body.append(table_row([f"Day {slot.day}", "", ""], classes=["cw-agenda-day"]))
            if slot.kind != "lesson":
                label = "Lunch" if slot.kind == "lunch" else "Break"
                body.append(table_row([label, format_minutes(slot.minutes), clock(slot.start)],
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
                body.append(table_row(["Module total", format_minutes(module_total), ""],
                                      classes=["cw-agenda-subtotal"]))
        body.append(table_row(["Total instruction", format_minutes(total), ""], classes=["cw-agenda-total"]))
        return table([("Session", 70, []), ("Time", 15, []), ("Starts at", 15, clock_classes)], body, ["cw-agenda"])


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
            text = self.text(node["target"])
            if text is None:
                known = ["course", "days"] + structure.modules(self.env)
                logger.warning(
                    "length: %r is not 'course', 'days', a module or a lesson (modules: %s)",
                    node["target"], ", ".join(known[2:]), location=node, type="courseware", subtype="length",
                )
                text = node["target"]
            node.replace_self(nodes.Text(text))

    def text(self, target: str) -> str | None:
        env = self.env
        if target == "course":
            return format_minutes(sum(r.minutes for r in structure.lessons_below(env, env.config.root_doc)))
        if target == "days":
            slots = course_layout(env)
            days = slots[-1].day if slots else 0
            return f"{number_word(days)} day{'s' if days != 1 else ''}"
        target = target.lstrip("/")
        if structure.is_lesson(env, target):
            return format_minutes(structure.lesson_duration(env, target))
        if structure.is_module(env, target):
            return format_minutes(sum(r.minutes for r in structure.lessons_below(env, target)))
        return None


def setup_agenda(app: Sphinx) -> None:
    add_node(app, agenda, html=SKIP, latex=SKIP, text=SKIP, man=SKIP, texinfo=SKIP)
    add_node(app, length, html=SKIP, latex=SKIP, text=SKIP, man=SKIP, texinfo=SKIP)
    app.add_directive("agenda", Agenda)
    app.add_role("length", LengthRole())
    app.add_post_transform(FillAgenda)
    app.add_post_transform(FillLengths)

# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The facilitator's pages: a plan at the start of every lesson, and the run-sheet of the course.

Both are computed from the lessons' records (``structure.Lesson``: timed
segments, modes, what is optional) and the schedule (``agenda.layout``), so
they agree with the agenda, the decks and the lectern script. Both carry the
facilitator class: learner editions leave them out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from .. import structure
from ..agenda import clock, format_minutes, layout
from ..config import settings
from ..lesson import prepare
from ..parts import table, table_row
from ..writers import FACILITATOR

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

RUN_SHEET_ID = "cw-run-sheet"
MODES = {"talk": "talk", "solo": "alone", "pairs": "pairs", "groups": "groups", "plenary": "whole room"}


def offset(minutes: int) -> str:
    return f"+{minutes // 60}:{minutes % 60:02d}"


def lesson_plan(env: BuildEnvironment, docname: str, page: nodes.section) -> nodes.section | None:
    """One page at the start of a lesson: its segments with times and modes, what to prepare, what to cut."""
    record = structure.lesson(env, docname)
    if record is None:
        return None
    plan = nodes.section(ids=[f"cw-plan-{docname.replace('/', '-')}"], classes=["cw-lesson-plan", FACILITATOR])
    plan += nodes.title("", "Lesson plan")
    rows, elapsed = [], 0
    for segment in record.segments:
        name = nodes.Text(segment.title + (" (optional)" if segment.optional else ""))
        title = nodes.reference("", "", name, refid=segment.anchor, internal=True) if segment.anchor else name
        rows.append(table_row([offset(elapsed), title, MODES.get(segment.mode, segment.mode),
                               format_minutes(segment.minutes)], classes=["cw-optional"] if segment.optional else ()))
        elapsed += segment.minutes
    spare = record.duration - elapsed
    if spare > 0:
        rows.append(table_row([offset(elapsed), "Transitions and questions", "", format_minutes(spare)]))
    rows.append(table_row(["", "Lesson", "", format_minutes(record.duration)], classes=["cw-total"]))
    plan += table([("Starts", 12, []), ("Segment", 58, []), ("Mode", 15, []), ("Time", 15, [])], rows,
                  ["cw-plan-table"])
    block = next(page.findall(prepare), None)
    plan += nodes.rubric("", "Prepare and bring")
    if block is not None:
        block.parent.remove(block)
        plan.extend(block.children)
    else:
        plan += nodes.paragraph(text="Nothing beyond the decks and the printed handouts.")
    plan += nodes.rubric("", "If you are short of time")
    optional = [s for s in record.segments if s.optional]
    if optional:
        cuts = nodes.bullet_list()
        for segment in optional:
            cuts += nodes.list_item("", nodes.paragraph(
                text=f"{segment.title}: saves {format_minutes(segment.minutes)}."))
        plan += cuts
    else:
        plan += nodes.paragraph(text="No part of this lesson is marked optional: shorten the discussions "
                                     "and the knowledge check before cutting a section.")
    return plan


def run_sheet(env: BuildEnvironment, start: str) -> nodes.section | None:
    """The course laid out over days: clock times, breaks and lunch."""
    slots = layout(structure.lessons_below(env, start), settings(env.config).schedule)
    if not slots:
        return None
    sheet = nodes.section(ids=[RUN_SHEET_ID], classes=["cw-run-sheet", FACILITATOR], cw_generated=True)
    sheet += nodes.title("", "Run-sheet")
    sheet += nodes.paragraph(text=(
        f"The course takes {format_minutes(sum(s.minutes for s in slots if s.kind == 'lesson'))} of "
        f"instruction over {slots[-1].day} day{'s' if slots[-1].day > 1 else ''}. Times come from the "
        "lessons' durations and the schedule settings; each lesson's plan gives the times within it."))
    for day in range(1, slots[-1].day + 1):
        today = [s for s in slots if s.day == day]
        rows = []
        for slot in today:
            if slot.kind == "lesson":
                module = structure.module_of(env, slot.docname)
                what = structure.title(env, slot.docname)
                where = structure.title(env, module) if module else ""
            else:
                what, where = ("Lunch" if slot.kind == "lunch" else "Break"), ""
            rows.append(table_row([f"{clock(slot.start)}\u2013{clock(slot.end)}", what, where,
                                   format_minutes(slot.minutes)],
                                  classes=[f"cw-run-{slot.kind}"]))
        day_section = nodes.section(ids=[f"{RUN_SHEET_ID}-day-{day}"])
        day_section += nodes.title("", f"Day {day}: {clock(today[0].start)} to {clock(today[-1].end)}")
        day_section += table([("Time", 18, []), ("Session", 47, []), ("Module", 22, []), ("Length", 13, [])],
                             rows, ["cw-run-table"])
        sheet += day_section
    return sheet

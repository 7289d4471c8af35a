# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The facilitator's pages: a plan at the start of every lesson, and the run-sheet of the course.

Both are computed from the lessons' records (``structure.Lesson``: timed
segments, modes, cuts, pre-reading, what to prepare) and the schedule
(``agenda.layout``), so
they agree with the agenda, the decks and the lectern script. Both carry the
facilitator class: learner editions leave them out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from .. import structure
from ..agenda import DAY_PARTS, Slot, clock, course_layout, day_span, format_minutes, reading_lists, within
from ..doctree_parts import table, table_row
from ..lesson import prepare
from ..outputs import FACILITATOR
from ..translations import N_, _, ngettext, pgettext, within_sentence

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

RUN_SHEET_ID = "cw-run-sheet"
#: How a segment is worked, in the plan's Mode column.
MODES = {
    # Translators: the lesson plan's Mode column: how a part of the lesson is worked
    "talk": N_("talk"), "solo": N_("alone"), "pairs": N_("pairs"), "groups": N_("groups"),
    "plenary": N_("whole room"),
}


def offset(minutes: int) -> str:
    return f"+{minutes // 60}:{minutes % 60:02d}"


def lesson_start(env: BuildEnvironment, docname: str) -> Slot | None:
    """The lesson's place in the workshop (the one course layout), or None outside it."""
    return next((s for s in course_layout(env) if s.docname == docname), None)


def lesson_plan(env: BuildEnvironment, docname: str, page: nodes.section) -> nodes.section | None:
    """One page at the start of a lesson: its segments with offsets and clock times, what to prepare, the short
    version."""
    record = structure.lesson(env, docname)
    if record is None:
        return None
    slot = lesson_start(env, docname)
    plan = nodes.section(ids=[f"cw-plan-{docname.replace('/', '-')}"], classes=["cw-lesson-plan", FACILITATOR])
    plan += nodes.title("", _("Lesson plan"))
    if slot is not None:
        plan += nodes.paragraph(text=_("Day {day}, {start} to {end} on the run-sheet.").format(
            day=slot.day, start=clock(slot.start), end=clock(slot.end)))
    rows, elapsed = [], 0
    for segment in record.segments:
        name = nodes.Text(segment.title)
        title = nodes.reference("", "", name, refid=segment.anchor, internal=True) if segment.anchor else name
        rows.append(table_row([offset(elapsed), clock(slot.start + elapsed) if slot else "", title,
                               _(MODES[segment.mode]) if segment.mode in MODES else segment.mode,
                               format_minutes(segment.minutes)]))
        elapsed += segment.minutes
    spare = record.duration - elapsed
    if spare > 0:
        rows.append(table_row([offset(elapsed), clock(slot.start + elapsed) if slot else "",
                               _("Transitions and questions"), "", format_minutes(spare)]))
    rows.append(table_row(["", "", _("Lesson"), "", format_minutes(record.duration)], classes=["cw-total"]))
    plan += table([(_("Starts"), 10, []), (_("Clock"), 10, []), (_("Segment"), 52, []), (_("Mode"), 14, []),
                   (_("Time"), 14, [])], rows, ["cw-plan-table"])
    block = next(page.findall(prepare), None)
    plan += nodes.rubric("", _("Prepare and bring"))
    if block is not None:
        block.parent.remove(block)
        plan.extend(block.children)
    else:
        plan += nodes.paragraph(text=_("Nothing beyond the decks and the printed handouts."))
    if record.cuts:
        saved = sum(c.saves for c in record.cuts)
        plan += nodes.rubric("", _("The short version: {short} instead of {full}").format(
            short=format_minutes(record.duration - saved), full=format_minutes(record.duration)))
        cuts = nodes.bullet_list(classes=["cw-cuts"])
        for item in record.cuts:
            cuts += nodes.list_item("", nodes.paragraph(
                "", "", nodes.strong("", _("Drop {what} (saves {length}).").format(
                    what=within_sentence(item.what, env.config.language), length=format_minutes(item.saves))),
                nodes.Text(" " + item.cost)))
        plan += cuts
    return plan


def run_sheet(env: BuildEnvironment, start: str) -> nodes.section | None:
    """The course laid out over workshop days: clock times, the day's parts, pre-reading and materials."""
    rows = structure.lessons_below(env, start)
    slots = within(course_layout(env), rows) if rows else []
    if not slots:
        return None
    sheet = nodes.section(ids=[RUN_SHEET_ID], classes=["cw-run-sheet", FACILITATOR], cw_generated=True)
    sheet += nodes.title("", _("Run-sheet"))
    days = sorted({s.day for s in slots})
    length = format_minutes(sum(s.minutes for s in slots if s.kind == "lesson"))
    sheet += nodes.paragraph(text=(
        ngettext("The course takes {length} of instruction over {days} day.",
                 "The course takes {length} of instruction over {days} days.", len(days)).format(
            length=length, days=len(days))
        + " " + _("Times come from the lessons' durations and the schedule settings; each lesson's plan gives "
                  "the times within it, and what to drop when a day runs late.")))
    for day in days:
        today = [s for s in slots if s.day == day]
        table_rows = []
        for slot in today:
            if slot.kind == "lesson":
                module = structure.module_of(env, slot.docname)
                what = structure.title(env, slot.docname)
                where = structure.title(env, module) if module else ""
            else:
                what, where = _(DAY_PARTS[slot.kind]), ""
            table_rows.append(table_row([f"{clock(slot.start)}\u2013{clock(slot.end)}", what, where,
                                         format_minutes(slot.minutes)], classes=[f"cw-run-{slot.kind}"]))
        first, last = day_span(slots, day)
        day_section = nodes.section(ids=[f"{RUN_SHEET_ID}-day-{day}"])
        day_section += nodes.title("", _("Day {day}: {start} to {end}").format(
            day=day, start=clock(first), end=clock(last)))
        # Translators: the run-sheet's first column holds clock times, "09:00–10:30"
        day_section += table([(pgettext("clock", "Time"), 18, []), (_("Session"), 47, []), (_("Module"), 22, []),
                              (_("Length"), 13, [])], table_rows, ["cw-run-table"])
        day_section += materials(env, today, start)
        sheet += day_section
    sheet.extend(reading_lists(env, start, rows))
    return sheet


def materials(env: BuildEnvironment, today: list[Slot], fromdoc: str) -> list[nodes.Node]:
    """The day's checklist: what to print, bring and prepare, from every lesson's ``prepare`` block."""
    items = nodes.bullet_list(classes=["cw-materials"])
    for slot in today:
        things = structure.block_items(env, slot.docname, prepare, fromdoc) if slot.kind == "lesson" else []
        if things:
            what = nodes.bullet_list()
            what.extend(things)
            items += nodes.list_item("", nodes.paragraph(text=structure.title(env, slot.docname) + ":"), what)
    if not len(items):
        return []
    return [nodes.rubric("", _("Materials for Day {day}: print, bring, prepare").format(day=today[0].day)), items]

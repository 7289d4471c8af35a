# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The workshop's paperwork, made from the course's own records: nothing in it is typed.

- ``attendance`` layout: a sheet per workshop day (``agenda.layout`` over the schedule), with the
  day's hours and lessons, and numbered rows for each participant's name, organisation and
  signature before and after lunch.
- ``evaluation`` layout: a form with, per module, each lesson objective to rate (1, not reached, to
  5, fully reached), the pace and the materials to rate, and open questions with room to write.

Each is a doctree of sections, tables and writing space, drawn by the same Typst writer and
templates as every handout (tables with header rows, so the PDF stays PDF/UA-1); the PDF has no
cover and no contents (``handout.typ``'s ``cover: false``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from docutils.utils import new_document

from .. import structure
from ..agenda import DAY_PARTS, clock, course_layout, day_span
from ..config import HandoutDocument
from ..doctree_parts import table, table_row

if TYPE_CHECKING:
    from sphinx.builders import Builder

LAYOUTS = ("attendance", "evaluation")
#: Rows to sign on each day's sheet, and lines to write under each open question.
SIGNATURE_ROWS = 15
ANSWER_LINES = 4
RATINGS = ("1", "2", "3", "4", "5")
OPEN_QUESTIONS = (
    "What will you use first in your own work, and when?",
    "What was missing, or took too long?",
    "What would you tell a colleague about this course?",
)


def _section(ident: str, title: str, *, page: bool = False) -> nodes.section:
    section = nodes.section(ids=[ident], classes=["cw-page-start"] if page else [])
    section += nodes.title("", title)
    return section


def _writing_space(lines: int) -> nodes.container:
    return nodes.container("", *(nodes.container(classes=["cw-line"]) for _ in range(lines)),
                           classes=["cw-writing-space"])


def attendance(builder: Builder, document: HandoutDocument) -> list[nodes.section]:
    env = builder.env
    slots = course_layout(env)
    sheets = []
    for day in sorted({slot.day for slot in slots}):
        start, end = day_span(slots, day)
        lessons = [structure.title(env, s.docname) for s in slots if s.day == day and s.kind == "lesson"]
        lunch = next((s for s in slots if s.day == day and s.kind == "lunch"), None)
        sheet = _section(f"cw-attendance-day-{day}", f"{document.title}: day {day}", page=True)
        sheet += nodes.paragraph("", f"{env.config.project}. Day {day}, {clock(start)} to {clock(end)}"
                                     + (f"; {DAY_PARTS['lunch'].lower()} at {clock(lunch.start)}" if lunch else "")
                                     + f". Lessons: {', '.join(lessons)}.")
        sheet += nodes.paragraph("", "Date: ____________    Facilitator: ______________________________")
        columns = [("No.", 4, []), ("Name", 28, []), ("Organisation", 24, []),
                   ("Signature, morning" if lunch else "Signature", 22, []),
                   *([("Signature, afternoon", 22, [])] if lunch else [])]
        rows = [table_row([str(number)] + [""] * (len(columns) - 1)) for number in range(1, SIGNATURE_ROWS + 1)]
        sheet += table(columns, rows, ["cw-signatures"])
        sheets.append(sheet)
    return sheets


def evaluation(builder: Builder, document: HandoutDocument) -> list[nodes.section]:
    env = builder.env
    form = _section("cw-evaluation", document.title, page=True)
    form += nodes.paragraph("", f"{env.config.project}. For each statement, circle one number: 1 means not at "
                                "all, 5 means fully. Your answers are anonymous unless you sign them.")
    groups: dict[str, list[str]] = {}
    for row in structure.lessons_below(env, document.start):
        groups.setdefault(row.module or row.docname, []).append(row.docname)
    for number, (group, lessons) in enumerate(groups.items(), 1):
        part = _section(f"cw-evaluation-{number}", structure.title(env, group))
        rows = []
        for docname in lessons:
            lesson = structure.lesson(env, docname)
            for objective in lesson.objectives if lesson else ():
                rows.append(table_row([f"I can: {objective[0].lower() + objective[1:]}", *RATINGS]))
        rows.append(table_row(["The pace of this part suited me.", *RATINGS]))
        rows.append(table_row(["Its materials (slides, handouts, exercises) helped me.", *RATINGS]))
        part += table([("Statement", 60, [])] + [(rating, 5, []) for rating in RATINGS], rows, ["cw-evaluation"])
        form += part
    closing = _section("cw-evaluation-open", "In your own words")
    for question in OPEN_QUESTIONS:
        closing += nodes.paragraph("", question)
        closing += _writing_space(ANSWER_LINES)
    form += closing
    return [form]


def assemble_paperwork(builder: Builder, document: HandoutDocument) -> nodes.document:
    tree = new_document(document.start, builder.docsettings)
    tree["docname"] = document.start
    make = attendance if document.layout == "attendance" else evaluation
    for section in make(builder, document):
        tree += section
    return tree

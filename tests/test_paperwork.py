# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The workshop's paperwork, made from the course's schedule and objectives (nothing typed)."""

from __future__ import annotations

from pypdf import PdfReader

from courseware.handouts.paperwork import SIGNATURE_ROWS

from .test_print import flat, printed, squash


def paperwork(course, layout: str):
    documents = [d for d in course.settings.handouts if d.layout == layout]
    assert documents, f"the course lists a {layout} PDF"
    return [course.out("handouts") / d.filename for d in documents]


def test_an_attendance_sheet_for_each_workshop_day(course):
    """One page a day, naming that day's hours and lessons, with numbered rows to sign."""
    from courseware.agenda import clock, day_span, layout
    from courseware.structure import title

    slots = layout(course.rows(), course.settings.schedule)
    days = sorted({slot.day for slot in slots})
    for path in paperwork(course, "attendance"):
        sheets = printed(path).sheets
        assert len(sheets) == len(days), f"{path.name}: {len(sheets)} pages for {len(days)} days"
        for sheet, day in zip(sheets, days):
            text = squash(sheet.text())
            start, end = day_span(slots, day)
            assert squash(f"Day {day}, {clock(start)} to {clock(end)}") in text, f"{path.name}: day {day}'s hours"
            for slot in (s for s in slots if s.day == day and s.kind == "lesson"):
                assert squash(title(course.env, slot.docname)) in text, f"{path.name}: day {day} lacks {slot.docname}"
            numbers = [line.text for line in sheet.lines() if line.text.strip().isdigit()]
            assert numbers == [str(n) for n in range(1, SIGNATURE_ROWS + 1)], numbers
            assert len(sheet.rules) >= SIGNATURE_ROWS, "the rows are ruled to sign in"


def test_the_evaluation_form_asks_about_every_objective(course):
    """Each objective of each lesson, to rate from 1 to 5, and the open questions with room to write."""
    for path in paperwork(course, "evaluation"):
        document = printed(path)
        for docname in course.lessons():
            for objective in course.records[docname].objectives:
                words = ["i", "can", *squash(objective).split()[:6]]  # a cell's first line: the rating follows it
                assert document.find(words), f"{path.name}: no rating of {objective!r}"
        assert sum(len(sheet.writing_lines()) for sheet in document.sheets) >= 3, "room to write the answers"
        assert "1 2 3 4 5" in flat(" ".join(PdfReader(path).pages[0].extract_text().split()))

# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""A workshop that runs as printed, and a self-study edition for one reader.

The schedule is tested on its own (``agenda.layout``); the course is read
from its configuration and environment: its budget, its days, what the
self-study edition prints, and the release story told the same way
everywhere.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from courseware.agenda import day_span, layout
from courseware.config import Schedule, minutes_of
from courseware.structure import Row

from .test_handouts import pdf_text, squash

WORKSHOP = Schedule(start="08:30", end="17:00", lunch_after="12:00", days=2)


def rows(*minutes: int) -> list[Row]:
    return [Row(f"l{i}", m, None) for i, m in enumerate(minutes)]


def check_days(slots, schedule: Schedule) -> None:
    """The day rules: opening, close, evaluation last, buffer, lunch on a round time, length."""
    days = sorted({s.day for s in slots})
    for day in days:
        today = [s for s in slots if s.day == day]
        assert today[0].kind == ("welcome" if day == 1 else "recap"), today[0]
        assert today[-1].kind == "close"
        assert (today[-2].kind == "evaluation") == (day == days[-1])
        assert sum(s.minutes for s in today if s.kind == "buffer") >= schedule.buffer_minutes
        first, last = day_span(slots, day)
        assert last - first <= minutes_of(schedule.end) - minutes_of(schedule.start)
        assert all(s.start % schedule.lunch_round == 0 for s in today if s.kind == "lunch")
        assert [s.kind for s in today].count("lunch") <= 1
        pairs = list(zip(today, today[1:]))
        assert all(b.kind != "break" or a.kind == "lesson" for a, b in pairs), "a break follows a lesson"
        for before, after in zip(today, today[1:]):
            assert before.end == after.start, "no gap and no overlap"


@pytest.mark.parametrize("minutes", [
    (25, 35, 38, 42, 35, 25, 35, 30, 45, 35, 35, 40, 30, 40, 45, 40, 25, 45),  # the course's shape
    (60,) * 9,
    (45, 55, 20, 90, 30, 40, 50, 25),
])
def test_a_workshop_day_has_its_parts_in_place(minutes):
    slots = layout(rows(*minutes), WORKSHOP)
    check_days(slots, WORKSHOP)
    assert [s.docname for s in slots if s.kind == "lesson"] == [f"l{i}" for i in range(len(minutes))]


def test_a_day_that_cannot_hold_the_lessons_moves_them_to_the_next():
    slots = layout(rows(*(60,) * 12), WORKSHOP)
    assert slots[-1].day == 3
    check_days(slots, WORKSHOP)


# -- the course ---------------------------------------------------------------------------


def test_the_course_fits_its_budget_and_its_days(course):
    standard, schedule = course.settings.standard, course.settings.schedule
    total = sum(row.minutes for row in course.rows())
    assert total <= standard.course_minutes
    slots = layout(course.rows(), schedule)
    assert slots[-1].day <= schedule.days
    check_days(slots, schedule)


def test_the_run_sheet_prints_the_workshop_day(course):
    guide = pdf_text(course.pdfs("facilitator")[0])
    for part in ("Welcome and introductions", "Recap of the day before", "Evaluation of the course",
                 "Close of the day", "Buffer: questions, overruns", "Materials for Day 1"):
        assert squash(part) in guide, part
    assert re.search(r"before day 1 pre reading about \d", guide)


def test_group_work_has_time_and_a_version_for_one_reader(course):
    floor = course.settings.standard.group_minutes
    for docname in course.lessons():
        for segment in course.records[docname].segments:
            if segment.mode in ("pairs", "groups"):
                assert segment.minutes >= floor, f"{docname}: {segment.title}"
        assert course.records[docname].cuts, f"{docname} marks nothing to cut"


def test_the_self_study_edition_speaks_to_one_reader(course):
    words = course.settings.standard.classroom_words
    for pdf in course.pdfs("self-study"):
        text = pdf_text(pdf).lower()
        found = sorted({w for w in words if re.search(rf"\b{re.escape(squash(w))}\b", text)})
        assert not found, f"{pdf.name} prints {found}"


def test_the_self_study_edition_gives_the_lab_and_its_checksum(course):
    from coursetools.lab import practice_zip
    from courseware import cache

    digest = hashlib.sha256(practice_zip(cache.folder("lab")).read_bytes()).hexdigest()  # the zip the build read
    for pdf in course.pdfs("self-study"):
        text = pdf_text(pdf)
        assert squash("waybill-practice.zip") in text
        assert digest in text.replace(" ", ""), f"{pdf.name} lacks the zip's checksum"


def test_make_lab_writes_the_zip_whose_checksum_is_printed(published):
    from coursetools.lab import practice_zip
    from courseware import cache

    made = (published.out("lab") / "waybill-practice.zip").read_bytes()
    assert made == practice_zip(cache.folder("lab")).read_bytes()  # the zip the build read


def test_every_finding_of_the_audit_carries_through_the_release_story(course):
    """The lab's key, its module's worksheet and the capstone name every finding of the audit."""
    from coursetools.lab import FINDINGS

    env = course.env
    lab = next(d for d in course.lessons() if "lab-download" in Path(env.doc2path(d)).read_text())
    module = next(r.module for r in course.rows() if r.docname == lab)
    worksheets = [r.docname for r in course.rows() if course.records[r.docname].kind == "worksheet"
                  and r.module in (module, None)]
    assert len(worksheets) >= 2, "the module's worksheet and the capstone"
    for docname in (lab, *worksheets):
        text = " ".join(Path(env.doc2path(docname)).read_text(encoding="utf-8").split()).lower()
        missing = [f.named for f in FINDINGS if f.named.lower() not in text]
        assert not missing, f"{docname} does not carry {missing}"

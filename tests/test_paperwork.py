# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The workshop's paperwork, made from the course's schedule and objectives (nothing typed)."""

from __future__ import annotations

import pytest
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


def labelled(course, part: str) -> tuple[str, list]:
    """The landing page's section the paperwork quotes (by its label), and its list items' texts."""
    from docutils import nodes

    from courseware.handouts.paperwork import SECTIONS

    docname, ident, title = course.env.domaindata["std"]["labels"][SECTIONS[part]]
    section = next(s for s in course.doctree(docname).findall(nodes.section) if ident in s["ids"])
    return title, [item.astext() for item in section.findall(nodes.list_item)]


def course_hours(course) -> str:
    from courseware.agenda import format_minutes

    return format_minutes(sum(row.minutes for row in course.rows()))


def starts(document, text: str) -> bool:
    """Whether the PDF prints the first six words of ``text``."""
    return bool(document.find(squash(text).split()[:6]))


def test_the_certificate_states_hours_and_outcomes_with_room_for_the_name(course):
    _, outcomes = labelled(course, "outcomes")
    assert outcomes, "the landing page lists the outcomes"
    for path in paperwork(course, "certificate"):
        document = printed(path)
        names = course.settings.roster or ("",)
        assert len(document.sheets) == len(names), f"{path.name}: a page per participant"
        for sheet in document.sheets:
            text = squash(sheet.text())
            assert squash(course_hours(course)) in text, f"{path.name}: the hours, from the lessons' durations"
            assert squash(course.env.config.project) in text
        assert all(starts(document, outcome) for outcome in outcomes), f"{path.name}: every outcome"
        if not course.settings.roster:
            assert document.sheets[0].writing_lines(), "a line to write the name on"


def test_the_flyer_is_one_page_with_audience_outcomes_modules_and_needs(course):
    from courseware.agenda import format_minutes
    from courseware.structure import lessons_below, modules, title

    for path in paperwork(course, "flyer"):
        document = printed(path)
        assert len(document.sheets) == 1, f"{path.name}: {len(document.sheets)} pages"
        text = squash(document.text())
        assert squash(course_hours(course)) in text
        for part in ("audience", "outcomes", "prerequisites"):
            heading, items = labelled(course, part)
            assert squash(heading) in text, f"{path.name}: no {part}"
            assert all(starts(document, item) for item in items), f"{path.name}: the {part} cut short"
        for module in modules(course.env):
            minutes = format_minutes(sum(row.minutes for row in lessons_below(course.env, module)))
            assert squash(f"{title(course.env, module)} ({minutes})") in text, f"{path.name}: {module}"


def test_joining_instructions_say_what_to_bring_what_to_read_and_when(course):
    from courseware.agenda import clock, layout
    from courseware.structure import title

    slots = layout(course.rows(), course.settings.schedule)
    _, bring = labelled(course, "bring")
    assert bring, "the landing page says what to bring"
    for path in paperwork(course, "joining"):
        document = printed(path)
        text = squash(document.text())
        assert all(starts(document, item) for item in bring), f"{path.name}: what to bring"
        for slot in slots:
            if slot.kind == "lesson":
                session = title(course.env, slot.docname)
                assert squash(f"{clock(slot.start)} to {clock(slot.end)} {session}") in text, (
                    f"{path.name}: {slot.docname} at its time")
        for docname in course.lessons():
            reading = course.records[docname].reading
            if reading is not None:
                assert squash(title(course.env, docname)) in text, f"{path.name}: the pre-reading of {docname}"
        assert "sha 256 checksum" in text, f"{path.name}: the practice repository, with its checksum"


def test_a_roster_prints_a_certificate_for_each_name(rootdir, tmp_path):
    from shutil import copytree

    from sphinx.testing.util import SphinxTestApp

    srcdir = tmp_path / "src"
    copytree(rootdir / "test-vocabulary", srcdir)
    names = ["Ada Lovelace", "Grace Hopper", "Anaïs Nin"]
    (srcdir / "roster.csv").write_text("Organisation,Name\nLarkspur," + "\nLarkspur,".join(names) + "\n\n",
                                       encoding="utf-8")
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text() + '\ncourseware_roster = "roster.csv"\n'
                    'courseware_handouts = [("index", "certificate.pdf", "Certificate", "learner", "certificate")]\n')
    app = SphinxTestApp("handouts", srcdir=srcdir)
    try:
        app.build()
    finally:
        app.cleanup()
    sheets = printed(srcdir / "_build" / "handouts" / "certificate.pdf").sheets
    assert [name for sheet, name in zip(sheets, names) if squash(name) in squash(sheet.text())] == names
    assert len(sheets) == len(names)


@pytest.mark.parametrize("content, message", [
    (None, "does not exist"),
    ("Organisation,Email\nLarkspur,a@example.org\n", "one of them 'name'"),
    ("Name,Organisation\nAda,Larkspur\n,Larkspur\n", "row 3 of roster.csv has no name"),
    ("Name\n\n", "names nobody"),
    (b"Name\n\xe9t\xe9\n", "not UTF-8"),
])
def test_a_bad_roster_is_one_clear_line(tmp_path, content, message):
    from sphinx.errors import ConfigError

    from courseware.config import from_values

    if isinstance(content, bytes):
        (tmp_path / "roster.csv").write_bytes(content)
    elif content is not None:
        (tmp_path / "roster.csv").write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        from_values({"courseware_roster": "roster.csv"}, tmp_path)

# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The workshop's paperwork, made from the course's own records: nothing in it is typed.

- ``attendance`` layout: a sheet per workshop day (``agenda.layout`` over the schedule), with the
  day's hours and lessons, and numbered rows for each participant's name, organisation and
  signature before and after lunch.
- ``evaluation`` layout: a form with, per module, each lesson objective to rate (1, not reached, to
  5, fully reached), the pace and the materials to rate, and open questions with room to write.
- ``certificate`` layout: a certificate of completion per name of ``courseware_roster`` (one with a
  line for the name without it): the course, its hours from the lessons' durations, the outcomes
  one a line, the date and the facilitator's signature.
- ``flyer`` layout: the course on one page: its length and format, who it is for, the outcomes, the
  modules with their lengths, what a learner needs, and its address online.
- ``joining`` layout: joining instructions: what to bring, the pre-reading of each day with its
  minutes, the lab's practice repository, and each day's schedule.

The flyer, the certificate and the joining instructions quote the landing page's sections by their
labels (``SECTIONS``: MyST's ``(course-outcomes)=`` above the heading), never by their titles.

Each is a doctree of sections, tables and writing space, drawn by the same Typst writer and
templates as every handout (tables with header rows, so the PDF stays PDF/UA-1); the PDF has no
cover and no contents (``handout.typ``'s ``cover: false``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from docutils.utils import new_document
from sphinx.util import logging

from .. import structure
from ..agenda import DAY_PARTS, clock, course_layout, day_span, format_minutes, length_text, reading_lists
from ..config import HandoutDocument, settings
from ..doctree_parts import sentence, table, table_row
from ..practice import lab_download
from ..translations import N_, _, pgettext, within_sentence

if TYPE_CHECKING:
    from sphinx.builders import Builder

logger = logging.getLogger(__name__)

LAYOUTS = ("attendance", "evaluation", "certificate", "flyer", "joining")
#: Paperwork whose every page stands alone (a certificate each, a flyer): no running head, no page number.
STANDALONE = ("certificate", "flyer")
#: The landing page's sections the paperwork quotes, by label.
SECTIONS = {
    "audience": "course-audience",
    "outcomes": "course-outcomes",
    "prerequisites": "course-prerequisites",
    "bring": "course-bring",
    "lab-setup": "lab-setup",  # a container (MyST ``:name: lab-setup``): the lab's set-up before the day
}
#: A quoted section's title where nothing is labelled for it (a warning says so).
UNLABELLED = {"audience": N_("Audience"), "outcomes": N_("Outcomes"), "prerequisites": N_("Prerequisites"),
              "bring": N_("Bring"), "lab-setup": N_("The lab's set-up")}
#: Rows to sign on each day's sheet, and lines to write under each open question.
SIGNATURE_ROWS = 15
ANSWER_LINES = 4
RATINGS = ("1", "2", "3", "4", "5")
OPEN_QUESTIONS = (
    N_("What will you use first in your own work, and when?"),
    N_("What was missing, or took too long?"),
    N_("What would you tell a colleague about this course?"),
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
        sheet = _section(f"cw-attendance-day-{day}", _("{title}: day {day}").format(title=document.title, day=day),
                         page=True)
        values = {"course": env.config.project, "day": day, "start": clock(start), "end": clock(end),
                  "lessons": ", ".join(lessons)}
        if lunch:
            line = _("{course}. Day {day}, {start} to {end}; lunch at {lunch}. Lessons: {lessons}.").format(
                lunch=clock(lunch.start), **values)
        else:
            line = _("{course}. Day {day}, {start} to {end}. Lessons: {lessons}.").format(**values)
        sheet += nodes.paragraph("", line)
        sheet += nodes.paragraph("", _("Date: ____________    Facilitator: ______________________________"))
        # Translators: the attendance sheet's columns; "No." heads the participants' row numbers
        columns = [(_("No."), 4, []), (_("Name"), 28, []), (_("Organisation"), 24, []),
                   (_("Signature, morning") if lunch else _("Signature"), 22, []),
                   *([(_("Signature, afternoon"), 22, [])] if lunch else [])]
        rows = [table_row([str(number)] + [""] * (len(columns) - 1)) for number in range(1, SIGNATURE_ROWS + 1)]
        sheet += table(columns, rows, ["cw-signatures"])
        sheets.append(sheet)
    return sheets


def evaluation(builder: Builder, document: HandoutDocument) -> list[nodes.section]:
    env = builder.env
    form = _section("cw-evaluation", document.title, page=True)
    form += nodes.paragraph("", _("{course}. For each statement, circle one number: 1 means not at all, 5 means "
                                  "fully. Your answers are anonymous unless you sign them.").format(
                                      course=env.config.project))
    groups: dict[str, list[str]] = {}
    for row in structure.lessons_below(env, document.start):
        groups.setdefault(row.module or row.docname, []).append(row.docname)
    for number, (group, lessons) in enumerate(groups.items(), 1):
        part = _section(f"cw-evaluation-{number}", structure.title(env, group))
        rows = []
        for docname in lessons:
            lesson = structure.lesson(env, docname)
            for objective in lesson.objectives if lesson else ():
                statement = _("I can: {objective}").format(objective=within_sentence(objective, env.config.language))
                rows.append(table_row([statement, *RATINGS]))
        rows.append(table_row([_("The pace of this part suited me."), *RATINGS]))
        rows.append(table_row([_("Its materials (slides, handouts, exercises) helped me."), *RATINGS]))
        part += table([(_("Statement"), 60, [])] + [(rating, 5, []) for rating in RATINGS], rows, ["cw-evaluation"])
        form += part
    closing = _section("cw-evaluation-open", _("In your own words"))
    for question in OPEN_QUESTIONS:
        closing += nodes.paragraph("", _(question))
        closing += _writing_space(ANSWER_LINES)
    form += closing
    return [form]


def _quoted(builder: Builder, document: HandoutDocument, part: str) -> tuple[str, list[nodes.Node]]:
    """The title and a copy of the body of the section (or element) labelled ``SECTIONS[part]``; a warning
    if none is."""
    label = SECTIONS[part]
    domain = builder.env.domains.standard_domain
    docname, ident, title = domain.labels.get(label) or (*domain.anonlabels.get(label, (None, None)), "")
    if docname is None:
        logger.warning("%s: nothing is labelled %r; write (%s)= above the heading of the course's %s",
                       document.filename, label, label, part, type="courseware", subtype="handouts")
        return _(UNLABELLED[part]), []
    element = next(e for e in builder.env.get_doctree(docname).findall(nodes.Element) if ident in e["ids"])
    parts = [child for child in element.children if not isinstance(child, nodes.title)]
    return title, structure.copied(parts, docname, document.start)


def _outcomes(builder: Builder, document: HandoutDocument) -> list[nodes.Node]:
    _title, body = _quoted(builder, document, "outcomes")
    return [node for node in body if isinstance(node, nodes.bullet_list)][:1] or body


def _length(env) -> tuple[str, str]:
    """The course's hours of instruction, from the lessons' durations, and its days as a workshop."""
    return length_text(env, "course"), length_text(env, "days")


def certificate(builder: Builder, document: HandoutDocument) -> list[nodes.section]:
    env = builder.env
    hours, days = _length(env)
    outcomes = _outcomes(builder, document)
    pages = []
    for number, name in enumerate(settings(env.config).roster or ("",), 1):
        page = _section(f"cw-certificate-{number}", document.title, page=True)
        box = nodes.container(classes=["cw-certificate"])
        box += nodes.paragraph("", _("This certifies that"))
        box += nodes.paragraph("", name, classes=["cw-certificate-name"])  # empty: a line to write it on
        box += nodes.paragraph("", "", *sentence(
            # Translators: the certificate, after the participant's name; {course} is the course's name, in bold
            _("has completed {course}, {hours} of instruction over {days}, and can now:"),
            course=nodes.strong("", env.config.project), hours=hours, days=days))
        box += [node.deepcopy() for node in outcomes]
        box += nodes.paragraph("", _("Date: ______________    Facilitator: ______________________    "
                                     "Signature: ______________________"), classes=["cw-certificate-signatures"])
        page += box
        pages.append(page)
    return pages


def flyer(builder: Builder, document: HandoutDocument) -> list[nodes.section]:
    env = builder.env
    hours, days = _length(env)
    page = _section("cw-flyer", env.config.project, page=True)
    page += nodes.paragraph("", "", *sentence(
        # Translators: the flyer's first line; {length} is "{hours} of instruction", in bold
        _("{length}, as a workshop of {days} or lesson by lesson, online or on paper."),
        length=nodes.strong("", _("{hours} of instruction").format(hours=hours)), days=days))
    for part in ("audience", "outcomes"):
        title, body = _quoted(builder, document, part)
        section = _section(f"cw-flyer-{part}", title)
        section += body
        page += section
    modules = _section("cw-flyer-modules", _("Modules"))
    items = nodes.bullet_list()
    for module in structure.modules(env):
        line = f"{structure.title(env, module)} ({length_text(env, module)})"
        items += nodes.list_item("", nodes.paragraph("", line))
    others = [row for row in structure.lessons_below(env, env.config.root_doc) if row.module is None]
    if others:  # the introduction and the capstone, outside the modules
        titles = "; ".join(structure.title(env, row.docname) for row in others)
        items += nodes.list_item("", nodes.paragraph(
            "", _("Besides the modules: {titles} ({length})").format(
                titles=titles, length=format_minutes(sum(row.minutes for row in others)))))
    modules += items
    page += modules
    title, body = _quoted(builder, document, "prerequisites")
    needs = _section("cw-flyer-prerequisites", title)
    needs += body
    page += needs
    base = settings(env.config).base_url
    if base:
        page += nodes.paragraph("", "", *sentence(_("The course online: {address}"),
                                                   address=nodes.reference("", base, refuri=base)))
    return [page]


def _day_schedule(env, day: int) -> nodes.table:
    rows = []
    for slot in (s for s in course_layout(env) if s.day == day):
        what = structure.title(env, slot.docname) if slot.kind == "lesson" else _(DAY_PARTS[slot.kind])
        rows.append(table_row([_("{start} to {end}").format(start=clock(slot.start), end=clock(slot.end)), what],
                              classes=[] if slot.kind == "lesson" else ["cw-run-break"]))
    # Translators: the column of the clock times each session runs, "09:00 to 10:30"
    return table([(pgettext("clock", "Time"), 22, []), (_("Session"), 78, [])], rows, ["cw-joining-schedule"])


def joining(builder: Builder, document: HandoutDocument) -> list[nodes.section]:
    env = builder.env
    hours, days = _length(env)
    page = _section("cw-joining", document.title, page=True)
    page += nodes.paragraph("", "", *sentence(
        # Translators: the joining instructions' first line; {course} is the course's name, in bold
        _("{course}: a workshop of {days}, {hours} of instruction."),
        course=nodes.strong("", env.config.project), days=days, hours=hours))
    page += nodes.paragraph("", _("Dates: ________________________    Place: ________________________________"))
    page += nodes.paragraph("", _("Facilitator: ____________________    Contact: ______________________________"))
    title, body = _quoted(builder, document, "bring")
    bring = _section("cw-joining-bring", title)
    bring += body
    page += bring
    before = _section("cw-joining-before", _("Before the day"))
    before += reading_lists(env, document.start, structure.lessons_below(env, env.config.root_doc))
    page += before
    _title, setup = _quoted(builder, document, "lab-setup")
    if setup or settings(env.config).lab_url:
        lab = _section("cw-joining-lab", _("The lab's set-up"))
        if settings(env.config).lab_url:
            lab += lab_download()
        lab += setup
        page += lab
    for day in sorted({slot.day for slot in course_layout(env)}):
        schedule = _section(f"cw-joining-day-{day}", _("Day {day}").format(day=day))
        schedule += _day_schedule(env, day)
        page += schedule
    return [page]


MAKERS = {"attendance": attendance, "evaluation": evaluation, "certificate": certificate, "flyer": flyer,
          "joining": joining}


def assemble_paperwork(builder: Builder, document: HandoutDocument) -> nodes.document:
    """The paper's doctree, its links and references resolved as a page's are."""
    tree = new_document(document.start, builder.docsettings)
    tree["docname"] = document.start
    for section in MAKERS[document.layout](builder, document):
        tree += section
    builder.env.resolve_references(tree, document.start, builder)
    return tree

# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""``agenda``: a schedule table computed from every lesson's ``duration``.

The directive leaves a placeholder; a post-transform fills it when the page
is written, from the toctree below the page: one row per lesson (linked),
module subtotals and a total. The "starts at" column is for facilitators:
the HTML course shows it in facilitator view, the facilitator guide prints
it, learner editions leave it out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .directive import CourseDirective
from .lesson import depends_on_all_lessons, lesson_duration
from .writers import FACILITATOR, SKIP, add_node

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


class agenda(nodes.General, nodes.Element):
    """Placeholder for the schedule of the lessons below this page."""


class Agenda(CourseDirective):
    has_content = False

    def run(self) -> list[nodes.Node]:
        node = agenda(docname=self.env.docname)
        self.block(node)
        depends_on_all_lessons(self.env, self.env.docname)
        return [node]


@dataclass
class Row:
    docname: str
    minutes: int
    module: str | None  #: docname of the module page holding the lesson


def children(env: BuildEnvironment, docname: str) -> list[str]:
    return env.toctree_includes.get(docname, [])


def lessons_below(env: BuildEnvironment, docname: str) -> list[Row]:
    """Lessons in toctree order below ``docname``, each with its module page."""
    rows: list[Row] = []

    def walk(doc: str, module: str | None, seen: set[str]) -> None:
        for child in children(env, doc):
            if child in seen:
                continue
            seen.add(child)
            minutes = lesson_duration(env, child)
            if minutes is not None:
                rows.append(Row(child, minutes, module))
            else:
                walk(child, child if module is None else module, seen)

    walk(docname, None, {docname})
    return rows


def clock(start: str, minutes: int) -> str:
    hours, mins = (int(part) for part in start.split(":"))
    total = hours * 60 + mins + minutes
    return f"{total // 60:02d}:{total % 60:02d}"


def format_minutes(minutes: int) -> str:
    hours, mins = divmod(minutes, 60)
    if not hours:
        return f"{mins} min"
    return f"{hours} h {mins:02d} min" if mins else f"{hours} h"


class FillAgenda(SphinxPostTransform):
    default_priority = 5  # before references are resolved: the rows hold pending_xrefs

    def run(self, **kwargs) -> None:
        for node in list(self.document.findall(agenda)):
            rows = lessons_below(self.env, node["docname"])
            node.replace_self(self.table(rows) if rows else nodes.paragraph(text="No lessons yet."))

    def link(self, docname: str) -> nodes.Node:
        ref = addnodes.pending_xref(
            "", refdomain="std", reftype="doc", reftarget="/" + docname,
            refdoc=self.env.docname, refexplicit=True, refwarn=True,
        )
        ref += nodes.inline("", self.env.titles[docname].astext())
        return ref

    def table(self, rows: list[Row]) -> nodes.table:
        config = self.config
        table = nodes.table(classes=["cw-agenda"])
        group = nodes.tgroup(cols=3)
        table += group
        group += nodes.colspec(colwidth=70)
        group += nodes.colspec(colwidth=15)
        group += nodes.colspec(colwidth=15, classes=[FACILITATOR])
        head = nodes.thead()
        group += head
        head += self.row("Session", "Time", "Starts at", header=True)
        body = nodes.tbody()
        group += body
        day, elapsed, total, module_total = 1, 0, 0, 0
        multi_day = sum(r.minutes for r in rows) > config.courseware_agenda_day_minutes
        for index, row in enumerate(rows):
            if index == 0 or row.module != rows[index - 1].module:
                if row.module:
                    body += self.row(self.link(row.module), "", "", classes=["cw-agenda-module"])
                module_total = 0
            if elapsed + row.minutes > config.courseware_agenda_day_minutes and elapsed:
                day, elapsed = day + 1, 0
            start = clock(config.courseware_agenda_start, elapsed)
            body += self.row(
                self.link(row.docname), format_minutes(row.minutes),
                f"Day {day}, {start}" if multi_day else start,
            )
            elapsed += row.minutes
            total += row.minutes
            module_total += row.minutes
            last_of_module = index + 1 == len(rows) or rows[index + 1].module != row.module
            if row.module and last_of_module:
                body += self.row("Module total", format_minutes(module_total), "", classes=["cw-agenda-subtotal"])
        body += self.row("Course total", format_minutes(total), "", classes=["cw-agenda-total"])
        return table

    @staticmethod
    def row(first, second: str, third: str, header: bool = False, classes=()) -> nodes.row:
        row = nodes.row(classes=list(classes))
        for index, value in enumerate((first, second, third)):
            entry = nodes.entry(classes=[FACILITATOR] if index == 2 else [])
            content = value if isinstance(value, nodes.Node) else nodes.Text(value)
            entry += nodes.paragraph("", "", content)
            row += entry
        return row


def setup_agenda(app: Sphinx) -> None:
    add_node(app, agenda, html=SKIP, latex=SKIP, text=SKIP, man=SKIP, texinfo=SKIP)
    app.add_directive("agenda", Agenda)
    app.add_post_transform(FillAgenda)

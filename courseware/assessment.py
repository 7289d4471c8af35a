# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""``assessment-map``: which question or activity assesses which objective, lesson by lesson.

The directive leaves a placeholder; when the page is written, a post-transform
draws one table per lesson from the lessons' records (objectives, questions
and activities with their ``:objective:``): objectives down, questions (Q1...)
and activities (A1...) across, a mark where one assesses the other. The build
already refuses a lesson whose objective nothing assesses
(``standard.py``); this map shows the whole picture to the people who
plan and review the course.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from . import structure
from .directive import PlaceholderDirective
from .doctree_parts import doc_link, table, table_row
from .outputs import SKIPPED_EVERYWHERE, add_node
from .translations import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx

MARK = "\u25cf"


class assessment_map(nodes.General, nodes.Element):
    """Placeholder for the assessment map of every lesson."""


class AssessmentMap(PlaceholderDirective):
    node_class = assessment_map


class FillAssessmentMap(SphinxPostTransform):
    default_priority = 5  # before references are resolved: headings hold pending_xrefs

    def run(self, **kwargs) -> None:
        for node in list(self.document.findall(assessment_map)):
            node.replace_self(self.tables())

    def tables(self) -> list[nodes.Node]:
        parts: list[nodes.Node] = []
        for row in structure.lessons_below(self.env, self.config.root_doc):
            lesson = structure.lesson(self.env, row.docname)
            # Q1, Q2: the knowledge check's questions; A1, A2: the activities (the legend below names them)
            # Translators: a column of the assessment map, short: question 1 of the knowledge check
            questions = [(_("Q{number}").format(number=i), q.objectives) for i, q in enumerate(lesson.questions, 1)]
            # Translators: a column of the assessment map, short: activity 1 (an exercise or a discussion)
            activities = [(_("A{number}").format(number=i), objectives)
                          for i, (_title, objectives) in enumerate(lesson.activities, 1)]
            columns = questions + activities
            heading = nodes.paragraph("", "", doc_link(self.env, self.env.docname, row.docname),
                                      classes=["cw-map-lesson"])
            rows = []
            for number, objective in enumerate(lesson.objectives, 1):
                cells = [f"{number}. {objective}"] + [MARK if number in assessed else "" for _name, assessed in columns]
                rows.append(table_row(cells))
            widths = [40] + [max(3, 60 // max(1, len(columns)))] * len(columns)
            parts.append(heading)
            parts.append(table([(_("Objective"), widths[0], [])] + [(name, w, ["cw-map-mark"])
                                                                for (name, _assessed), w in zip(columns, widths[1:])],
                               rows, ["cw-assessment-map"]))
            if lesson.activities:
                legend = "; ".join(_("{column}: {activity}").format(column=column[0], activity=title)
                                   for column, (title, _assessed) in zip(activities, lesson.activities))
                parts.append(nodes.paragraph(text=legend, classes=["cw-map-legend"]))
        return parts


def setup_assessment(app: Sphinx) -> None:
    add_node(app, assessment_map, **SKIPPED_EVERYWHERE)
    app.add_directive("assessment-map", AssessmentMap)
    app.add_post_transform(FillAssessmentMap)

# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Activities: ``exercise`` (with an optional ``solution``), ``discussion``, and ``solo``.

Our own small directives, not sphinx-exercise: its section-wrapped bodies
break decks. In the HTML course the solution is folded; decks give each
activity its own slide without the solution (``slides/``); printed handouts
get ruled space to write, and the solution in the editions that keep
answers (``handouts/render.py``).

An activity done with others (``:mode:`` pairs, groups or plenary) holds a
``solo`` block: the same task for a reader alone, with the same objective
and model answer. What stands before the ``solo`` block is the group prompt;
what follows it (a list of parts, a table) is the task of both versions. The
self-study edition prints the solo version instead of the group prompt
(``handouts/editions.py``); the HTML course folds it under the prompt;
classroom editions and decks leave it out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging

from .directive import CourseDirective, Options, mode, objective_list
from .outputs import ANSWER, FACILITATOR_ONLY, add_node, html_box
from .translations import N_, _
from .typst_markup import typst_block

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

DEFAULT_LINES = 8
#: Modes in which an activity needs other people, and so a ``solo`` version.
TOGETHER = ("pairs", "groups", "plenary")
#: Class of the version of an activity for a reader alone.
SOLO = "cw-solo"


class exercise(nodes.General, nodes.Element):
    """A task for learners; ``label`` is its title, ``minutes`` its time."""


class discussion(nodes.General, nodes.Element):
    """A question for the room or a group; ``label`` is its title."""


class solution(nodes.General, nodes.Element):
    """What a good answer contains, for the facilitator and self-study."""


class solo(nodes.General, nodes.Element):
    """The activity for a reader alone: printed instead of the group prompt in the self-study edition."""


class _Activity(CourseDirective):
    required_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = Options({
        **CourseDirective.option_spec,
        "minutes": directives.positive_int,
        "lines": directives.nonnegative_int,
        "objective": objective_list,
        "mode": mode,
    })
    node_class: type[nodes.Element]
    label: str  #: the block's label, with the title as ``{title}`` (a message marked with ``N_``)
    default_mode: str

    def run(self) -> list[nodes.Node]:
        node = self.node_class(
            label=_(self.label).format(title=self.arguments[0]),
            title=self.arguments[0],
        )
        self.block(node)
        node["minutes"] = self.options.get("minutes")
        node["lines"] = self.options.get("lines", DEFAULT_LINES)
        node["objectives"] = self.options.get("objective", ())
        node["mode"] = self.options.get("mode", self.default_mode)
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


class Exercise(_Activity):
    node_class = exercise
    label = N_("Exercise: {title}")
    default_mode = "solo"


class Discussion(_Activity):
    node_class = discussion
    label = N_("Discussion: {title}")
    default_mode = "plenary"


class _Part(CourseDirective):
    """A part of an activity: its content, in a node of ``node_class`` with the class ``marks``."""

    has_content = True
    node_class: type[nodes.Element]
    marks: str

    def run(self) -> list[nodes.Node]:
        node = self.node_class(classes=[self.marks])
        self.block(node)
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


class Solution(_Part):
    node_class, marks = solution, ANSWER


class Solo(_Part):
    node_class, marks = solo, SOLO


def visit_solo_html(self, node):
    self.body.append(self.starttag(node, "details", CLASS="cw-solo-version"))
    label = self.encode(_("Studying alone? Do this instead"))  # not in the f-string, where extraction misses it
    self.body.append(f'<summary class="cw-box-label">{label}</summary>\n')


def visit_solution_html(self, node):
    self.body.append(self.starttag(node, "details", CLASS="cw-solution"))
    label = self.encode(_("Solution"))
    self.body.append(f'<summary class="cw-box-label">{label}</summary>\n')


def depart_solution_html(self, node):
    self.body.append("</details>\n")


def setup_activities(app: Sphinx) -> None:
    add_node(app, exercise, html=html_box("exercise"), typst=typst_block("exercise"))
    add_node(app, discussion, html=html_box("discussion"), typst=typst_block("discussion"))
    add_node(app, solution, html=(visit_solution_html, depart_solution_html), **FACILITATOR_ONLY)
    add_node(app, solo, html=(visit_solo_html, depart_solution_html), **FACILITATOR_ONLY)
    app.add_directive("exercise", Exercise)
    app.add_directive("discussion", Discussion)
    app.add_directive("solution", Solution)
    app.add_directive("solo", Solo)

# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""How each course node is drawn on a slide.

Decks are HTML, so sphinx-revealjs would otherwise draw course nodes with
the HTML course's visitors (boxes, folds, a quiz form). Every course node
gets deck behaviour here instead:

- ``slide``: unwrapped, its bullets or figure are the slide's body;
- ``notes`` and a question's explanation: speaker notes (``<aside class="notes">``);
- ``solution``, ``solo``, ``prepare``, ``prereading`` and ``cut``: never on a slide;
- ``exercise`` and ``discussion``: their task, without the solution, and
  without a question nested in them (questions get slides of their own);
- ``question``: the stem and the options; the right option is marked on the
  next step (a fragment), the explanation goes to the notes;
- ``objectives``, ``keypoints``, ``quiz``: their list, no box.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from ..activities import discussion, exercise, solo, solution
from ..blocks import notes, slide
from ..lesson import cut, keypoints, objectives, prepare, prereading
from ..outputs import PASS_THROUGH, SKIP
from ..quiz import question, quiz, quiz_explanation, quiz_option
from ..structure import ancestors
from ..translations import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def visit_notes(self, node):
    self.body.append('<aside class="notes">\n')


def depart_notes(self, node):
    self.body.append("</aside>\n")


def visit_activity(self, node):
    self.body.append(self.starttag(node, "div", CLASS="cw-activity"))


def depart_activity(self, node):
    self.body.append("</div>\n")


def visit_option(self, node):
    if not isinstance(node.previous_sibling(), quiz_option):
        self.body.append('<ol class="cw-options">\n')
    cls = "cw-option cw-correct" if node["correct"] else "cw-option"
    self.body.append(f'<li class="{cls}"><span class="cw-letter">{node["letter"]}</span> ')


def depart_option(self, node):
    if node["correct"]:
        # Translators: beside a knowledge check's right option on a slide, shown on the next step.
        mark = _("answer")
        self.body.append(f' <span class="fragment cw-answer-mark">\u2714 {self.encode(mark)}</span>')
    self.body.append("</li>\n")
    if not isinstance(node.next_node(descend=False, siblings=True), quiz_option):
        self.body.append("</ol>\n")


def _skip_in_activity(node) -> None:
    """A question or quiz inside an activity has a slide of its own: not here."""
    if any(isinstance(a, (exercise, discussion)) for a in ancestors(node)):
        raise nodes.SkipNode


def visit_question(self, node):
    _skip_in_activity(node)
    self.body.append(self.starttag(node, "div", CLASS="cw-question"))


def depart_question(self, node):
    self.body.append("</div>\n")


def visit_quiz(self, node):
    _skip_in_activity(node)


DECK_VISITORS = {
    slide: PASS_THROUGH,
    notes: (visit_notes, depart_notes),
    quiz_explanation: (visit_notes, depart_notes),
    solution: SKIP,
    prepare: SKIP,
    solo: SKIP,
    prereading: SKIP,
    cut: SKIP,
    exercise: (visit_activity, depart_activity),
    discussion: (visit_activity, depart_activity),
    question: (visit_question, depart_question),
    quiz: (visit_quiz, None),
    quiz_option: (visit_option, depart_option),
    objectives: PASS_THROUGH,
    keypoints: PASS_THROUGH,
}


def register_deck_visitors(app: Sphinx) -> None:
    for node, visitors in DECK_VISITORS.items():
        app.add_node(node, override=True, revealjs=visitors, dirrevealjs=visitors)

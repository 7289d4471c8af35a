# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Knowledge checks: ``quiz`` holding ``question`` blocks.

A question is written as::

    ::::{question} The question, on one line?
    - [ ] A wrong option
    - [x] The one correct option
    - [ ] Another wrong option

    Why the correct option is right and the others are wrong.
    ::::

The HTML course lets a learner pick an option and see at once whether it is
right and why (``static/courseware.js``, no network, no third-party code).
Learner PDFs show the questions only; the facilitator guide shows the answer
and the explanation. Decks show the question; the answer is in the notes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util import logging

from .directive import CourseDirective, Options, objective_list
from .doctree_parts import sentence
from .outputs import ANSWER, FACILITATOR_ONLY, add_node, html_box
from .translations import _
from .typst_markup import typst_block

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

_MARK = re.compile(r"^\[( |x|X)\]\s*")
LETTERS = "ABCDEFGH"


class quiz(nodes.General, nodes.Element):
    """A knowledge check: a list of questions."""


class question(nodes.General, nodes.Element):
    """One multiple-choice question; ``stem`` is its text, ``ids`` its form name."""


class quiz_option(nodes.General, nodes.Element):
    """One option of a question; ``correct`` marks the right one."""


class quiz_explanation(nodes.General, nodes.Element):
    """The answer and why: facilitator-only in print."""


class Quiz(CourseDirective):
    has_content = True

    def run(self) -> list[nodes.Node]:
        node = quiz()
        self.block(node)
        self.state.nested_parse(self.content, self.content_offset, node)
        found = [child for child in node.children if isinstance(child, question)]
        if not found:
            logger.warning(
                "'quiz' holds no 'question' blocks", location=node,
                type="courseware", subtype="quiz",
            )
        for number, item in enumerate(found, 1):  # numbered, so an answer can name its question
            item["number"] = number
            stem = next((c for c in item.children if "cw-stem" in c.get("classes", ())), None)
            if stem is not None:
                stem.insert(0, nodes.inline("", f"{number}. ", classes=["cw-question-number"]))
        return [node]


class Question(CourseDirective):
    option_spec = Options({**CourseDirective.option_spec, "objective": objective_list})
    required_arguments = 1
    final_argument_whitespace = True
    has_content = True

    def run(self) -> list[nodes.Node]:
        serial = self.env.new_serialno("cw-question")
        node = question(stem=self.arguments[0])
        node["ids"].append(f"cw-q-{serial}")
        self.block(node)
        node["objectives"] = self.options.get("objective", ())
        body = nodes.Element()
        self.state.nested_parse(self.content, self.content_offset, body)
        options = next((c for c in body.children if isinstance(c, nodes.bullet_list)), None)
        if options is None:
            self._warn(node, "'question' needs a bullet list of options, each starting '[x]' or '[ ]'")
            return [node]
        inline, messages = self.parse_inline(self.arguments[0], lineno=self.lineno)
        node += nodes.paragraph("", "", *inline, classes=["cw-stem"])
        node += messages
        correct = 0
        for index, item in enumerate(options.children):
            option = self._option(item, node)
            if option is None:
                return [node]
            option["letter"] = LETTERS[index] if index < len(LETTERS) else str(index + 1)
            correct += option["correct"]
            node += option
        if correct != 1:
            self._warn(node, f"'question' needs exactly one correct option marked '[x]', found {correct}")
        explanation = quiz_explanation(classes=[ANSWER])
        right = next((o for o in node.findall(quiz_option) if o["correct"]), None)
        key = nodes.strong("", _("Answer: {letter}.").format(letter=right["letter"] if right else "?"))
        if right is None:
            explanation += nodes.paragraph("", "", key)
        else:  # the option's words, not only its letter: the answer is read apart from the question
            # Translators: "Answer: B." and the words of option B, in the language's quotation marks
            explanation += nodes.paragraph("", "", *sentence(_("{answer} \u201c{option}\u201d"), answer=key,
                                                             option=[c.deepcopy() for c in right.children]))
        explanation += [c for c in body.children if c is not options]
        if len(explanation.children) == 1:
            self._warn(node, "'question' needs an explanation after its options")
        node += explanation
        return [node]

    def _option(self, item: nodes.list_item, node: question) -> quiz_option | None:
        first = item.children[0] if len(item.children) == 1 else None
        text = first.children[0] if isinstance(first, nodes.paragraph) and first.children else None
        match = _MARK.match(text.astext()) if isinstance(text, nodes.Text) else None
        if match is None:
            self._warn(node, "each option is one line starting with '[x]' (the correct one) or '[ ]'")
            return None
        first.replace(text, nodes.Text(text.astext()[match.end():]))
        option = quiz_option(correct=match.group(1).lower() == "x")
        option += first.children
        return option

    def _warn(self, node: nodes.Node, message: str) -> None:
        logger.warning(message, location=node, type="courseware", subtype="quiz")


def visit_question_html(self, node):
    self.body.append(self.starttag(node, "fieldset", CLASS="cw-question"))


def depart_question_html(self, node):
    self.body.append("</fieldset>\n")


def visit_option_html(self, node):
    if not isinstance(node.previous_sibling(), quiz_option):
        self.body.append('<ol class="cw-options">\n')
    name = node.parent["ids"][0]
    correct = ' data-correct="true"' if node["correct"] else ""
    cls = "cw-option cw-correct" if node["correct"] else "cw-option"
    self.body.append(
        f'<li class="{cls}"><label><input type="radio" name="{name}" '
        f'value="{node["letter"]}"{correct}> <span class="cw-letter">{node["letter"]}</span> '
    )


def depart_option_html(self, node):
    self.body.append("</label></li>\n")
    if not isinstance(node.next_node(descend=False, siblings=True), quiz_option):
        self.body.append('</ol>\n<p class="cw-feedback" aria-live="polite"></p>\n')


def visit_explanation_html(self, node):
    self.body.append(self.starttag(node, "details", CLASS="cw-explanation"))
    label = self.encode(_("Show the answer"))  # not inside the f-string: the catalogue's extraction would miss it
    self.body.append(f"<summary>{label}</summary>\n")


def depart_explanation_html(self, node):
    self.body.append("</details>\n")


def setup_quiz(app: Sphinx) -> None:
    # it stands under its own "Knowledge check" heading
    add_node(app, quiz, html=html_box("quiz"), typst=typst_block("quiz"))
    add_node(app, question, html=(visit_question_html, depart_question_html))
    add_node(app, quiz_option, html=(visit_option_html, depart_option_html))
    add_node(app, quiz_explanation, html=(visit_explanation_html, depart_explanation_html), **FACILITATOR_ONLY)
    app.add_directive("quiz", Quiz)
    app.add_directive("question", Question)

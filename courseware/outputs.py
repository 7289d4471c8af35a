# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""What each output is, named once: its builders, the classes the editions filter on, and how course
nodes are registered with every writer.

Every course node is registered for html, typst, latex, text, man and texinfo, so no
builder meets a node it cannot write. The decks inherit the html visitors; the
handouts builder has format "typst" and writes through the ``typst=`` visitors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from docutils import nodes

from .translations import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx

Visitor = tuple[Callable, Callable | None]

#: Class of every element that only facilitators see. The HTML course hides
#: it until the reader turns on facilitator view; learner PDFs leave it out.
FACILITATOR = "cw-facilitator"
#: Class of answers (solutions, quiz explanations): folded in the HTML course,
#: where self-study learners check their work; left out of learner PDFs.
ANSWER = "cw-answer"
#: Class of every element only learners' printed editions need (space to write).
#: The facilitator edition leaves it out.
LEARNER = "cw-learner"
#: Class that marks the right option of a question in print; editions without
#: answers drop the class (the option stays).
KEY = "cw-key"


def _pass(self, node):
    pass


def _skip(self, node):
    raise nodes.SkipNode


PASS_THROUGH: Visitor = (_pass, _pass)
SKIP: Visitor = (_skip, None)


#: The builders of each output, named once: a post-transform for one output filters on these.
HTML_BUILDERS = ("html", "dirhtml")
DECK_BUILDERS = ("revealjs", "dirrevealjs")
PRINT_BUILDERS = ("handouts",)

#: The writers besides html (which the decks and handouts inherit) that every course node is registered for.
OTHER_WRITERS = ("latex", "text", "man", "texinfo")
#: What each skipping node is in every writer (a node that post-transforms replace before writing).
SKIPPED_EVERYWHERE: dict[str, Visitor] = {w: SKIP for w in ("html", "typst", *OTHER_WRITERS)}
#: For the other writers: a block only facilitators see (notes, slide bullets, answers, cuts, preparation,
#: the solo version) is left out. A text, LaTeX, man or Texinfo build reads like the classroom learner
#: edition; the facilitator guide and the self-study edition are the handouts builder's.
FACILITATOR_ONLY: dict[str, Visitor] = {w: SKIP for w in OTHER_WRITERS}


def add_node(app: Sphinx, node: type[nodes.Element], html: Visitor, **others: Visitor) -> None:
    """Register ``node`` with ``html`` visitors and plain fallbacks for other writers (``typst`` included)."""
    writers = {w: PASS_THROUGH for w in ("typst", *OTHER_WRITERS)}
    writers.update(others)
    app.add_node(node, html=html, **writers)


def html_box(kind: str, label: str | None = None, tag: str = "div") -> Visitor:
    """Visitors that wrap a node in ``<tag class="cw-box cw-KIND">`` with a label line.

    The label comes from ``node['label']`` when set (in the course's language already), else ``label``, a
    message marked with ``N_`` and translated here.
    """

    def visit(self, node):
        self.body.append(self.starttag(node, tag, CLASS=f"cw-box cw-{kind}"))
        text = node.get("label") or (_(label) if label else None)
        if text:
            self.body.append(f'<p class="cw-box-label">{self.encode(text)}')
            if node.get("minutes"):
                minutes = _("{minutes} min").format(minutes=node["minutes"])
                self.body.append(f' <span class="cw-minutes">{self.encode(minutes)}</span>')
            self.body.append("</p>\n")

    def depart(self, node):
        self.body.append(f"</{tag}>\n")

    return visit, depart


def has_class(node: nodes.Node, name: str) -> bool:
    return isinstance(node, nodes.Element) and name in node.get("classes", [])

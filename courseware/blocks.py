# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""``slide`` and ``notes``: what the room sees and what only the facilitator reads.

Both directives emit plain nodes; each output decides what to do with them:

- HTML course: both hidden until the reader turns on facilitator view.
- Decks (``slides/``): a ``slide`` block becomes the body of its section's
  slide; ``notes`` become speaker notes (press S).
- Handouts: ``slide`` blocks are left out; ``notes`` only in the facilitator edition.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging

from .directive import CourseDirective, Options
from .outputs import FACILITATOR, FACILITATOR_ONLY, add_node, html_box
from .translations import N_
from .typst_markup import typst_block

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)


class slide(nodes.General, nodes.Element):
    """The body of a section's slide: short bullets or one figure."""


class notes(nodes.General, nodes.Element):
    """Facilitator notes: talking points, a question for the room, timing."""


class _Block(CourseDirective):
    has_content = True
    node_class: type[nodes.Element]

    def run(self) -> list[nodes.Node]:
        node = self.node_class(classes=[FACILITATOR])
        self.block(node)
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


class Slide(_Block):
    """``:minutes:`` is the time the section's slide stays up (what can be cut is a ``cut`` block)."""

    node_class = slide
    option_spec = Options({
        **CourseDirective.option_spec,
        "minutes": directives.positive_int,
    })

    def run(self) -> list[nodes.Node]:
        (node,) = super().run()
        node["minutes"] = self.options.get("minutes")
        return [node]


class Notes(_Block):
    node_class = notes


def setup_blocks(app: Sphinx) -> None:
    # the labels are translated where each block is written
    add_node(app, slide, html=html_box("slide", N_("On the slide")), typst=typst_block("slide", N_("On the slide")),
             **FACILITATOR_ONLY)
    add_node(app, notes, html=html_box("notes", N_("Facilitator notes"), tag="aside"),
             typst=typst_block("notes", N_("Facilitator notes")), **FACILITATOR_ONLY)
    app.add_directive("slide", Slide)
    app.add_directive("notes", Notes)

# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Slide handouts and the lectern script: the decks on paper, drawn from the same doctree.

No screenshots: each lesson's slides come from ``slides.model.lesson_slides``,
the list the decks are made from, and each slide becomes a 16:9 box (taller
only when a slide holds more than the box, so that nothing is cut off). The
further-reading slides are left out: on paper, the PDF's References list the
lesson's sources.

- ``slides`` layout (learners): three slides a page, each beside ruled lines
  for notes; no speaker notes, no answers (the learner edition's filter).
- ``lectern`` layout (facilitators): two slides a page, each with its speaker
  notes, its minutes and the running clock from the lesson's start; a
  question's explanation and an activity's solution move beside the box.

The pages go through the same resolving, edition filter, running heads and
PDF rendering as every other handout.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from docutils.utils import new_document
from sphinx import addnodes

from .. import structure
from ..activities import discussion, exercise
from ..agenda import clock, format_minutes
from ..blocks import slide
from ..config import HandoutDocument
from ..outputs import ANSWER, FACILITATOR, LEARNER, has_class
from ..references import plain_terms
from ..slides.model import lesson_slides
from .assemble import fix_anchors, mark_pages
from .plans import lesson_start, offset

if TYPE_CHECKING:
    from sphinx.builders import Builder

NOTE_LINES = 7


def assemble_slides(builder: Builder, document: HandoutDocument) -> nodes.document:
    env = builder.env
    tree = new_document(document.start, builder.docsettings)
    tree["docname"] = document.start
    top = nodes.section(ids=["cw-deck-pages"], classes=[f"cw-layout-{document.layout}"])
    top += nodes.title("", document.title)
    tree += top
    for row in structure.lessons_below(env, document.start):
        page = addnodes.start_of_file(docname=row.docname)
        page += lesson_pages(env, row.docname, document.layout)
        top += page
    mark_pages(env, tree, document.start)
    env.resolve_references(tree, document.start, builder)
    if document.layout == "lectern":
        for box in tree.findall(lambda n: has_class(n, "cw-slide-row")):
            _answers_beside(box)
    fix_anchors(tree)
    plain_terms(tree)
    return tree


def lesson_pages(env, docname: str, layout: str) -> nodes.section:
    source = env.get_doctree(docname)
    top = next(c for c in source.children if isinstance(c, nodes.section))
    section = nodes.section(ids=[f"deck-{docname.replace('/', '-')}"])
    section += nodes.title("", structure.title(env, docname))
    elapsed = 0
    slot = lesson_start(env, docname)  # where the run-sheet puts the lesson, for the clock beside each offset
    for item in lesson_slides(env, docname, top):
        if item.kind == "further-reading":  # on paper, the PDF's own References list the sources
            continue
        box = nodes.container(classes=["cw-slidebox", f"cw-kind-{item.kind}"]
                              + ([f"cw-density-{item.density}"] if item.density else []))
        box += nodes.paragraph(text=item.title_text, classes=["cw-slidebox-title"])
        for node in item.body:
            box.extend(_unwrapped(node))
        row = nodes.container(classes=["cw-slide-row"])
        row += box
        if layout == "lectern":
            side = nodes.container(classes=["cw-slide-notes", FACILITATOR])
            when = offset(elapsed) + (f" ({clock(slot.start + elapsed)})" if slot else "")
            side += nodes.paragraph(text=f"{when} · {format_minutes(item.minutes)}" if item.minutes else when,
                                    classes=["cw-slide-clock"])
            for block in item.notes:
                side.extend(block.children)
            row += side
        else:
            row += nodes.container("", *(nodes.container(classes=["cw-line"]) for _ in range(NOTE_LINES)),
                                   classes=["cw-slide-lines", LEARNER])
        elapsed += item.minutes
        section += row
    return section


def _unwrapped(node: nodes.Node) -> list[nodes.Node]:
    """A slide block is only a wrapper on paper; an activity on a slide gets no ruled lines."""
    if isinstance(node, slide):
        return list(node.children)
    for activity in node.findall(lambda n: isinstance(n, (exercise, discussion))):
        activity["lines"] = 0
    for block in list(node.findall(slide)):
        block.replace_self(block.children)
    return [node]


def _answers_beside(row: nodes.Element) -> None:
    """On the lectern, how to run an activity (its facilitator notes) and a question's explanation sit
    beside the slide, after the slide's own notes; an activity's model solution follows the row, so a
    long solution never pushes the running instructions a page away from their slide."""
    box, side = row.children[0], next((c for c in row.children if has_class(c, "cw-slide-notes")), None)
    if side is None:
        return
    after = nodes.container(classes=["cw-after-row", FACILITATOR])
    for cls in (FACILITATOR, ANSWER):
        for node in list(box.findall(lambda n, cls=cls: has_class(n, cls))):
            if (node.parent is None or has_class(node, "cw-key-mark") or has_class(node, "cw-box-label")
                    or not _attached(node, box)):
                continue  # a key mark and a block's own label stay where they are
            node.parent.remove(node)
            if has_class(node, "cw-solution"):
                after += node
            else:
                side += node
    if len(after):
        row += after


def _attached(node: nodes.Node, top: nodes.Node) -> bool:
    """Whether ``node`` is still inside ``top`` (a node moved with its block keeps its parent)."""
    while node is not top:
        if node.parent is None or not any(child is node for child in node.parent.children):
            return False
        node = node.parent
    return True

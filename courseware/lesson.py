# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""What makes a page a lesson: ``duration``, ``objectives``, ``keypoints``, ``prepare``.

A page is a lesson when it sets ``duration`` in its front matter or holds an
``objectives`` block. Every lesson needs both. When a lesson is read, its
shape is recorded in the ``course`` domain (``structure.Lesson``): its
objectives, its timed segments in reading order (sections, activities, the
knowledge check, key points) and its questions. The agenda, the lesson
plans and the teaching-standard checks (``standard.py``) read that record.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from . import structure
from .activities import discussion, exercise
from .blocks import slide
from .config import settings
from .directive import CourseDirective
from .quiz import question, quiz, quiz_option
from .structure import Lesson, Question, Segment
from .writers import FACILITATOR, add_node, html_box

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)


class objectives(nodes.General, nodes.Element):
    """The lesson's learning objectives."""


class keypoints(nodes.General, nodes.Element):
    """The lesson's key points."""


class prepare(nodes.General, nodes.Element):
    """What the facilitator prepares and brings for the lesson (facilitators only)."""


class _ListBlock(CourseDirective):
    """A block whose content is a Markdown bullet list."""

    has_content = True
    node_class: type[nodes.Element]
    classes: tuple[str, ...] = ()

    def run(self) -> list[nodes.Node]:
        node = self.node_class(classes=list(self.classes))
        self.block(node)
        self.state.nested_parse(self.content, self.content_offset, node)
        if not any(isinstance(child, (nodes.bullet_list, nodes.enumerated_list)) for child in node):
            logger.warning(
                "%s: the block must hold a bullet list", self.name,
                location=node, type="courseware", subtype="lesson",
            )
        return [node]


class Objectives(_ListBlock):
    node_class = objectives


class Keypoints(_ListBlock):
    node_class = keypoints


class Prepare(_ListBlock):
    node_class = prepare
    classes = (FACILITATOR,)


TIMED_ACTIVITIES = (exercise, discussion)


def segments(top: nodes.section, config) -> list[Segment]:
    """The timed parts of a lesson in reading order."""
    standard = settings(config).standard
    found: list[Segment] = []
    for node in top.findall(lambda n: isinstance(n, (slide, exercise, discussion, quiz, keypoints))):
        if isinstance(node, slide):
            section = node.parent
            if isinstance(section, nodes.section) and section.parent is top and node.get("minutes"):
                found.append(Segment("section", section[0].astext(), node["minutes"], "talk",
                                     node.get("optional", False), section["ids"][0] if section["ids"] else ""))
        elif isinstance(node, TIMED_ACTIVITIES):
            kind = "exercise" if isinstance(node, exercise) else "discussion"
            found.append(Segment(kind, node["title"], node.get("minutes") or 0, node.get("mode", "solo"),
                                 node.get("optional", False)))
        elif isinstance(node, quiz):
            if any(isinstance(a, TIMED_ACTIVITIES) for a in structure.ancestors(node)):
                continue  # part of the activity's time
            count = sum(1 for _ in node.findall(question))
            minutes = count * standard.minutes_per_question + standard.quiz_minutes
            found.append(Segment("quiz", "Knowledge check", minutes, "solo"))
        else:
            found.append(Segment("keypoints", "Key points", standard.keypoints_minutes, "plenary"))
    return found


def questions(tree: nodes.Node) -> list[Question]:
    found = []
    for node in tree.findall(question):
        options = [o for o in node.children if isinstance(o, quiz_option)]
        key = next((i for i, o in enumerate(options) if o["correct"]), -1)
        found.append(Question(
            line=node.line or 0, key=key, lengths=tuple(len(o.astext().strip()) for o in options),
            objectives=tuple(node.get("objectives", ())),
        ))
    return found


def _read_lesson(app: Sphinx, doctree: nodes.document) -> None:
    """Check a freshly read page and record it when it is a lesson."""
    env = app.env
    docname = env.docname
    metadata = env.metadata.get(docname, {})
    found = next(doctree.findall(objectives), None)
    if "duration" not in metadata and found is None:
        return
    location = (docname, 1)
    if "duration" not in metadata:
        logger.warning(
            "lesson has objectives but no 'duration' in its front matter "
            "(minutes of instruction, e.g. 'duration: 45')",
            location=location, type="courseware", subtype="lesson",
        )
        return
    raw = metadata["duration"]
    try:
        minutes = int(str(raw).strip())
    except ValueError:
        minutes = 0
    if minutes <= 0:
        logger.warning(
            "'duration' must be a whole number of minutes greater than 0, not %r", raw,
            location=location, type="courseware", subtype="lesson",
        )
        return
    if found is None:
        logger.warning(
            "lesson has no 'objectives' block", location=location,
            type="courseware", subtype="lesson",
        )
    kind = str(metadata.get("type", "lesson"))
    if kind not in structure.KINDS:
        logger.warning("'type' must be one of %s, not %r", ", ".join(structure.KINDS), kind,
                       location=location, type="courseware", subtype="lesson")
        kind = "lesson"
    items = tuple(item.astext().strip() for item in found.findall(nodes.list_item)) if found else ()
    top = next((s for s in doctree.children if isinstance(s, nodes.section)), None)
    structure.record_lesson(env, Lesson(
        docname=docname, duration=minutes, kind=kind, objectives=items,
        questions=questions(doctree),
        activities=[(n["label"], tuple(n.get("objectives", ())))
                    for n in doctree.findall(lambda n: isinstance(n, TIMED_ACTIVITIES))],
        segments=segments(top, app.config) if top is not None else [],
    ))


class LessonLine(SphinxPostTransform):
    """Under a lesson's title in the HTML course and the handouts: its duration.

    Decks show the duration on their title slide instead.
    """

    default_priority = 6
    builders = ("html", "dirhtml", "handouts")

    def run(self, **kwargs) -> None:
        for docname, section in structure.page_sections(self.document, self.env.docname):
            minutes = structure.lesson_duration(self.env, docname)
            if minutes is not None:
                section.insert(1, nodes.paragraph(text=f"Duration: {minutes} minutes", classes=["cw-lesson-line"]))


def setup_lesson(app: Sphinx) -> None:
    add_node(app, objectives, html=html_box("objectives", "Objectives"))
    add_node(app, keypoints, html=html_box("keypoints"))  # under its own "Key points" heading
    add_node(app, prepare, html=html_box("prepare", "Prepare and bring"))
    app.add_directive("objectives", Objectives)
    app.add_directive("keypoints", Keypoints)
    app.add_directive("prepare", Prepare)
    app.connect("doctree-read", _read_lesson)
    app.add_post_transform(LessonLine)

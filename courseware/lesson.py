# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""What makes a page a lesson: ``duration``, ``objectives``, ``keypoints``, ``prepare``, ``prereading``, ``cut``.

A page is a lesson when it sets ``duration`` in its front matter or holds an
``objectives`` block. Every lesson needs both. When a lesson is read, its
shape is recorded in the ``course`` domain (``structure.Lesson``): its
objectives, its timed segments in reading order (sections, activities, the
knowledge check, key points), its questions, what can be cut and its
pre-reading. The agenda, the lesson plans and the teaching-standard checks
(``standard.py``) read that record.

- ``prereading`` (``:minutes:``, a bullet list): what a learner reads before
  the day of the lesson, so the room is spent on activities. Every edition
  prints it; the agenda and the run-sheet list it per day.
- ``cut`` (an argument naming what to drop, ``:saves:`` minutes, a body
  saying what the group loses): the lesson plan prints the short version
  with its minutes. Facilitators only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from . import structure
from .activities import discussion, exercise
from .blocks import slide
from .config import settings
from .directive import CourseDirective, Options
from .outputs import FACILITATOR, FACILITATOR_ONLY, HTML_BUILDERS, PRINT_BUILDERS, add_node, html_box
from .quiz import question, quiz, quiz_option
from .structure import Cut, Lesson, Question, Reading, Segment
from .translations import N_, _
from .typst_markup import escape, typst_block

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)


class objectives(nodes.General, nodes.Element):
    """The lesson's learning objectives."""


class keypoints(nodes.General, nodes.Element):
    """The lesson's key points."""


class prepare(nodes.General, nodes.Element):
    """What the facilitator prepares and brings for the lesson (facilitators only)."""


class prereading(nodes.General, nodes.Element):
    """What learners read before the lesson's day; ``minutes`` is the time it takes."""


class cut(nodes.General, nodes.Element):
    """Something to drop when time is short: ``what``, ``saves`` minutes; the body says what it costs."""


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


class Prereading(_ListBlock):
    node_class = prereading
    option_spec = Options({**CourseDirective.option_spec, "minutes": directives.positive_int})

    def run(self) -> list[nodes.Node]:
        (node,) = super().run()
        node["minutes"] = self.options.get("minutes")
        if not node["minutes"]:
            logger.warning("prereading: give ':minutes:', the time the reading takes", location=node,
                           type="courseware", subtype="lesson")
        return [node]


class CutBlock(CourseDirective):
    """``:::{cut} What to drop`` with ``:saves: 8`` and what the group loses as its body."""

    required_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = Options({**CourseDirective.option_spec, "saves": directives.positive_int})

    def run(self) -> list[nodes.Node]:
        node = cut(what=self.arguments[0], classes=[FACILITATOR])
        self.block(node)
        node["saves"] = self.options.get("saves")
        self.state.nested_parse(self.content, self.content_offset, node)
        problem = None
        if not node["saves"]:
            problem = "give ':saves:', the minutes dropping it saves"
        elif not self.content:
            problem = "say in its body what the group loses when it is dropped"
        if problem:
            logger.warning("cut %r: %s", node["what"], problem, location=node, type="courseware", subtype="lesson")
        return [node]


def cut_label(node: cut) -> str:
    """The label of a ``cut`` block: what to drop when time is short."""
    return _("If you are short of time: {what}").format(what=node["what"])


def visit_cut_html(self, node):
    self.body.append(self.starttag(node, "div", CLASS="cw-box cw-cut"))
    saves = _("saves {minutes} min").format(minutes=node["saves"])
    self.body.append(f'<p class="cw-box-label">{self.encode(cut_label(node))}'
                     f' <span class="cw-minutes">{self.encode(saves)}</span></p>\n')


def depart_cut_html(self, node):
    self.body.append("</div>\n")


def visit_cut_typst(self, node):
    self.body.append(f'#cw-block("cut", label: [{escape(cut_label(node))}], '
                     f'minutes: {int(node["saves"])}, saves: true)[')


def depart_cut_typst(self, node):
    self.close_call()


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
                                     section["ids"][0] if section["ids"] else ""))
        elif isinstance(node, TIMED_ACTIVITIES):
            kind = "exercise" if isinstance(node, exercise) else "discussion"
            found.append(Segment(kind, node["title"], node.get("minutes") or 0, node.get("mode", "solo")))
        elif isinstance(node, quiz):
            if any(isinstance(a, TIMED_ACTIVITIES) for a in structure.ancestors(node)):
                continue  # part of the activity's time
            count = sum(1 for _ in node.findall(question))
            minutes = count * standard.minutes_per_question + standard.quiz_minutes
            found.append(Segment("quiz", _("Knowledge check"), minutes, "solo"))
        else:
            found.append(Segment("keypoints", _("Key points"), standard.keypoints_minutes, "plenary"))
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
    reading = next(doctree.findall(prereading), None)
    structure.record_lesson(env, Lesson(
        docname=docname, duration=minutes, kind=kind, objectives=items,
        questions=questions(doctree),
        activities=[(n["label"], tuple(n.get("objectives", ())))
                    for n in doctree.findall(lambda n: isinstance(n, TIMED_ACTIVITIES))],
        segments=segments(top, app.config) if top is not None else [],
        cuts=[Cut(n["what"], n.get("saves") or 0, n.astext().strip(), n.line or 0) for n in doctree.findall(cut)],
        reading=Reading(reading.get("minutes") or 0) if reading is not None else None,
    ))


class LessonLine(SphinxPostTransform):
    """Under a lesson's title in the HTML course and the handouts: its duration.

    Decks show the duration on their title slide instead.
    """

    default_priority = 6
    builders = HTML_BUILDERS + PRINT_BUILDERS

    def run(self, **kwargs) -> None:
        for docname, section in structure.page_sections(self.document, self.env.docname):
            minutes = structure.lesson_duration(self.env, docname)
            if minutes is not None:
                line = _("Duration: {minutes} minutes").format(minutes=minutes)
                section.insert(1, nodes.paragraph(text=line, classes=["cw-lesson-line"]))


def setup_lesson(app: Sphinx) -> None:
    # the labels are translated where each block is written
    add_node(app, objectives, html=html_box("objectives", N_("Objectives")),
             typst=typst_block("objectives", N_("Objectives")))
    # under its own "Key points" heading
    add_node(app, keypoints, html=html_box("keypoints"), typst=typst_block("keypoints"))
    add_node(app, prepare, html=html_box("prepare", N_("Prepare and bring")),
             typst=typst_block("prepare", N_("Prepare and bring")), **FACILITATOR_ONLY)
    add_node(app, prereading, html=html_box("prereading", N_("Before the day: read")),
             typst=typst_block("prereading", N_("Before the day: read")))
    add_node(app, cut, html=(visit_cut_html, depart_cut_html), typst=(visit_cut_typst, depart_cut_typst),
             **FACILITATOR_ONLY)
    app.add_directive("objectives", Objectives)
    app.add_directive("keypoints", Keypoints)
    app.add_directive("prepare", Prepare)
    app.add_directive("prereading", Prereading)
    app.add_directive("cut", CutBlock)
    app.connect("doctree-read", _read_lesson)
    app.add_post_transform(LessonLine)

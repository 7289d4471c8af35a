# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""What makes a page a lesson: ``duration``, ``objectives`` and ``keypoints``.

A page is a lesson when it sets ``duration`` in its front matter or holds an
``objectives`` block. Every lesson needs both; the checks run when the page is
read, so the warning names the file and line. Lesson durations are kept in
the environment (``env.courseware_lessons``) for the agenda and the decks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from .directive import CourseDirective
from .writers import add_node, html_box

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)


class objectives(nodes.General, nodes.Element):
    """The lesson's learning objectives."""


class keypoints(nodes.General, nodes.Element):
    """The lesson's key points."""


class _ListBlock(CourseDirective):
    """A block whose content is parsed as Markdown; no options, no argument."""

    has_content = True
    node_class: type[nodes.Element]

    def run(self) -> list[nodes.Node]:
        node = self.node_class()
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


def lesson_duration(env: BuildEnvironment, docname: str) -> int | None:
    """Minutes of a lesson, or None when ``docname`` is not a lesson."""
    return getattr(env, "courseware_lessons", {}).get(docname)


def is_lesson(env: BuildEnvironment, docname: str) -> bool:
    return lesson_duration(env, docname) is not None


def is_module(env: BuildEnvironment, docname: str) -> bool:
    """A module is a page of the root toctree that is not a lesson and has a toctree."""
    return (
        docname in env.toctree_includes.get(env.config.root_doc, [])
        and docname in env.toctree_includes
        and not is_lesson(env, docname)
    )


def _read_lesson(app: Sphinx, doctree: nodes.document) -> None:
    """Check a freshly read page and record it when it is a lesson."""
    env = app.env
    docname = env.docname
    metadata = env.metadata.get(docname, {})
    has_objectives = next(doctree.findall(objectives), None) is not None
    if "duration" not in metadata and not has_objectives:
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
    if not has_objectives:
        logger.warning(
            "lesson has no 'objectives' block", location=location,
            type="courseware", subtype="lesson",
        )
    env.courseware_lessons = getattr(env, "courseware_lessons", {})
    env.courseware_lessons[docname] = minutes


def page_sections(tree: nodes.document, docname: str) -> list[tuple[str, nodes.section]]:
    """The top section of each page in ``tree``, with the page's name.

    A page's doctree has one; an assembled handout has one per page, inside
    the ``start_of_file`` node that ``inline_all_toctrees`` wraps it in.
    ``docname`` names the tree's own page.
    """
    found = []
    for section in tree.findall(nodes.section):
        if isinstance(section.parent, addnodes.start_of_file):
            found.append((section.parent["docname"], section))
        elif isinstance(section.parent, nodes.document):
            found.append((docname, section))
    return found


class LessonLine(SphinxPostTransform):
    """Under a lesson's title in the HTML course and the handouts: its duration.

    Decks show the duration on their title slide instead (``slides.py``).
    """

    default_priority = 6
    builders = ("html", "dirhtml", "handouts")

    def run(self, **kwargs) -> None:
        for docname, section in page_sections(self.document, self.env.docname):
            minutes = lesson_duration(self.env, docname)
            if minutes is not None:
                section.insert(1, nodes.paragraph(text=f"Duration: {minutes} minutes", classes=["cw-lesson-line"]))


def depends_on_all_lessons(env: BuildEnvironment, docname: str) -> None:
    """Note that ``docname`` shows data of every lesson (an agenda, the coverage tables)."""
    env.courseware_summaries = getattr(env, "courseware_summaries", set())
    env.courseware_summaries.add(docname)


def _summaries_outdated(app: Sphinx, env: BuildEnvironment, added, changed, removed) -> list[str]:
    """Pages that summarise every lesson are rebuilt whenever any page changes."""
    if not (added or changed or removed):
        return []
    return sorted(getattr(env, "courseware_summaries", set()) - set(removed))


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    getattr(env, "courseware_lessons", {}).pop(docname, None)
    getattr(env, "courseware_summaries", set()).discard(docname)


def _merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    env.courseware_lessons = getattr(env, "courseware_lessons", {})
    env.courseware_lessons.update(
        {d: m for d, m in getattr(other, "courseware_lessons", {}).items() if d in docnames}
    )
    env.courseware_summaries = getattr(env, "courseware_summaries", set())
    env.courseware_summaries |= {d for d in getattr(other, "courseware_summaries", set()) if d in docnames}


def setup_lesson(app: Sphinx) -> None:
    add_node(app, objectives, html=html_box("objectives", "Objectives"))
    add_node(app, keypoints, html=html_box("keypoints"))  # under its own "Key points" heading
    app.add_directive("objectives", Objectives)
    app.add_directive("keypoints", Keypoints)
    app.connect("doctree-read", _read_lesson)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-get-outdated", _summaries_outdated)
    app.add_post_transform(LessonLine)

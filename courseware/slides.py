# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""How a lesson page becomes a Reveal.js deck (sphinx-revealjs builders only).

sphinx-revealjs turns the page's ``#`` section into the title slide and each
``##`` section into a slide. ``ShapeDeck`` rewrites a copy of the lesson's
doctree, at write time, into exactly the slides a deck needs, nothing written
twice by the author:

1. title slide: lesson title, module, duration;
2. objectives;
3. one slide per ``##`` section that has a ``slide`` block: the block's body
   and the section's ``notes`` as speaker notes; prose never reaches a slide,
   but a figure in the prose gets a slide of its own after the section's,
   unless the section's slide block already shows it;
4. one slide per exercise or discussion (never the solution), where it stands;
5. one slide per knowledge-check question, the answer in the speaker notes;
6. key points;
7. further reading: the sources the lesson cites, linked.

The root page and module pages become decks that link to the lesson decks.
Slide styling lives in ``slides/``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx_revealjs.nodes import revealjs_section

from .activities import discussion, exercise, solution
from .agenda import format_minutes
from .structure import ancestors as _ancestors, lesson_duration, lessons_below
from .blocks import notes, slide
from .config import settings
from .branding import write_brand_assets
from .lesson import keypoints, objectives
from .quiz import question, quiz_explanation, quiz_option
from .references import cited_keys, entry_fields, link, plain_terms

if TYPE_CHECKING:
    from sphinx.application import Sphinx

DECK_BUILDERS = ("revealjs", "dirrevealjs")


def _slide(ids: str, title: str | nodes.Node, *body: nodes.Node, kind: str = "") -> nodes.section:
    """A slide; ``kind`` becomes ``data-cw-kind`` on its ``<section>``, for deck.css."""
    section = nodes.section(ids=[ids])
    if kind:
        section += revealjs_section(**{"data-cw-kind": kind})
    heading = title.deepcopy() if isinstance(title, nodes.title) else nodes.title("", title)
    section.insert(0, heading)
    section.extend(body)
    return section


def _within_activity(node: nodes.Node) -> bool:
    return any(isinstance(a, (exercise, discussion, question)) for a in _ancestors(node))


class ShapeDeck(SphinxPostTransform):
    default_priority = 900  # after references are resolved and the agenda is filled
    builders = DECK_BUILDERS

    def run(self, **kwargs) -> None:
        top = next((n for n in self.document.children if isinstance(n, nodes.section)), None)
        if top is None:
            return
        docname = self.env.docname
        if lesson_duration(self.env, docname) is not None:
            slides = self.lesson_slides(top)
            subtitle = self.lesson_subtitle(docname)
        else:
            slides = self.index_slides(docname)
            subtitle = settings(self.config).brand.organisation
        title = top[0]
        top.children = [title]
        top += nodes.paragraph(text=subtitle, classes=["cw-subtitle"])
        top.extend(slides)
        plain_terms(top)

    # -- lessons ---------------------------------------------------------------

    def lesson_subtitle(self, docname: str) -> str:
        parent = self.env.collect_relations().get(docname, (None,))[0]
        minutes = format_minutes(lesson_duration(self.env, docname))
        if parent and parent != self.config.root_doc:
            return f"{self.env.titles[parent].astext()} · {minutes}"
        return f"{self.config.project} · {minutes}"

    def lesson_slides(self, top: nodes.section) -> list[nodes.section]:
        slides: list[nodes.section] = []
        for node in top.findall(objectives):
            slides.append(_slide("objectives", "Objectives", *node.deepcopy().children, kind="objectives"))
            break
        for section in (c for c in top.children if isinstance(c, nodes.section)):
            slides.extend(self.section_slides(section))
        keys = cited_keys(self.env, self.env.docname)
        if keys:
            items = nodes.bullet_list()
            for key in keys:
                items += nodes.list_item("", nodes.paragraph("", "", link(*entry_fields(self.env, key))))
            slides.append(_slide("further-reading", "Further reading", items, kind="further-reading"))
        return slides

    def section_slides(self, section: nodes.section) -> list[nodes.section]:
        """The slides one ``##`` section yields, in reading order."""
        slides: list[nodes.section] = []
        ident = section["ids"][0] if section["ids"] else f"s{self.document.serialno}"
        body = [c.deepcopy() for n in section.findall(slide) if not _within_activity(n) for c in n.children]
        speaker = [n.deepcopy() for n in section.findall(notes) if not _within_activity(n)]
        if body:
            slides.append(_slide(ident, section[0], *body, *speaker))
        shown = {i["uri"] for n in section.findall(slide) for i in n.findall(nodes.image)}
        for index, figure in enumerate(f for f in section.findall(nodes.figure) if not _within_activity(f)):
            images = {i["uri"] for i in figure.findall(nodes.image)}
            if not any(isinstance(a, slide) for a in _ancestors(figure)) and not (images and images <= shown):
                slides.append(_slide(f"{ident}-figure-{index}", section[0], figure.deepcopy(), kind="figure"))
        for index, node in enumerate(section.findall(lambda n: isinstance(n, (exercise, discussion)))):
            kept = [c.deepcopy() for c in node.children if not isinstance(c, (solution, notes))]
            kept += [c.deepcopy() for c in node.children if isinstance(c, notes)]
            if node.get("minutes"):
                kept.insert(0, nodes.paragraph(text=format_minutes(node["minutes"]), classes=["cw-minutes"]))
            kind = "exercise" if isinstance(node, exercise) else "discussion"
            slides.append(_slide(f"{ident}-activity-{index}", node["label"], *kept, kind=kind))
        questions = list(section.findall(question))
        for index, node in enumerate(questions, 1):
            slides.append(self.question_slide(node, index, len(questions), ident))
        for node in section.findall(keypoints):
            slides.append(_slide("key-points", "Key points", *node.deepcopy().children, kind="keypoints"))
        return slides

    @staticmethod
    def question_slide(node: question, index: int, count: int, ident: str) -> nodes.section:
        options = nodes.enumerated_list(enumtype="upperalpha", prefix="", suffix=".")
        answer = notes()
        body: list[nodes.Node] = []
        for child in node.children:
            if isinstance(child, quiz_option):
                options += nodes.list_item("", nodes.paragraph("", "", *[c.deepcopy() for c in child.children]))
            elif isinstance(child, quiz_explanation):
                answer.extend(c.deepcopy() for c in child.children)
            else:
                body.append(child.deepcopy())
        return _slide(
            f"{ident}-question-{index}", f"Knowledge check {index}/{count}", *body, options, answer,
            kind="question",
        )

    # -- the root page and module pages: decks that list decks ----------------

    def index_slides(self, docname: str) -> list[nodes.section]:
        rows = lessons_below(self.env, docname)
        modules: dict[str | None, list] = {}
        for row in rows:
            modules.setdefault(row.module, []).append(row)
        slides = []
        for index, (module, lessons) in enumerate(modules.items()):
            items = nodes.bullet_list()
            for row in lessons:
                uri = self.app.builder.get_relative_uri(docname, row.docname)
                text = f"{self.env.titles[row.docname].astext()} ({format_minutes(row.minutes)})"
                items += nodes.list_item("", nodes.paragraph("", "", nodes.reference("", text, refuri=uri)))
            title = self.env.titles[module].astext() if module else "Lessons"
            slides.append(_slide(f"decks-{index}", title, items, kind="deck-list"))
        return slides


def _add_brand(app: Sphinx) -> None:
    if app.builder.name in DECK_BUILDERS:
        app.builder.add_css_file("brand.css")


def _write_brand(app: Sphinx, exception: Exception | None) -> None:
    if app.builder.name in DECK_BUILDERS:
        write_brand_assets(app, exception)


def setup_slides(app: Sphinx) -> None:
    app.add_post_transform(ShapeDeck)
    app.connect("builder-inited", _add_brand)
    app.connect("build-finished", _write_brand)

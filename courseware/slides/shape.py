# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""How a lesson page becomes a deck (``revealjs`` builders only).

sphinx-revealjs turns the page's ``#`` section into the title slide and each
``##`` section into a slide. ``ShapeDeck`` rewrites the lesson's doctree, at
write time, into exactly the slides a deck needs, nothing written twice by
the author:

1. title slide: lesson title, module, duration;
2. objectives;
3. per ``##`` section with a ``slide`` block: the block's body, the
   section's ``notes`` as speaker notes; a figure in the prose gets a slide
   of its own after the section's; prose never reaches a slide;
4. one slide per exercise or discussion, where it stands;
5. one slide per knowledge-check question;
6. key points;
7. further reading: the sources the lesson cites, a few per slide.

Content slides carry a footer (lesson, module). The root page becomes the
deck index, one slide per module. ``DeckCitations`` turns citations into
short source lines linked to the further-reading slide, and links to pages
that have no deck into links to the HTML course. How each course node is
drawn is in ``visitors.py``; the style is in ``static/deck.css``.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import docname_join

from .. import structure
from ..agenda import format_minutes
from ..config import settings
from ..links import page_from_deck
from ..outputs import DECK_BUILDERS
from ..references import plain_terms, short_label
from ..translations import _
from .model import FURTHER_READING, lesson_slides

BAND = "linear-gradient(to bottom, {primary} 0, {primary} 16px, {base} 16px)"
#: the slide's own colour below the band, by kind
BASES = {"question": "#f4f6f8"}


def background(kind: str, primary: str) -> dict[str, str]:
    """The title and the key points in the brand's primary colour; every other slide white
    (or light grey, a knowledge check) under a band of it."""
    if kind in ("title", "keypoints"):
        return {"data-background-color": primary}
    return {"data-background-gradient": BAND.format(primary=primary, base=BASES.get(kind, "#ffffff"))}


def _attributes(kind: str, primary: str, density: int = 0) -> nodes.Element:
    """``data-cw-kind`` and ``data-cw-density`` (for deck.css), and the background, on a slide's ``<section>``."""
    from sphinx_revealjs.nodes import revealjs_section

    attributes = {"data-cw-kind": kind} if kind else {}
    attributes.update(background(kind, primary))
    if density:
        attributes["data-cw-density"] = str(density)
    return revealjs_section(**attributes)


def _slide(ids: str, title: str | nodes.Node, *body: nodes.Node, primary: str, kind: str = "", footer: str = "",
           density: int = 0) -> nodes.section:
    """A slide of the given kind, with the lesson's footer."""
    section = nodes.section(ids=[ids])
    section += _attributes(kind, primary, density)
    heading = title.deepcopy() if isinstance(title, nodes.title) else nodes.title("", title)
    section += heading
    section.extend(body)
    if footer:
        section += nodes.container("", nodes.paragraph(text=footer), classes=["cw-footer"])
    return section


def is_deck(env, docname: str) -> bool:
    return docname == env.config.root_doc or structure.is_lesson(env, docname)


class DeckCitations(SphinxPostTransform):
    """Before references are resolved: citations and links, as a room needs them.

    A citation becomes a short source line ("Guide §2.5") linked to the
    deck's further-reading slide; a glossary term becomes plain text; a link
    to a page that has no deck points to that page in the HTML course, and a
    link to a label of a lesson to that lesson's deck, at the slide the label
    stands on.
    """

    default_priority = 8
    builders = DECK_BUILDERS

    def run(self, **kwargs) -> None:
        std = self.env.domains["std"]
        for ref in list(self.document.findall(addnodes.pending_xref)):
            domain, kind, target = ref.get("refdomain"), ref.get("reftype"), ref.get("reftarget", "")
            if domain == "cite":
                keys = [k.strip() for k in target.split(",") if k.strip()]
                text = "; ".join(short_label(self.env, k) for k in keys)
                ref.replace_self(nodes.reference("", f"({text})", refuri=f"#{FURTHER_READING}",
                                                 classes=["cw-source"]))
            elif domain == "std" and kind == "term":
                ref.replace_self(ref.children)
            elif domain == "std" and kind in ("ref", "doc"):
                if kind == "ref":
                    docname, anchor = std.labels.get(target.lower(), (None, "", ""))[:2]
                else:
                    docname, anchor = _docname(ref, target), ""
                if docname is None or docname not in self.env.all_docs:
                    continue
                if is_deck(self.env, docname):
                    if kind == "ref":  # to the slide the label stands on, by the id that slide carries
                        uri = structure.builder(self.env).get_relative_uri(self.env.docname, docname)
                        anchor = deck_anchor(self.env, docname, anchor)
                        text = ref.astext() if ref.get("refexplicit") else std.labels[target.lower()][2]
                        ref.replace_self(nodes.reference("", text or docname,
                                                         refuri=uri + (f"#{anchor}" if anchor else "")))
                    continue
                uri = page_from_deck(structure.builder(self.env), self.env.docname, docname, anchor)
                text = ref.astext() if ref.get("refexplicit") or kind == "doc" else std.labels[target.lower()][2]
                ref.replace_self(nodes.reference("", text or docname, refuri=uri))


def deck_anchor(env, docname: str, anchor: str) -> str:
    """Where a label of ``docname`` lands in its deck: nowhere for its title (the deck's start), a section's
    first id (the one its slide carries) for a section, the label itself otherwise."""
    tree = env.get_doctree(docname)
    section = next((s for s in tree.findall(nodes.section) if anchor in s["ids"]), None)
    if section is None:
        return anchor
    return "" if isinstance(section.parent, nodes.document) else section["ids"][0]


def _docname(ref: addnodes.pending_xref, target: str) -> str:
    if target.startswith("/"):
        return target[1:]
    return docname_join(ref.get("refdoc", ""), target)


class ShapeDeck(SphinxPostTransform):
    default_priority = 900  # after references are resolved and the agenda is filled
    builders = DECK_BUILDERS

    def run(self, **kwargs) -> None:
        top = next((n for n in self.document.children if isinstance(n, nodes.section)), None)
        docname = self.env.docname
        if top is None or not is_deck(self.env, docname):
            return
        if structure.is_lesson(self.env, docname):
            slides = self.lesson_slides(top)
            subtitle = self.lesson_subtitle(docname)
        else:
            slides = self.index_slides(docname)
            subtitle = settings(self.config).brand.organisation
        brand = settings(self.config).brand
        title = top[0]
        top.children = [_attributes("title", brand.primary), title]
        top += nodes.paragraph(text=subtitle, classes=["cw-subtitle"])
        if structure.is_lesson(self.env, docname):
            top += nodes.paragraph(text=brand.organisation, classes=["cw-organisation"])
        top += nodes.container(classes=["cw-title-logo"])
        top.extend(slides)
        plain_terms(top)

    # -- lessons ---------------------------------------------------------------

    def module_title(self, docname: str) -> str:
        module = structure.module_of(self.env, docname)
        return structure.title(self.env, module) if module else self.config.project

    def lesson_subtitle(self, docname: str) -> str:
        return f"{self.module_title(docname)} · {format_minutes(structure.lesson_duration(self.env, docname))}"

    def footer(self) -> str:
        docname = self.env.docname
        return f"{structure.title(self.env, docname)} · {self.module_title(docname)}"

    def lesson_slides(self, top: nodes.section) -> list[nodes.section]:
        footer = self.footer()
        primary = settings(self.config).brand.primary
        return [_slide(s.ident, s.title, *s.body, *s.notes, primary=primary, kind="" if s.kind == "section" else s.kind,
                       footer=footer, density=s.density)
                for s in lesson_slides(self.env, self.env.docname, top)]

    # -- the root page: the deck index -------------------------------------------

    def index_slides(self, docname: str) -> list[nodes.section]:
        """A slide per module listing its decks, in course order; lessons outside a module are listed under
        "Introduction" before the first module and "Conclusion" after one (the capstone)."""
        groups: list[tuple[str | None, list]] = []
        for row in structure.lessons_below(self.env, docname):
            if groups and groups[-1][0] == row.module:
                groups[-1][1].append(row)
            else:
                groups.append((row.module, [row]))
        slides = []
        seen_module = False
        for index, (module, lessons) in enumerate(groups):
            items = nodes.bullet_list()
            for row in lessons:
                uri = structure.builder(self.env).get_relative_uri(docname, row.docname)
                text = f"{structure.title(self.env, row.docname)} ({format_minutes(row.minutes)})"
                items += nodes.list_item("", nodes.paragraph("", "", nodes.reference("", text, refuri=uri)))
            if module:
                title, seen_module = structure.title(self.env, module), True
            else:
                title = _("Conclusion") if seen_module else _("Introduction")
            slides.append(_slide(f"decks-{index}", title, items, primary=settings(self.config).brand.primary,
                                 kind="deck-list"))
        return slides

# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The ``modules`` directive: the course's parts, from its structure, never typed.

The parts are the pages of the root toctree that are modules or lessons (an
introduction, a capstone), in its order. ``:::{modules}`` leaves a
placeholder; the page becomes a summary page, read again whenever any page
changes, so adding a module or a lesson changes it without an edit. Two
post-transforms fill it:

- ``ModuleCards`` (HTML course): a list of cards, one per part: its title
  as a heading that links to it, its lessons and length, and the opening
  sentences of its page.
- ``ModuleList`` (every other builder: handouts, decks, text ...): the same
  facts as a plain bullet list.

Lengths and lessons come from ``courseware.structure``; a summary from the
first paragraph of prose on the part's page.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .. import structure
from ..agenda import doc_link, format_minutes
from ..directive import PlaceholderDirective
from ..outputs import HTML_BUILDERS, SKIPPED_EVERYWHERE, add_node
from ..translations import N_, _, both, ngettext
from .meta import first_prose

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: A card's summary: whole sentences of the module's first paragraph, up to about this many characters.
SUMMARY = 300


class modules(nodes.General, nodes.Element):
    """Placeholder for the list of modules."""


class card_heading(nodes.General, nodes.TextElement):
    """A card's title: a heading one level below the section that holds the cards (HTML course only)."""


def visit_card_heading(self, node: card_heading) -> None:
    self.body.append(self.starttag(node, f"h{node['level']}", CLASS="cw-card-title"))


def depart_card_heading(self, node: card_heading) -> None:
    self.body.append(f"</h{node['level']}>\n")


class Modules(PlaceholderDirective):
    node_class = modules


#: How a part that is a lesson itself is named on its card, by lesson kind.
SESSION = {"lesson": N_("Lesson"), "worksheet": N_("Worksheet session")}


def lesson_count(kind: str, number: int) -> str:
    """``4 lessons``, ``1 worksheet``: how many lessons of a kind a part holds."""
    if kind == "worksheet":
        return ngettext("{count} worksheet", "{count} worksheets", number).format(count=number)
    return ngettext("{count} lesson", "{count} lessons", number).format(count=number)


@dataclass
class Module:
    """A part of the course as its card shows it: a module, or a lesson at the top of the course."""

    docname: str
    title: str
    minutes: int
    kinds: dict[str, int]  #: lesson kind ("lesson", "worksheet") -> how many
    summary: str
    session: str = ""  #: the lesson kind when the part is a lesson itself

    @property
    def facts(self) -> str:
        """``4 lessons and 1 worksheet · 4 h 15 min``, ``Lesson · 30 min`` or ``No lessons yet``."""
        if self.session:
            return f"{_(SESSION.get(self.session, SESSION['lesson']))} \u00b7 {format_minutes(self.minutes)}"
        counts = [lesson_count(kind, n) for kind, n in self.kinds.items() if n]
        if not counts:
            return _("No lessons yet")
        return functools.reduce(both, counts) + " \u00b7 " + format_minutes(self.minutes)


def lead_sentences(text: str, limit: int = SUMMARY) -> str:
    """The first sentences of ``text`` that fit in ``limit`` characters (always the first)."""
    sentences = re.split(r"(?<=[.!?])\s+", " ".join(text.split()))
    kept = sentences[:1]
    for sentence in sentences[1:]:
        if len(" ".join([*kept, sentence])) > limit:
            break
        kept.append(sentence)
    return " ".join(kept)


def parts(env) -> list[str]:
    """The root toctree's modules and lessons, in its order."""
    return [d for d in env.toctree_includes.get(env.config.root_doc, [])
            if structure.is_module(env, d) or structure.is_lesson(env, d)]


#: The facts of the root's parts, per (source folder, builder, when each page was read): every PDF that prints
#: the course's start page lists them, and each part's page is resolved to read its first sentences.
_FACTS: dict[tuple, list[Module]] = {}


def module_facts(transform: SphinxPostTransform) -> list[Module]:
    env = transform.env
    builder = structure.builder(env)
    key = (str(env.srcdir), builder.name, tuple(sorted(env.all_docs.items())))
    if key not in _FACTS:
        _FACTS.clear()
        _FACTS[key] = _module_facts(env, builder)
    return _FACTS[key]


def _module_facts(env, builder) -> list[Module]:
    found = []
    for docname in parts(env):
        lesson = structure.lesson(env, docname)
        rows = [structure.Row(docname, lesson.duration, None)] if lesson else structure.lessons_below(env, docname)
        kinds = {"lesson": 0, "worksheet": 0}
        for row in rows:
            kinds[structure.lesson(env, row.docname).kind] += 1
        # resolved, so that computed text ({length}) reads as on the part's page
        page = env.get_and_resolve_doctree(docname, builder)
        found.append(Module(docname, structure.title(env, docname), sum(r.minutes for r in rows), kinds,
                            lead_sentences(first_prose(page)), lesson.kind if lesson else ""))
    return found


class ModuleCards(SphinxPostTransform):
    """In the HTML course: one card per module."""

    default_priority = 4  # before ModuleList, and before references are resolved (the titles link)
    builders = HTML_BUILDERS

    def run(self, **kwargs) -> None:
        for node in list(self.document.findall(modules)):
            level = min(6, 1 + sum(isinstance(a, nodes.section) for a in structure.ancestors(node)))
            cards = nodes.bullet_list(classes=["cw-modules", *node["classes"]])
            for module in module_facts(self):
                card = nodes.list_item(classes=["cw-card"])
                card += card_heading("", "", doc_link(self.env, node["docname"], module.docname), level=level)
                card += nodes.paragraph(text=module.facts, classes=["cw-card-facts"])
                if module.summary:
                    card += nodes.paragraph(text=module.summary, classes=["cw-card-summary"])
                cards += card
            node.replace_self(cards if len(cards) else nodes.paragraph(text=_("No modules yet.")))


class ModuleList(SphinxPostTransform):
    """In every other output: the modules as a plain list."""

    default_priority = 5

    def run(self, **kwargs) -> None:
        for node in list(self.document.findall(modules)):
            items = nodes.bullet_list(classes=["cw-module-list", *node["classes"]])
            for module in module_facts(self):
                items += nodes.list_item(
                    "",
                    nodes.paragraph("", "", nodes.strong("", "", doc_link(self.env, node["docname"], module.docname)),
                                    nodes.Text(f" ({module.facts})")),
                    *([nodes.paragraph(text=module.summary)] if module.summary else []),
                )
            node.replace_self(items if len(items) else nodes.paragraph(text=_("No modules yet.")))


def setup_landing(app: Sphinx) -> None:
    add_node(app, modules, **SKIPPED_EVERYWHERE)
    add_node(app, card_heading, html=(visit_card_heading, depart_card_heading))
    app.add_directive("modules", Modules)
    app.add_post_transform(ModuleCards)
    app.add_post_transform(ModuleList)

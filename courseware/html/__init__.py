# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The HTML course (``html`` and ``dirhtml`` builders): its assets and its links to the other outputs.

``static/courseware.js`` is our own small script (no third-party code, no
network): the facilitator-view switch and the knowledge-check feedback.
``brand.css`` and the fonts are written from ``courseware_brand``
(``branding.py``). Links from a page to its deck and to the PDFs are built
from the builder's own idea of where the page lands (``get_target_uri``),
so they hold under ``html`` and ``dirhtml`` alike.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.osutil import relative_uri

from .. import structure
from ..branding import write_brand_assets
from ..config import settings
from ..directive import CourseDirective
from ..writers import SKIP, add_node

if TYPE_CHECKING:
    from sphinx.application import Sphinx

STATIC = Path(__file__).parent / "static"
HTML_BUILDERS = ("html", "dirhtml")


def _add_assets(app: Sphinx) -> None:
    if app.builder.name not in HTML_BUILDERS:
        return
    app.add_css_file("brand.css")
    app.add_css_file("courseware.css")
    app.add_js_file("courseware.js", defer="defer")


def _copy_assets(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.name not in HTML_BUILDERS:
        return
    static = Path(app.outdir) / "_static"
    for name in ("courseware.css", "courseware.js"):
        data = (STATIC / name).read_bytes()
        target = static / name
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)
    write_brand_assets(app, exception)


class downloads(nodes.General, nodes.Element):
    """Placeholder for links to every deck and PDF (HTML course only)."""


class Downloads(CourseDirective):
    has_content = False

    def run(self) -> list[nodes.Node]:
        node = downloads()
        self.block(node)
        return [node]


def _link(text: str, uri: str) -> nodes.paragraph:
    return nodes.paragraph("", "", nodes.reference("", text, refuri=uri, internal=False))


class DownloadLinks(SphinxPostTransform):
    """The ``downloads`` list: every PDF and every lesson's deck."""

    default_priority = 5
    builders = HTML_BUILDERS

    def run(self, **kwargs) -> None:
        for node in list(self.document.findall(downloads)):
            node.replace_self(self.download_list(self.env.docname))

    def download_list(self, docname: str) -> nodes.Node:
        config = settings(self.config)
        root = to_root(structure.builder(self.env), docname)
        pdfs = nodes.bullet_list()
        for doc in config.handouts:
            label = {"facilitator": "for facilitators", "self-study": "with answers, for study alone",
                     "learner": "for learners"}[doc.edition]
            pdfs += nodes.list_item("", _link(f"{doc.title} (PDF, {label})", root + config.handouts_url + doc.filename))
        decks = nodes.bullet_list()
        for row in structure.lessons_below(self.env, self.config.root_doc):
            decks += nodes.list_item("", _link(structure.title(self.env, row.docname),
                                               deck_uri(structure.builder(self.env), docname, row.docname)))
        index = deck_uri(structure.builder(self.env), docname, self.config.root_doc)
        container = nodes.container(classes=["cw-downloads"])
        container += nodes.paragraph(text="Printable handouts:")
        container += pdfs
        container += nodes.paragraph("", "", nodes.Text("Slide decks (all decks: "),
                                     nodes.reference("", "deck index", refuri=index, internal=False),
                                     nodes.Text("):"))
        container += decks
        return container


def to_root(builder, docname: str) -> str:
    """From a page of this builder's output to the output's root folder ("" from the root itself)."""
    path = relative_uri(builder.get_target_uri(docname), "")
    return "" if path == "./" else path


def deck_uri(builder, fromdoc: str, docname: str) -> str:
    """The deck of ``docname`` (decks are one file per lesson), from a page of the HTML course."""
    return to_root(builder, fromdoc) + settings(builder.config).slides_url + docname + ".html"


class DeckLink(SphinxPostTransform):
    """Under a lesson's title: a link to its deck."""

    default_priority = 6
    builders = HTML_BUILDERS

    def run(self, **kwargs) -> None:
        docname = self.env.docname
        if not structure.is_lesson(self.env, docname):
            return
        top = next(self.document.findall(nodes.section), None)
        if top is not None:
            line = _link("Open this lesson's slide deck", deck_uri(structure.builder(self.env), docname, docname))
            line["classes"].append("cw-deck-link")
            top.insert(1, line)


def setup_html(app: Sphinx) -> None:
    add_node(app, downloads, html=SKIP, latex=SKIP, text=SKIP, man=SKIP, texinfo=SKIP)
    app.add_directive("downloads", Downloads)
    app.add_post_transform(DownloadLinks)
    app.add_post_transform(DeckLink)
    app.connect("builder-inited", _add_assets)
    app.connect("build-finished", _copy_assets)

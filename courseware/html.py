# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Assets of the HTML course: course blocks' style, facilitator view, quizzes, brand.

Added only for the HTML builders. ``static/courseware.js`` is our own small
script (no third-party code, no network): the facilitator-view switch and the
knowledge-check feedback. ``brand.css`` is written from ``courseware_brand``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.fileutil import copy_asset_file

from .branding import write_brand_assets
from .config import settings
from .directive import CourseDirective
from .structure import is_lesson, lessons_below
from .writers import SKIP, add_node

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
    for name in ("courseware.css", "courseware.js"):
        copy_asset_file(STATIC / name, Path(app.outdir) / "_static", force=True)
    write_brand_assets(app, exception)


class downloads(nodes.General, nodes.Element):
    """Placeholder for links to every deck and PDF (HTML course only)."""


class Downloads(CourseDirective):
    has_content = False

    def run(self) -> list[nodes.Node]:
        node = downloads()
        self.block(node)
        return [node]


def _to_root(docname: str) -> str:
    return "../" * docname.count("/")


def _link(text: str, uri: str) -> nodes.paragraph:
    return nodes.paragraph("", "", nodes.reference("", text, refuri=uri, internal=False))


class OutputLinks(SphinxPostTransform):
    """Link the HTML course to the decks and PDFs built beside it.

    The home page's ``downloads`` list gets every PDF and every deck; each
    lesson gets a line with its deck. Other outputs have nothing to link:
    there the list, and a section holding only it, are left out.
    """

    default_priority = 5

    def run(self, **kwargs) -> None:
        html = self.app.builder.name in HTML_BUILDERS
        docname = self.env.docname
        for node in list(self.document.findall(downloads)):
            section = node.parent
            if html:
                node.replace_self(self.download_list(docname))
            else:
                section.remove(node)
                if isinstance(section, nodes.section) and len(section.children) == 1:
                    section.parent.remove(section)
        if html and is_lesson(self.env, docname):
            top = next(self.document.findall(nodes.section), None)
            if top is not None:
                uri = f"{_to_root(docname)}{settings(self.config).slides_url}{docname}.html"
                line = _link("Open this lesson's slide deck", uri)
                line["classes"].append("cw-deck-link")
                top.insert(1, line)

    def download_list(self, docname: str) -> nodes.Node:
        root = _to_root(docname)
        pdfs = nodes.bullet_list()
        for doc in settings(self.config).handouts:
            label = "facilitator guide" if doc.edition == "facilitator" else "learner edition"
            uri = f"{root}{settings(self.config).handouts_url}{doc.filename}"
            pdfs += nodes.list_item("", _link(f"{doc.title} (PDF, {label})", uri))
        decks = nodes.bullet_list()
        for row in lessons_below(self.env, self.config.root_doc):
            uri = f"{root}{settings(self.config).slides_url}{row.docname}.html"
            decks += nodes.list_item("", _link(self.env.titles[row.docname].astext(), uri))
        index = f"{root}{settings(self.config).slides_url}index.html"
        container = nodes.container(classes=["cw-downloads"])
        container += nodes.paragraph(text="Printable handouts:")
        container += pdfs
        container += nodes.paragraph("", "", nodes.Text("Slide decks (all decks: "),
                                     nodes.reference("", "deck index", refuri=index, internal=False),
                                     nodes.Text("):"))
        container += decks
        return container


def setup_html(app: Sphinx) -> None:
    add_node(app, downloads, html=SKIP, latex=SKIP, text=SKIP, man=SKIP, texinfo=SKIP)
    app.add_directive("downloads", Downloads)
    app.add_post_transform(OutputLinks)
    app.connect("builder-inited", _add_assets)
    app.connect("build-finished", _copy_assets)

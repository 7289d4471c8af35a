# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Figures of the HTML course open full size.

A figure's image becomes a link to its own file (``_images/...``), so it
opens full size in any browser, with or without script; where script runs,
``static/courseware.js`` shows it in a viewer (a ``<dialog>`` that scrolls,
closes with Escape and gives focus back) instead of leaving the page.
Sphinx links only the images it scales down (when it writes the page,
after this transform); this links every figure's image, and Sphinx then
leaves an image that is already linked alone. An image the author linked
(``:target:``) keeps its link.

The stylesheet gives figures a light panel, so drawings with a transparent
background and dark lines stay readable in the dark theme. The hint under the
image ("Full size") is the link's ``data-cw-hint``, in the course's language,
which the stylesheet shows (``attr()``): it needs no script.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING
from urllib.parse import quote

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.osutil import relative_uri

from .. import structure
from ..outputs import HTML_BUILDERS, add_node
from ..translations import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class figure_link(nodes.reference):
    """A figure's image as a link to its file, with the hint the stylesheet shows under it (HTML course only)."""


def visit_figure_link(self, node: figure_link) -> None:
    self.visit_reference(node)
    self.body[-1] = self.body[-1].replace("<a ", f'<a data-cw-hint="{self.attval(node["hint"])}" ', 1)


def depart_figure_link(self, node: figure_link) -> None:
    self.depart_reference(node)


def image_file_uri(builder, docname: str, uri: str) -> str | None:
    """Where the builder copies the image ``uri`` (as the environment knows it), from ``docname``'s page."""
    if uri not in builder.env.images:
        return None
    folder = relative_uri(builder.get_target_uri(docname), builder.imagedir + "/")
    return posixpath.join(folder, quote(builder.env.images[uri][1]))


class FigureLinks(SphinxPostTransform):
    default_priority = 20
    builders = HTML_BUILDERS

    def run(self, **kwargs) -> None:
        builder = structure.builder(self.env)
        for figure in list(self.document.findall(nodes.figure)):
            image = next(iter(figure.findall(nodes.image)), None)
            if image is None or isinstance(image.parent, nodes.reference):
                continue
            target = image_file_uri(builder, self.env.docname, image["uri"])
            if target is None:  # a remote image, or one Sphinx does not copy
                continue
            link = figure_link("", "", refuri=target, internal=True, classes=["cw-figure-link"], hint=_("Full size"))
            image.replace_self(link)
            link += image


def setup_figures(app: Sphinx) -> None:
    add_node(app, figure_link, html=(visit_figure_link, depart_figure_link))
    app.add_post_transform(FigureLinks)

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
background and dark lines stay readable in the dark theme.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING
from urllib.parse import quote

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.osutil import relative_uri

from .. import structure
from ..outputs import HTML_BUILDERS

if TYPE_CHECKING:
    from sphinx.application import Sphinx



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
            link = nodes.reference("", "", refuri=target, internal=True, classes=["cw-figure-link"])
            image.replace_self(link)
            link += image


def setup_figures(app: Sphinx) -> None:
    app.add_post_transform(FigureLinks)

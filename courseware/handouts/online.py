# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""From paper to the online course: QR codes and short links, where a published address is configured.

With ``courseware_base_url`` set, each lesson in print ends with two small QR
codes and their links (the lesson online and its deck), and the references
get one for the online bibliography. Unset, nothing is printed. The codes
are drawn by segno as SVG, embedded as images with alt text (``cw-qr`` in ``blocks.typ``).
"""

from __future__ import annotations

import segno
from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .. import structure
from ..config import settings
from ..links import bibliography_page, deck_url, page_url
from ..outputs import PRINT_BUILDERS
from ..references import short_link
from ..translations import _
from ..typst_markup import string


def qr_image(url: str, label: str) -> nodes.raw:
    """A QR code for ``url`` as an image with alt text (SVG, error correction M), drawn by the template's
    ``cw-qr``."""
    svg = segno.make(url, error="m").svg_inline(scale=1, border=2, dark="#000000")
    svg = svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
    # Translators: a QR code's alt text: what it leads to, and its address
    alt = _("QR code: {label}, {address}").format(label=label, address=url)
    return nodes.raw("", f"#cw-qr({string(svg)}, {string(alt)})", format="typst")


def online_block(links: list[tuple[str, str]]) -> nodes.container:
    """Codes and short links for ``(label, url)`` pairs."""
    block = nodes.container(classes=["cw-online"])
    for label, url in links:
        item = nodes.container(classes=["cw-online-item"])
        item += qr_image(url, label)
        item += nodes.paragraph("", "", nodes.strong("", label), nodes.Text(" "),
                                nodes.reference("", short_link(url, 60), refuri=url, internal=False))
        block += item
    return block


class LessonLinks(SphinxPostTransform):
    """At the end of each lesson: where to find it online, and its deck."""

    default_priority = 210
    builders = PRINT_BUILDERS

    def run(self, **kwargs) -> None:
        if not settings(self.config).base_url:
            return
        # a page resolved alone (the text layouts), or the pages of a tree assembled first (slides)
        holders = list(self.document.findall(addnodes.start_of_file)) or [self.document]
        for holder in holders:
            docname = holder.get("docname") or self.env.docname
            section = next((c for c in holder.children if isinstance(c, nodes.section)), None)
            if section is None or section.get("cw_generated") or not structure.is_lesson(self.env, docname):
                continue
            section += online_block([(_("This lesson online"), page_url(self.config, docname)),
                                     (_("Its slide deck"), deck_url(self.config, docname))])


def bibliography_block(env) -> nodes.container | None:
    page = bibliography_page(env)
    if not settings(env.config).base_url or page is None:
        return None
    return online_block([(_("Every source, with full links, online"), page_url(env.config, page))])

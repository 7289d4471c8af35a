# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""``lab-download``: where a reader gets the lab's practice repository, and how to check it.

Written where the lab starts, the block becomes one paragraph: the zip's
address and its SHA-256 checksum. The checksum is that of the zip this
build makes with the function ``courseware_lab_zip`` names (the course's
``coursetools.lab:practice_zip``, the same bytes ``make lab`` writes), so the
printed page and the published file always agree.

The address is ``courseware_lab_url``: the HTML course links it as it is;
print needs a full address, so it joins it with ``courseware_base_url``, and
without one names the file's place in the course's site and classroom kit.
"""

from __future__ import annotations

import hashlib
import importlib
from pathlib import PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from . import cache, structure
from .config import settings
from .directive import PlaceholderDirective
from .doctree_parts import sentence
from .links import to_root
from .outputs import HTML_BUILDERS, SKIP, add_node
from .translations import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class lab_download(nodes.General, nodes.Element):
    """Placeholder for the practice repository's address and checksum."""


class LabDownload(PlaceholderDirective):
    node_class = lab_download
    every_lesson = False


def checksum(env) -> str:
    """The SHA-256 of the zip that ``courseware_lab_zip`` makes ("" where the course names no maker).

    The maker keeps its zip in this machine's cache (``cache.py``), named by what it is made from: the
    course's zip took about 2 s to make (a git repository written commit by commit), in each build that
    prints the lab's page, and a build with no environment yet (``make`` after ``make clean``, a fresh
    clone) made it again."""
    maker = settings(env.config).lab_zip
    if not maker:
        return ""
    module, _colon, name = maker.partition(":")
    make = getattr(importlib.import_module(module), name)
    return hashlib.sha256(make(cache.folder("lab")).read_bytes()).hexdigest()


def _paragraph(where: nodes.Node, digest: str) -> nodes.paragraph:
    paragraph = nodes.paragraph("", "", nodes.strong("", _("The practice repository:") + " "),
                                classes=["cw-lab-download"])
    if digest:
        paragraph += sentence(_("{address}. Its SHA-256 checksum: {checksum}."), address=where,
                              checksum=nodes.literal("", digest, classes=["cw-checksum"]))
    else:
        paragraph += [where, nodes.Text(".")]
    return paragraph


class LinkLab(SphinxPostTransform):
    """The HTML course: a link to the zip, as the downloads list has it."""

    default_priority = 5
    builders = HTML_BUILDERS

    def run(self, **kwargs) -> None:
        url = settings(self.config).lab_url
        for node in list(self.document.findall(lab_download)):
            name = PurePosixPath(url).name or url
            address = url if "://" in url else to_root(structure.builder(self.env), self.env.docname) + url
            node.replace_self(_paragraph(nodes.reference("", name, refuri=address), checksum(self.env)))


class PrintLab(SphinxPostTransform):
    """Everything else (print, decks, text): the full address, or the file's place in the site and kit.

    It runs after ``LinkLab``, so in the HTML course it finds nothing left to draw.
    """

    default_priority = 6

    def run(self, **kwargs) -> None:
        config = settings(self.config)
        for node in list(self.document.findall(lab_download)):
            if "://" in config.lab_url or config.base_url:
                address = urljoin(config.base_url, config.lab_url)
                where = nodes.reference("", address, refuri=address)
            else:
                path = PurePosixPath(config.lab_url)
                where = nodes.Text(_("{file}, in the {folder}/ folder of the course's published site and of its "
                                     "classroom kit").format(file=path.name, folder=path.parent.name))
            node.replace_self(_paragraph(where, checksum(self.env)))


def setup_practice(app: Sphinx) -> None:
    add_node(app, lab_download, html=SKIP)
    app.add_directive("lab-download", LabDownload)
    app.add_post_transform(LinkLab)
    app.add_post_transform(PrintLab)

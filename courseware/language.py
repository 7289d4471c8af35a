# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The language of a page, or of a few words, in every output.

``language`` in conf.py is the course's. A page says otherwise in its front matter (``lang: ja``);
a span of text with docutils' own convention, a class ``language-<tag>`` (in MyST:
``[Guten Tag]{.language-de}``). Reading a page gives its top section that class.

Each output then says it in its own terms, decided by its writer: docutils' HTML writers turn the
class into a ``lang`` attribute (the HTML course); a deck, which is one page, takes the page's
language for its ``<html lang>`` (``deck_language``); the Typst writer sets ``text(lang: ...)``
(``typst_language``), which the PDF carries as ``/Lang`` on the structure elements. Hyphenation
and line breaking follow: a browser and Typst both break Chinese and Japanese between characters.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util import logging

from .outputs import DECK_BUILDERS

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

PREFIX = "language-"
#: A BCP 47 tag as pages write them: a language, then a script or region (``ja``, ``pt-BR``, ``zh-Hant``).
TAG = re.compile(r"[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*")


def language_of(node: nodes.Element) -> str | None:
    """The language a node's class names, or None."""
    return next((c[len(PREFIX):] for c in node.get("classes", ()) if c.startswith(PREFIX)), None)


def page_language(app: Sphinx, doctree: nodes.document) -> None:
    """Give a page whose front matter names its language (``lang:``) that language's class."""
    docname = app.env.docname
    value = app.env.metadata.get(docname, {}).get("lang")
    if value is None:
        return
    if not isinstance(value, str) or not TAG.fullmatch(value.strip()):
        logger.warning("lang: %r is not a language tag; write one like 'de', 'pt-BR' or 'ja'", value,
                       location=(docname, 1), type="courseware", subtype="language")
        return
    top = next(iter(doctree.findall(nodes.section)), None)
    if top is not None and language_of(top) is None:
        top["classes"].append(PREFIX + value.strip())


def typst_language(tag: str) -> str:
    """``text``'s arguments for a tag: Typst takes the language and the region apart (``pt-BR``)."""
    parts = tag.split("-")
    arguments = [f'lang: "{parts[0].lower()}"']
    region = next((p for p in parts[1:] if len(p) == 2 and p.isalpha()), None)
    if region:
        arguments.append(f'region: "{region.upper()}"')
    return ", ".join(arguments)


def deck_language(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """A deck is one page: its ``<html lang>`` is the page's language."""
    if doctree is None or app.builder.name not in DECK_BUILDERS:
        return
    top = next(iter(doctree.findall(nodes.section)), None)
    found = language_of(top) if top is not None else None
    if found:
        context["language"] = found


def setup_language(app: Sphinx) -> None:
    app.connect("doctree-read", page_language, priority=600)  # after Sphinx has read the front matter
    app.connect("html-page-context", deck_language)

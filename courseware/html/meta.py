# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""What a page says about itself: a description, and, once the course has an address, more.

- Every page of the HTML course gets ``<meta name="description">``: for a
  lesson, its length, its module and its objectives; for any other page,
  its first paragraph of prose.
- When ``courseware_base_url`` is set (the address the HTML course is
  published at), sphinxext-opengraph writes Open Graph tags (with the same
  description), sphinx-sitemap writes ``sitemap.xml`` and every page gets a
  canonical link. The decks get the tags and links at their own address
  (``slides_url`` from the course's). Unset, none of this is written and
  neither extension is loaded.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from docutils import nodes
from sphinx import addnodes

from .. import structure
from ..agenda import format_minutes
from ..config import settings
from ..outputs import DECK_BUILDERS, HTML_BUILDERS
from ..translations import _, within_sentence

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

#: Builders whose pages get a description and the favicon: the HTML course and the decks.
PAGE_BUILDERS = HTML_BUILDERS + DECK_BUILDERS
#: Search engines show about this many characters; the description stops at a word before.
LENGTH = 200


def shorten(text: str, length: int = LENGTH) -> str:
    """``text`` on one line, cut at a word boundary to at most ``length`` characters."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    cut = text[: length - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "\u2026"


def first_prose(tree: nodes.Node) -> str:
    """The first paragraph of prose: directly in a section, not a course block, caption or line of facts.

    A cross-reference in brackets, "(The case: Larkspur Logistics)", says
    where to read on: out of context, in a summary, it is left out.
    """
    for paragraph in tree.findall(nodes.paragraph):
        if isinstance(paragraph.parent, nodes.section) and not paragraph["classes"]:
            text = _without_bracketed_references(paragraph).strip()
            if text:
                return " ".join(text.split())
    return ""


def _without_bracketed_references(paragraph: nodes.paragraph) -> str:
    parts = []
    for child in paragraph.children:
        text = child.astext()
        if isinstance(child, (nodes.reference, addnodes.pending_xref)) and parts and parts[-1].endswith("("):
            following = child.next_node(descend=False, siblings=True)
            if isinstance(following, nodes.Text) and following.astext().startswith(")"):
                parts[-1] = parts[-1][:-1].rstrip()
                parts.append("\0")  # the closing bracket goes with it
                continue
        if parts and parts[-1] == "\0":
            parts[-1] = ""
            text = text[1:]
        parts.append(text)
    return "".join(parts)


def lesson_description(env, docname: str) -> str:
    record = structure.lesson(env, docname)
    module = structure.module_of(env, docname)
    facts = {"length": format_minutes(record.duration), "module": structure.title(env, module) if module else ""}
    if record.kind == "worksheet":
        text = _("A {length} worksheet session of {module}.") if module else _("A {length} worksheet session.")
    else:
        text = _("A {length} lesson of {module}.") if module else _("A {length} lesson.")
    text = text.format(**facts)
    aims = [o.rstrip(".") for o in record.objectives]
    if aims:
        # Translators: {aims} are the lesson's objectives, each starting lower case (not in German), joined by "; ".
        text += " " + _("You will {aims}.").format(
            aims="; ".join(within_sentence(a, env.config.language) for a in aims))
    return text


def description(env, docname: str, doctree: nodes.document | None) -> str:
    if structure.is_lesson(env, docname):
        return shorten(lesson_description(env, docname))
    text = first_prose(doctree) if doctree is not None else ""
    return shorten(text or f"{structure.title(env, docname)}: {env.config.project}.")


def add_description(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if app.builder.name not in PAGE_BUILDERS:
        return
    if doctree is None and pagename not in app.env.titles:
        text = shorten(f"{context.get('title') or pagename}: {app.config.project}.")
    else:
        text = description(app.env, pagename, doctree)
    context["metatags"] = context.get("metatags", "") + f'<meta name="description" content="{html.escape(text)}">\n'
    # sphinxext-opengraph (when loaded) takes og: fields of the page's metadata as they are
    meta = dict(context.get("meta") or {})
    meta["og:description"] = text
    context["meta"] = meta


# -- published address: canonical links, Open Graph, sitemap --------------------------


def _publish(app: Sphinx, config: Config) -> None:
    """Point the two extensions and Sphinx's canonical links at the course's address."""
    base = settings(config).base_url
    config.html_baseurl = base
    config.ogp_site_url = base
    config.ogp_social_cards = {"enable": False}  # no images drawn per page
    config.sitemap_url_scheme = "{link}"  # the course's own address, no language or version folder


def _publish_per_builder(app: Sphinx) -> None:
    """The decks live at their own address; only the HTML course has a sitemap."""
    if app.builder.name in HTML_BUILDERS:
        return
    config = app.config
    deck_root = urljoin(settings(config).base_url, settings(config).slides_url)
    config.html_baseurl = deck_root
    config.ogp_site_url = deck_root
    config.sitemap_excludes = ["*"]


def setup_meta(app: Sphinx) -> None:
    app.connect("html-page-context", add_description, priority=400)  # before sphinxext-opengraph reads it
    # Read now, before config-inited, so the extensions load only for a published course
    # (conf.py's value or -D's; config.py checks it on config-inited like every setting).
    if app.config.courseware_base_url:
        app.setup_extension("sphinxext.opengraph")
        app.setup_extension("sphinx_sitemap")
        app.connect("config-inited", _publish, priority=460)  # after config.py has checked the value
        app.connect("builder-inited", _publish_per_builder)

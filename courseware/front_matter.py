# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Pages written for other tools: the title in the front matter, the text from ``##`` on.

Hugo, Jekyll and Jupyter Book keep a page's title in its YAML front matter (``title:``) and start its
headings at ``##``. MyST can make that title the page's heading (``myst_title_to_header``), but for
every page at once: a page with both a ``title`` and a ``#`` heading would get two. Here the
front matter's title becomes the page's heading only on a page with no ``#`` heading of its own, so
that its ``##`` headings are its sections; a page with both keeps its ``#``. The title then serves
the page everywhere a heading does: the page title, the contents, the bookmarks.

Keys of the front matter that nothing here reads (Hugo's ``weight``, ``draft``, ``status``) stay in the
page's metadata, as MyST puts them there, and change nothing.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from myst_parser.config.main import MdParserConfig, TopmatterReadError, read_topmatter
from myst_parser.mdit_to_docutils.sphinx_ import SphinxRenderer
from myst_parser.parsers.mdit import create_md_parser
from myst_parser.parsers.sphinx_ import MystParser

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.config import Config


def front_matter_title(text: str, config: MdParserConfig) -> str | None:
    """The front matter's ``title``, when the page has one and no ``#`` heading of its own (read with
    MyST's own syntax, so that a ``#`` line inside a fence or a directive is no heading)."""
    try:
        data = read_topmatter(text)
    except TopmatterReadError:  # MyST reports it while it renders the page
        return None
    title = data.get("title") if isinstance(data, dict) else None
    if not isinstance(title, str) or not title.strip():
        return None
    tokens = create_md_parser(config, SphinxRenderer).parse(text)
    return None if any(t.type == "heading_open" and t.tag == "h1" for t in tokens) else title


class FrontMatterTitleParser(MystParser):
    """MyST's parser, with ``title_to_header`` for the pages that need it and no other."""

    def parse(self, inputstring: str, document: nodes.document) -> None:
        env = document.settings.env
        config = env.myst_config
        if not config.title_to_header and front_matter_title(inputstring, config) is not None:
            env.myst_config = dataclasses.replace(config, title_to_header=True)
        try:
            super().parse(inputstring, document)
        finally:
            env.myst_config = config


def _replace_parser(app: Sphinx, _config: Config) -> None:
    if "myst_parser" in app.extensions:  # registered in config-inited: whatever conf.py's order
        app.add_source_parser(FrontMatterTitleParser, override=True)


def setup_front_matter(app: Sphinx) -> None:
    app.connect("config-inited", _replace_parser)

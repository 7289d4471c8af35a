# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Links between the outputs, in one place: each output's address scheme and where the others stand.

The HTML course, the decks and the PDFs are published side by side
(``_build/html``, ``_build/slides``, ``_build/handouts``, or a site laid out
the same way). A page links within its own output through its builder
(``get_target_uri``); a link to another output needs that output's folder
(``courseware_html_url``, ``slides_url``, ``handouts_url``) and its address
scheme: ``html`` and ``revealjs`` write ``a/b.html``, ``dirhtml`` and
``dirrevealjs`` write ``a/b/`` (the root page: ``index.html`` or nothing).
The builder of the output a page belongs to is known; the other outputs'
builders are settings (``courseware_html_builder``, ``slides_builder``),
because the decks are built without knowing how the course is published.

- ``to_root``: from a page of the current output to that output's root folder.
- ``page_path`` / ``deck_path``: a page's address inside the HTML course / a
  lesson's deck inside the decks' folder, in that output's scheme.
- ``deck_from_page`` / ``page_from_deck``: the relative links the HTML course
  and the decks write to each other.
- ``page_url`` / ``deck_url``: the published addresses print uses (QR codes).
- ``html_folder``: the built HTML course, from another builder (the SCORM package copies it).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from sphinx.util.osutil import relative_uri

from .config import settings

if TYPE_CHECKING:
    from sphinx.builders import Builder
    from sphinx.config import Config

#: Builders whose pages are folders (``a/b/`` rather than ``a/b.html``).
DIRECTORY_BUILDERS = ("dirhtml", "dirrevealjs")


def address(docname: str, builder_name: str, root_doc: str) -> str:
    """``docname``'s address inside an output built by ``builder_name``."""
    if builder_name in DIRECTORY_BUILDERS:
        if docname == root_doc:
            return ""
        return (docname[: -len("/index")] if docname.endswith("/index") else docname) + "/"
    return docname + ".html"


def to_root(builder: Builder, docname: str) -> str:
    """From a page of this builder's output to the output's root folder ("" from the root itself)."""
    path = relative_uri(builder.get_target_uri(docname), "")
    return "" if path == "./" else path


def page_path(config: Config, docname: str) -> str:
    return address(docname, settings(config).html_builder, config.root_doc)


def deck_path(config: Config, docname: str) -> str:
    return address(docname, settings(config).slides_builder, config.root_doc)


def deck_from_page(builder: Builder, fromdoc: str, docname: str) -> str:
    """The deck of ``docname``, from a page of the HTML course."""
    return to_root(builder, fromdoc) + settings(builder.config).slides_url + deck_path(builder.config, docname)


def page_from_deck(builder: Builder, fromdoc: str, docname: str, anchor: str = "") -> str:
    """A page of the HTML course, from a deck."""
    target = to_root(builder, fromdoc) + settings(builder.config).html_url + page_path(builder.config, docname)
    return target + (f"#{anchor}" if anchor else "")


def page_url(config: Config, docname: str) -> str:
    """The published address of a page of the HTML course (``courseware_base_url`` is its root)."""
    return urljoin(settings(config).base_url, page_path(config, docname))


def deck_url(config: Config, docname: str) -> str:
    """The published address of a lesson's deck."""
    return urljoin(settings(config).base_url, settings(config).slides_url + deck_path(config, docname))


def html_folder(builder: Builder) -> Path:
    """The built HTML course's folder, from another output's builder (the outputs stand side by side, so
    ``html_url`` leads there from any of them)."""
    return (Path(builder.outdir) / settings(builder.config).html_url).resolve()


def bibliography_page(env) -> str | None:
    """The page that holds the course's bibliography (sphinxcontrib-bibtex's ``bibliography`` directive)."""
    pages = sorted({key.docname for key in env.get_domain("cite").bibliographies})
    return pages[0] if pages else None

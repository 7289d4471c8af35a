# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""How the course becomes Reveal.js decks: everything deck-specific, in one place.

- ``settings``: the deck defaults (theme, size, plugins, the style in ``static/``, which a file of
  the same name in a folder of conf.py's ``revealjs_static_path`` replaces),
  applied unless conf.py sets a value itself.
- ``shape``: ``ShapeDeck``, the post-transform that turns a lesson page into
  its slides, and the deck index.
- ``visitors``: how every course node is drawn on a slide (a solution never,
  an explanation as speaker notes, a nested slide block unwrapped ...).
- ``builder``: the ``revealjs`` builder writes only decks (lessons and the
  deck index), with a translator that closes every ``<section>``.

sphinx-revealjs declares itself not parallel-safe, which stops every builder
from reading pages in parallel. It keeps nothing in the environment (its
directives only make nodes), so reading with it is safe: ``_parallel_read``
says so, and the course loads it for every builder, one environment for all
outputs. tests/test_upstream.py fails when upstream changes its declaration.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from ..outputs import DECK_BUILDERS
from .shape import DeckCitations, ShapeDeck
from .visitors import register_deck_visitors

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: The extension's deck style (``deck.css``), copied with the decks before the course's own static files.
STATIC = Path(__file__).parent / "static"
#: Deck settings of sphinx-revealjs; conf.py may set any of them itself.
DECK_DEFAULTS = {
    "revealjs_html_theme": "revealjs-simple",
    "revealjs_style_theme": "white",  # no font from the network; static/deck.css styles on top
    "revealjs_css_files": ["deck.css"],
    "revealjs_use_section_ids": True,  # a slide's id is its section's: "#further-reading" links work
    "revealjs_script_conf": {
        "controls": True,
        "progress": True,
        "slideNumber": "c/t",
        "hash": True,
        "center": False,
        "width": 1280,
        "height": 720,
        "margin": 0.04,
        "pdfSeparateFragments": False,
    },
    "revealjs_script_plugins": [{"name": "RevealNotes", "src": "revealjs/plugin/notes/notes.js"}],
}


def _apply_defaults(app: Sphinx, config) -> None:
    # Private: Sphinx has no public way to tell a value conf.py set from a registered default, and
    # sphinx-revealjs registers its own defaults. tests/test_upstream.py fails if _raw_config goes.
    raw = getattr(config, "_raw_config", {})
    for name, value in DECK_DEFAULTS.items():
        if name not in raw:
            setattr(config, name, value)
    # the extension's deck style first: a file of the same name in conf.py's folders (copied later) replaces it
    ours = str(STATIC)
    config.revealjs_static_path = [ours, *(p for p in raw.get("revealjs_static_path", ()) if p != ours)]


def _parallel_read(app: Sphinx, config) -> None:
    # sphinx-revealjs 3.2 returns parallel_read_safe False from setup() although it stores nothing in the
    # environment (no env data to merge); Sphinx has no public way to say otherwise than the Extension's
    # attribute. Writing stays serial for its builders (their parallel_write_safe is untouched).
    app.extensions["sphinx_revealjs"].parallel_read_safe = True


#: What other extensions give every HTML page and no deck uses: sphinx-design's components.
NOT_IN_DECKS = ("sphinx-design.min.css", "design-tabs.js")


def _add_brand(app: Sphinx) -> None:
    """The brand's CSS with its fonts as WOFF2, as the HTML course links it; none of sphinx-design's files."""
    from ..html.webfonts import STYLESHEET

    if app.builder.name in DECK_BUILDERS:
        app.builder.add_css_file(STYLESHEET)
        app.config.html_static_path = [p for p in app.config.html_static_path
                                       if not any((Path(app.confdir) / p / name).is_file() for name in NOT_IN_DECKS)]


def _leave_out(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if app.builder.name not in DECK_BUILDERS:
        return
    for key in ("css_files", "script_files"):
        context[key] = [item for item in context.get(key, [])
                        if Path(str(getattr(item, "filename", item)).split("?")[0]).name not in NOT_IN_DECKS]


#: reveal.js's themes import web fonts of their own (``white.css``: Source Sans Pro in four formats, 1.8 MB);
#: ``deck.css`` sets the brand's font on every text of a deck, so no deck loads them.
THEME_FONTS = re.compile(r"@import url\(\.?/?fonts/[^)]*\);[ \t]*\n?")


def _write_brand(app: Sphinx, exception: Exception | None) -> None:
    from ..html.webfonts import write_web_fonts

    if exception is None and app.builder.name in DECK_BUILDERS:
        write_web_fonts(app)
        _drop_theme_fonts(Path(app.outdir))


def _drop_theme_fonts(outdir: Path) -> None:
    """The copied themes without their font imports, so that the published decks (which ship what the
    decks load, ``coursetools.site``) leave the theme's fonts out."""
    for theme in (outdir / "_static" / "revealjs" / "dist" / "theme").glob("*.css"):
        text = theme.read_text(encoding="utf-8")
        kept = THEME_FONTS.sub("", text)
        if kept != text:
            theme.write_text(kept, encoding="utf-8")


def setup_slides(app: Sphinx) -> None:
    register_deck_visitors(app)
    app.add_post_transform(DeckCitations)
    app.add_post_transform(ShapeDeck)
    if "sphinx_revealjs" in app.extensions:
        from .builder import setup_deck_builder

        setup_deck_builder(app)
        app.connect("config-inited", _parallel_read)
        app.connect("config-inited", _apply_defaults, priority=300)
        app.connect("builder-inited", _add_brand, priority=600)  # after sphinx-design adds its files
        app.connect("html-page-context", _leave_out)
        app.connect("build-finished", _write_brand)

# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The HTML course (``html`` and ``dirhtml`` builders): its assets, its links to the other outputs.

``static/courseware.js`` is our own small script (no third-party code, no
network): the facilitator-view switch, the knowledge-check feedback and the
figure viewer. The words it writes into a page are not in it: the build writes
them, in the course's language, as ``_static/courseware-words.js``
(``SCRIPT_WORDS``), which every page loads before it. The brand
(``courseware_brand``, ``branding.py``) reaches the HTML course as
``brand-web.css`` with WOFF2 fonts (``webfonts.py``). The favicon and the
page description serve the decks too. Links from a page to its deck and to
the PDFs are built from the builder's own idea of where the page lands
(``get_target_uri``), so they hold under ``html`` and ``dirhtml`` alike.

The parts:

- this module: assets, the ``downloads`` list, the link to a lesson's deck,
  the facilitator-view switch at the top of every page that has facilitator
  material;
- ``landing``: the ``modules`` directive (the landing page's module cards);
- ``figures``: figures link to their image file and open in a viewer;
- ``webfonts``: the brand's CSS for the web, its fonts as WOFF2;
- ``meta``: a description per page; Open Graph, canonical links and a
  sitemap once the course has a published address;
- ``fixes``: upstream markup that accessibility checkers reject, corrected.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .. import structure
from ..branding import font_files, write_if_changed
from ..config import settings
from ..directive import PlaceholderDirective
from ..doctree_parts import sentence
from ..links import deck_from_page, to_root
from ..outputs import FACILITATOR, HTML_BUILDERS, SKIPPED_EVERYWHERE, add_node, has_class
from ..translations import N_, _
from .figures import setup_figures
from .fixes import setup_fixes
from .landing import setup_landing
from .meta import PAGE_BUILDERS, setup_meta
from .webfonts import STYLESHEET, web_font, write_web_fonts

#: The class of the download list's item that links to the classroom kit; ``coursetools.site``
#: replaces that item inside the kit itself, where the link would lead nowhere.
KIT_ITEM = "cw-kit"

if TYPE_CHECKING:
    from sphinx.application import Sphinx

STATIC = Path(__file__).parent / "static"
#: The file that gives ``courseware.js`` its words, written by the build in the course's language.
WORDS_SCRIPT = "courseware-words.js"
#: The words ``courseware.js`` writes into a page, by the name the script asks for; ``{name}`` is filled in by it.
SCRIPT_WORDS = {
    # Translators: a knowledge check's feedback when the learner picked the right option.
    "correct": N_("Correct."),
    # Translators: a knowledge check's feedback for a wrong option; {answer} is the right option's letter.
    "notQuite": N_("Not quite: the answer is {answer}."),
    # Translators: the name of the full-size figure viewer, for a figure without a caption.
    "figure": N_("Figure"),
    # Translators: the name of the full-size figure viewer; {caption} is the figure's caption.
    "figureNamed": N_("Figure: {caption}"),
    "openImage": N_("Open the image file"),
    # Translators: the button that closes the full-size figure viewer.
    "close": N_("Close"),
    # Translators: the name of the side panel with the course's contents (for screen readers).
    "courseNavigation": N_("Course navigation"),
    # Translators: the name of the side panel with the page's contents (for screen readers).
    "onThisPage": N_("On this page"),
}


def words_script() -> str:
    """``_static/courseware-words.js``: ``SCRIPT_WORDS`` in the course's language (ASCII, whatever the page's
    encoding)."""
    words = {name: _(message) for name, message in SCRIPT_WORDS.items()}
    return f"window.coursewareWords = {json.dumps(words, indent=1, sort_keys=True)};\n"


def _add_assets(app: Sphinx) -> None:
    if app.builder.name not in HTML_BUILDERS:
        return
    app.add_css_file(STYLESHEET)  # the brand's CSS, its fonts as WOFF2 (webfonts.py)
    app.add_css_file("courseware.css")
    app.add_js_file(WORDS_SCRIPT, defer="defer")  # deferred scripts run in order: the words first
    app.add_js_file("courseware.js", defer="defer")


def _copy_assets(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.name not in PAGE_BUILDERS:
        return
    static = Path(app.outdir) / "_static"
    if not app.config.html_favicon:
        icon = FAVICON.format(colour=settings(app.config).brand.primary)
        write_if_changed(static / "favicon.svg", icon.encode("utf-8"))
    if app.builder.name not in HTML_BUILDERS:
        return  # the decks' brand-web.css: slides/__init__.py
    for name in ("courseware.css", "courseware.js"):
        write_if_changed(static / name, (STATIC / name).read_bytes())
    write_if_changed(static / WORDS_SCRIPT, words_script().encode("utf-8"))
    write_web_fonts(app)


#: The course's icon in the browser's tab, in the brand's colour: an arrow leaving a box (outbound).
#: conf.py's html_favicon, when set, is used instead.
FAVICON = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<rect width="32" height="32" rx="6" fill="{colour}"/>
<path d="M13 9H9v14h14v-4M17 7h8v8M25 7L14 18" fill="none" stroke="#fff" stroke-width="2.6"
 stroke-linecap="round" stroke-linejoin="round"/>
</svg>
"""
#: Faces the first screen of every page uses: fetched with the page, so text does not jump when they arrive.
PRELOADED_FACES = ("regular", "semibold")


def add_head_links(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """The favicon (course and decks), and the brand's main font faces preloaded (course)."""
    if app.builder.name not in PAGE_BUILDERS:
        return
    pathto = context["pathto"]
    links = []
    if not app.config.html_favicon:
        links.append(f'<link rel="icon" href="{pathto("_static/favicon.svg", 1)}" type="image/svg+xml">')
    preloaded = font_files(app) if app.builder.name in HTML_BUILDERS else []
    for font in preloaded:
        if font.stem.rsplit("-", 1)[-1] in PRELOADED_FACES:
            links.append(f'<link rel="preload" href="{pathto("_static/fonts/" + web_font(font), 1)}" as="font" '
                         'type="font/woff2" crossorigin>')
    context["metatags"] = context.get("metatags", "") + "".join(line + "\n" for line in links)


class downloads(nodes.General, nodes.Element):
    """Placeholder for links to every deck and PDF, the classroom kit and the lab (HTML course only)."""


class Downloads(PlaceholderDirective):
    node_class = downloads
    every_lesson = False


def _link(text: str, uri: str) -> nodes.paragraph:
    return nodes.paragraph("", "", nodes.reference("", text, refuri=uri, internal=False))


def _group(label: str, *body: nodes.Node, classes=()) -> nodes.container:
    group = nodes.container(classes=["cw-download-group", *classes])
    group += nodes.paragraph(text=label, classes=["cw-download-label"])
    group.extend(body)
    return group


#: The PDFs are listed by edition, in this order.
EDITION_LABELS = {"learner": N_("For learners"), "self-study": N_("For study alone, with the answers"),
                  "facilitator": N_("For facilitators")}


class DownloadLinks(SphinxPostTransform):
    """The ``downloads`` list: every PDF and every lesson's deck; then the kit and the lab's repository.

    The PDFs and decks (``.cw-downloads``) are inside the classroom kit; the
    two zips (``.cw-archives``) are beside it.
    """

    default_priority = 5
    builders = HTML_BUILDERS

    def run(self, **kwargs) -> None:
        for node in list(self.document.findall(downloads)):
            node.replace_self(self.download_list(self.env.docname))

    def download_list(self, docname: str) -> nodes.Node:
        config = settings(self.config)
        builder = structure.builder(self.env)
        root = to_root(builder, docname)
        pdfs = []
        for edition, label in EDITION_LABELS.items():
            items = nodes.bullet_list()
            for doc in config.handouts:
                if doc.edition == edition:
                    items += nodes.list_item("", _link(_("{title} (PDF)").format(title=doc.title),
                                                       root + config.handouts_url + doc.filename))
            if len(items):
                pdfs += [nodes.paragraph(text=_(label), classes=["cw-download-sublabel"]), items]
        decks = nodes.bullet_list(classes=["cw-deck-list"])
        for row in structure.lessons_below(self.env, self.config.root_doc):
            decks += nodes.list_item("", _link(structure.title(self.env, row.docname),
                                               deck_from_page(builder, docname, row.docname)))
        index = deck_from_page(builder, docname, self.config.root_doc)
        course = nodes.container(classes=["cw-downloads"])
        course += _group(_("Printable handouts"), *pdfs)
        # Translators: {deck_index} is a link whose text is "deck index".
        line = sentence(_("One deck per lesson, with speaker notes (press S); all of them in the {deck_index}:"),
                        deck_index=nodes.reference("", _("deck index"), refuri=index, internal=False))
        course += _group(_("Slide decks"), nodes.paragraph("", "", *line), decks, classes=["cw-decks"])
        archives = nodes.bullet_list()
        for url, text, kind in ((config.kit_url, _("Classroom kit (zip): the HTML course, the decks and the PDFs, "
                                                   "to open from disk where there is no network"), KIT_ITEM),
                                (config.lab_url, _("The lab's practice repository (zip)"), "cw-lab")):
            if url:
                archives += nodes.list_item("", _link(text, url if "://" in url else root + url), classes=[kind])
        area = nodes.container(classes=["cw-download-area"])
        area += course
        if len(archives):
            area += _group(_("Offline and lab"), archives, classes=["cw-archives"])
        return area


class DeckLink(SphinxPostTransform):
    """Under a lesson's title: a link to its deck."""

    default_priority = 6
    builders = HTML_BUILDERS

    def run(self, **kwargs) -> None:
        docname = self.env.docname
        if not structure.is_lesson(self.env, docname):
            return
        top = next(self.document.findall(nodes.section), None)
        if top is not None:
            line = _link(_("Open this lesson's slide deck"),
                         deck_from_page(structure.builder(self.env), docname, docname))
            line["classes"].append("cw-deck-link")
            top.insert(1, line)


def add_facilitator_switch(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """At the top of a page with facilitator material: the switch that shows it.

    In the page, not floating over it: with furo it sits on the line of the
    theme and contents buttons. A real button (keyboard, ``aria-pressed``);
    ``courseware.js`` wires it and remembers the choice.
    """
    if app.builder.name not in HTML_BUILDERS or doctree is None:
        return
    if not any(has_class(node, FACILITATOR) for node in doctree.findall(nodes.Element)):
        return
    context["body"] = switch() + context.get("body", "")


def switch() -> str:
    """The switch, its words in the course's language."""
    title, label = _("Show the slide bullets and facilitator notes on this page"), _("Facilitator view")
    return (
        '<div class="cw-toolbar">'
        '<button type="button" class="cw-facilitator-switch" aria-pressed="false" '
        f'title="{html.escape(title)}">'
        '<span class="cw-switch-track" aria-hidden="true"></span>'
        f'{html.escape(label, quote=False)}</button>'
        "</div>\n"
    )


def setup_html(app: Sphinx) -> None:
    add_node(app, downloads, **SKIPPED_EVERYWHERE)
    app.add_directive("downloads", Downloads)
    app.add_post_transform(DownloadLinks)
    app.add_post_transform(DeckLink)
    app.connect("builder-inited", _add_assets)
    app.connect("build-finished", _copy_assets)
    app.connect("html-page-context", add_facilitator_switch)
    app.connect("html-page-context", add_head_links)
    setup_landing(app)
    setup_figures(app)
    setup_meta(app)
    setup_fixes(app)

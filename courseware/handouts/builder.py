# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The ``handouts`` builder: one run writes every PDF listed in conf.py.

A thin ``SingleFileHTMLBuilder`` subclass, like the LaTeX builder in shape:
for each entry of ``courseware_handouts`` it assembles the pages
(``assemble.py``), filters a copy for the entry's edition (``editions.py``),
numbers the PDF's citations and adds its references, writes the HTML beside
the PDF and hands it to WeasyPrint (``pdf.py``) at once, only when an input
changed: the longest PDFs are assembled first and render while the rest are
assembled.
"""

from __future__ import annotations

import logging as std_logging
import os
import time
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sphinx.builders.singlehtml import SingleFileHTMLBuilder
from sphinx.errors import SphinxError
from sphinx.locale import __
from sphinx.util import logging
from sphinx.util.console import darkgreen
from sphinx.util.osutil import copyfile
from sphinx.writers.html5 import HTML5Translator

from .. import structure
from ..branding import brand_css, copy_logo, font_faces, font_files
from ..config import HandoutDocument, settings
from ..references import printed_reference
from . import pdf
from .assemble import assemble, running_heads, table_of_contents
from .editions import filter_edition
from .layouts import assemble_slides
from .online import bibliography_block
from .render import number_citations

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

EDITION_LABELS = {"learner": "Learner edition", "self-study": "Self-study edition", "facilitator": "Facilitator guide"}


def build_date() -> time.struct_time:
    """``SOURCE_DATE_EPOCH`` (``make`` sets it from the last commit), else today at midnight:
    a date that changes by the second would make every build render every PDF again."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return time.gmtime(int(epoch))
    now = time.time()
    return time.gmtime(now - now % 86400)


class HandoutTranslator(HTML5Translator):
    """The HTML writer for print: it also writes the attributes print needs (``cw_attributes``)."""

    def starttag(self, node, tagname, suffix="\n", empty=False, **attributes):
        if isinstance(node, nodes.Element):
            attributes.update(node.get("cw_attributes", {}))
        return super().starttag(node, tagname, suffix, empty, **attributes)


class HandoutsBuilder(SingleFileHTMLBuilder):
    """Write the PDF handouts listed in ``courseware_handouts``."""

    name = "handouts"
    default_translator_class = HandoutTranslator
    format = "html"
    epilog = __("The PDF handouts are in %(outdir)s.")
    copysource = False
    search = False

    def init(self) -> None:
        problem = pdf.check_weasyprint()
        if problem:
            raise SphinxError(problem)
        super().init()
        self.assets = Path(self.confdir) / settings(self.config).handouts_path
        if not (self.assets / "templates" / "handout.html").is_file():
            raise SphinxError(f"courseware_handouts_path: {self.assets} holds no templates/handout.html "
                              "(the print template and handout.css)")
        self.jinja = Environment(
            loader=FileSystemLoader(self.assets / "templates"),
            autoescape=select_autoescape(["html"]),
        )
        self.copied_images: set[str] = set()

    # -- assembling -------------------------------------------------------------

    def write_documents(self, _docnames) -> None:
        """Assemble and write each PDF's HTML, biggest first, and hand it to WeasyPrint at once:
        the first PDFs render while the next are assembled."""
        self.prepare_writing(self.env.all_docs.keys())
        documents = []
        for document in settings(self.config).handouts:
            if document.start in self.env.all_docs:
                documents.append(document)
            else:
                logger.warning(
                    "courseware_handouts: start document %r of %s does not exist",
                    document.start, document.filename, type="courseware", subtype="handouts",
                )
        # the longest render decides when the build ends: start it first
        documents.sort(key=lambda document: -self.size_estimate(document))
        with self.renderer() as render:
            for document in documents:
                logger.info(darkgreen(f"assembling {document.filename} ({document.edition})"))
                assembled = assemble(self, document) if document.layout == "text" else assemble_slides(self, document)
                tree = filter_edition(assembled, document.edition)
                references = self.references_section(number_citations(tree))
                if references is not None:
                    tree += references
                running_heads(tree, document)
                self.post_process_images(tree)
                self.copy_new_images()
                render(document, self.write_html(document, tree))

    def size_estimate(self, document: HandoutDocument) -> int:
        """Roughly how long a PDF takes to render: its lessons, more for a facilitator's, less on slides."""
        lessons = 1 + len(structure.lessons_below(self.env, document.start))
        return lessons * (2 if document.edition == "facilitator" else 1) * (2 if document.layout == "text" else 1)

    def references_section(self, keys: list[str]) -> nodes.section | None:
        """The PDF's own "References", numbered from 1 in order of first citation."""
        if not keys:
            return None
        section = nodes.section(ids=["cw-references"], classes=["cw-references"])
        section += nodes.title("", "References")
        items = nodes.enumerated_list(classes=["cw-reference-list"])
        for key in keys:
            items += nodes.list_item("", printed_reference(self.env, key), ids=[f"cw-cite-{key}"])
        section += items
        online = bibliography_block(self.env)
        if online is not None:
            section += online
        return section

    # -- writing ------------------------------------------------------------------

    def body_html(self, tree: nodes.document, docname: str) -> str:
        tree.settings = self.docsettings
        self.secnumbers, self.fignumbers = {}, {}
        self.imgpath = "_images"
        self.dlpath = "_downloads"
        self.current_docname = docname
        visitor = self.create_translator(tree, self)
        tree.walkabout(visitor)
        return "".join(visitor.fragment)

    def write_html(self, document: HandoutDocument, tree: nodes.document) -> str:
        date = build_date()
        config = settings(self.config)
        brand = config.brand
        faces = font_faces(brand.font, font_files(self), Path.as_uri)
        page = f"@page {{ size: {config.paper}; }}\n"
        html = self.jinja.get_template("handout.html").render(
            title=document.title,
            course=self.config.project,
            edition=document.edition,
            layout=document.layout,
            edition_label=EDITION_LABELS[document.edition],
            brand=brand,
            brand_css=brand_css(brand, fonts=faces) + page,
            logo=self.logo(),
            language=self.config.language or "en",
            date_iso=time.strftime("%Y-%m-%dT%H:%M:%SZ", date),
            date_human=time.strftime("%-d %B %Y", date),
            toc=table_of_contents(tree),
            body=self.body_html(tree, document.start),
            attribution=config.attribution,
        )
        (Path(self.outdir) / document.filename).with_suffix(".html").write_text(html, encoding="utf-8")
        return html

    def logo(self) -> str:
        name = copy_logo(self, Path(self.outdir) / "_images")
        return f"_images/{name}" if name else ""

    def copy_new_images(self) -> None:
        """Copy the images the PDFs written so far show (a PDF is rendered as soon as it is written)."""
        folder = Path(self.outdir) / self.imagedir
        for source, name in self.images.items():
            if source not in self.copied_images:
                folder.mkdir(parents=True, exist_ok=True)
                copyfile(Path(self.srcdir) / source, folder / name, force=True)
                self.copied_images.add(source)

    def finish(self) -> None:
        pass  # images are copied and PDFs rendered while writing

    @contextmanager
    def renderer(self):
        """A function that renders a PDF whose inputs changed, in a pool of processes; on leaving,
        wait for every render and report WeasyPrint's warnings."""
        stylesheet = self.assets / "handout.css"
        pool = ProcessPoolExecutor(max_workers=os.cpu_count() or 1)  # processes start with the first PDF
        started: list[tuple[Path, str, Future]] = []

        def render(document: HandoutDocument, html: str) -> None:
            target = Path(self.outdir) / document.filename
            key = pdf.render_key(html, Path(self.outdir), stylesheet)
            if pdf.up_to_date(target, key):
                logger.info(f"{document.filename}: unchanged")
                return
            logger.info(darkgreen(f"rendering {document.filename} with WeasyPrint"))
            job = (html, str(self.outdir) + "/", str(target), str(stylesheet))
            started.append((target, key, pool.submit(pdf.render_pdf, *job)))

        try:
            yield render
            for target, key, job in started:
                _target, messages = job.result()
                logger.info(f"  {target.name}")
                for message in messages:
                    logger.warning("%s: WeasyPrint: %s", target.name, message, type="courseware", subtype="pdf")
                if not messages:  # a PDF with warnings is rendered (and reported) again next time
                    pdf.mark_rendered(target, key)
        finally:
            pool.shutdown(cancel_futures=True)


def setup_builder(app: Sphinx) -> None:
    # WeasyPrint reports every rendering step at INFO; some theme packages
    # configure the root logger, which would print them all.
    std_logging.getLogger("weasyprint.progress").setLevel(std_logging.WARNING)
    app.add_builder(HandoutsBuilder)

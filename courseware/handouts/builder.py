# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The ``handouts`` builder: one run writes every PDF listed in conf.py.

For each entry of ``courseware_handouts`` it assembles the pages
(``assemble.py``), filters a copy for the entry's edition (``editions.py``),
numbers the PDF's citations and adds its references, writes the Typst markup
beside the PDF (``typst_writer.py``) and hands it to Typst (``pdf.py``) at
once, only when an input changed: the longest PDFs are assembled first and
compile while the rest are assembled.
"""

from __future__ import annotations

import os
import time
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import typst
from docutils import nodes
from docutils.frontend import get_default_settings
from sphinx.builders import Builder
from sphinx.errors import SphinxError
from sphinx.locale import __
from sphinx.util import logging
from sphinx.util.console import darkgreen

from .. import structure
from ..branding import copy_logo, font_files, write_if_changed
from ..config import HandoutDocument, settings
from ..references import printed_reference
from ..typst_markup import escape, label, string
from . import pdf
from .assemble import assemble, running_heads, table_of_contents
from .editions import filter_edition
from .layouts import assemble_slides
from .online import bibliography_block
from .render import number_citations
from .typst_writer import TypstTranslator

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

EDITION_LABELS = {"learner": "Learner edition", "self-study": "Self-study edition", "facilitator": "Facilitator guide"}
#: Where the templates and images go in the output folder (the compile's root).
TEMPLATES = "_typst"
#: The template every handout starts from.
MAIN_TEMPLATE = "handout.typ"


def build_date() -> int:
    """``SOURCE_DATE_EPOCH`` (``make`` sets it from the last commit), else today at midnight:
    a date that changes by the second would make every build compile every PDF again."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return int(epoch)
    now = int(time.time())
    return now - now % 86400


class HandoutsBuilder(Builder):
    """Write the PDF handouts listed in ``courseware_handouts``."""

    name = "handouts"
    format = "typst"
    epilog = __("The PDF handouts are in %(outdir)s.")
    default_translator_class = TypstTranslator
    supported_image_types = ["image/svg+xml", "image/png", "image/jpeg", "image/gif"]
    supported_remote_images = False
    allow_parallel = True

    def init(self) -> None:
        self.assets = Path(self.confdir) / settings(self.config).handouts_path
        if not (self.assets / MAIN_TEMPLATE).is_file():
            raise SphinxError(f"courseware_handouts_path: {self.assets} holds no {MAIN_TEMPLATE} "
                              "(the print templates)")
        self.imagedir = "_images"
        self.docsettings = get_default_settings()
        self.copied_images: set[str] = set()

    def get_outdated_docs(self) -> str:
        return "all handouts"

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        """Every page is in the one assembled document (``assemble.fix_anchors`` reads these)."""
        return f"#document-{docname}" if docname in self.env.all_docs else docname

    def get_relative_uri(self, from_: str, to: str, typ: str | None = None) -> str:
        return self.get_target_uri(to, typ)

    def prepare_writing(self, docnames) -> None:
        pass

    def write_doc(self, docname, doctree) -> None:
        pass  # write_documents writes every PDF at once

    # -- assembling -------------------------------------------------------------

    def write_documents(self, _docnames) -> None:
        """Assemble and write each PDF's markup, biggest first, and hand it to Typst at once:
        the first PDFs compile while the next are assembled."""
        documents = []
        for document in settings(self.config).handouts:
            if document.start in self.env.all_docs:
                documents.append(document)
            else:
                logger.warning(
                    "courseware_handouts: start document %r of %s does not exist",
                    document.start, document.filename, type="courseware", subtype="handouts",
                )
        templates = self.copy_templates()
        documents.sort(key=lambda document: -self.size_estimate(document))
        with self.compiler() as compile_pdf:
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
                source, reads = self.write_typst(document, tree)
                compile_pdf(document, source, reads + templates)

    def size_estimate(self, document: HandoutDocument) -> int:
        """Roughly how long a PDF takes to compile: its lessons, more for a facilitator's, less on slides."""
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

    def write_typst(self, document: HandoutDocument, tree: nodes.document) -> tuple[Path, list[Path]]:
        """Write the PDF's markup beside it; return its path and the files it reads."""
        tree.settings = self.docsettings
        self.current_docname = document.start
        visitor = self.create_translator(tree, self)
        tree.walkabout(visitor)
        config = settings(self.config)
        brand = config.brand
        logo = copy_logo(self, Path(self.outdir) / self.imagedir)
        contents = ", ".join(f"({entry.level}, [{escape(entry.title)}], <{label(entry.anchor)}>)"
                             for entry in table_of_contents(tree) if entry.anchor in visitor.placed)
        date = time.gmtime(build_date())
        header = "\n".join([
            "// Written by the handouts builder from the course's pages; change the pages or the templates.",
            f'#import "/{TEMPLATES}/{MAIN_TEMPLATE}": *',
            "#show: handout.with(",
            f"  title: {string(document.title)},",
            f"  course: {string(self.config.project)},",
            f"  edition: {string(document.edition)},",
            f"  edition-label: {string(EDITION_LABELS[document.edition])},",
            f"  layout: {string(document.layout)},",
            f"  language: {string(self.config.language or 'en')},",
            f"  date: datetime(year: {date.tm_year}, month: {date.tm_mon}, day: {date.tm_mday}),",
            f"  organisation: {string(brand.organisation)},",
            f"  licence: {string(brand.licence)},",
            f"  licence-url: {string(brand.licence_url)},",
            f"  attribution: {string(config.attribution)},",
            f"  logo: {string('/' + self.imagedir + '/' + logo) if logo else 'none'},",
            f"  primary: rgb({string(brand.primary)}),",
            f"  accent: rgb({string(brand.accent)}),",
            f"  font: {string(brand.font)},",
            f"  paper: {string(config.paper.lower().replace('letter', 'us-letter'))},",
            f"  contents: ({contents}{',' if contents else ''}),",
            ")",
            "",
        ])
        target = (Path(self.outdir) / document.filename).with_suffix(".typ")
        write_if_changed(target, (header + visitor.astext()).encode("utf-8"))
        reads = [Path(self.outdir) / f for f in visitor.files]
        if logo:
            reads.append(Path(self.outdir) / self.imagedir / logo)
        return target, reads

    def copy_templates(self) -> list[Path]:
        """The print templates, copied beside the markup that imports them."""
        copied = []
        for template in sorted(self.assets.glob("*.typ")):
            target = Path(self.outdir) / TEMPLATES / template.name
            write_if_changed(target, template.read_bytes())
            copied.append(target)
        return copied

    def copy_new_images(self) -> None:
        """Copy the images the PDFs written so far show (a PDF is compiled as soon as it is written)."""
        folder = Path(self.outdir) / self.imagedir
        for source, name in self.images.items():
            if source not in self.copied_images:
                write_if_changed(folder / name, (Path(self.srcdir) / source).read_bytes())
                self.copied_images.add(source)

    def finish(self) -> None:
        pass  # images are copied and PDFs compiled while writing

    @contextmanager
    def compiler(self):
        """A function that compiles a PDF whose inputs changed, in threads (Typst releases the
        interpreter while it compiles); on leaving, wait for every compile and report Typst's warnings."""
        fonts = tuple(font_files(self))
        pool = ThreadPoolExecutor(max_workers=os.cpu_count() or 1)
        started: list[tuple[pdf.Job, str, Future]] = []

        def compile_pdf(document: HandoutDocument, source: Path, reads: list[Path]) -> None:
            job = pdf.Job(source, Path(self.outdir) / document.filename, Path(self.outdir), tuple(reads), fonts,
                          build_date())
            key = job.key()
            if pdf.up_to_date(job.target, key):
                logger.info(f"{document.filename}: unchanged")
                return
            logger.info(darkgreen(f"compiling {document.filename} with Typst"))
            started.append((job, key, pool.submit(pdf.compile_pdf, job)))

        try:
            yield compile_pdf
            for job, key, future in started:
                try:
                    messages = future.result()
                except typst.TypstError as error:
                    raise SphinxError(f"{job.target.name}: Typst: {getattr(error, 'diagnostic', '') or error}") from error
                logger.info(f"  {job.target.name}")
                for message in messages:
                    logger.warning("%s: Typst: %s", job.target.name, message, type="courseware", subtype="pdf")
                if not messages:  # a PDF with warnings is compiled (and reported) again next time
                    pdf.mark_rendered(job.target, key)
        finally:
            pool.shutdown(cancel_futures=True)


def setup_builder(app: Sphinx) -> None:
    app.add_builder(HandoutsBuilder)

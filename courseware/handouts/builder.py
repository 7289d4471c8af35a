# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The ``handouts`` builder: one run writes every PDF listed in conf.py.

For each entry of ``courseware_handouts`` whose inputs changed (``inputs.py``) it resolves each page
once for all of them (``pages.py``), assembles the PDF's pages (``assemble.py``), filters them for
the entry's edition (``editions.py``), numbers the PDF's citations and adds its references, writes the Typst markup
beside the PDF (``typst_writer.py``) and hands it to Typst (``pdf.py``) at
once, only when an input changed. Where Sphinx runs in parallel (``-j``), the
PDFs are made in forked processes, one a core: those that print no resolved page
(slides, lectern script, paperwork) while the pages are resolved, then the text
PDFs, the longest first.
"""

from __future__ import annotations

import datetime
import os
import time
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
from sphinx.util.parallel import ParallelTasks

from .. import fallback_fonts, forking, structure
from ..branding import branded_figure, copy_logo, font_files, write_if_changed
from ..config import HandoutDocument, settings
from ..references import printed_reference
from ..translations import N_, _, long_date
from ..typst_markup import escape, label, string
from . import inputs, paperwork, pdf
from .assemble import assemble, running_heads, table_of_contents
from .editions import filter_edition
from .layouts import assemble_slides
from .online import bibliography_block
from .pages import ResolvedPages
from .paperwork import assemble_paperwork
from .render import number_citations
from .typst_writer import TypstTranslator
from .words import typst_words

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

#: Each edition's name on the cover, and inside a sentence (the PDF's description).
EDITION_LABELS = {"learner": N_("Learner edition"), "self-study": N_("Self-study edition"),
                  "facilitator": N_("Facilitator guide")}
EDITION_NAMES = {"learner": N_("learner edition"), "self-study": N_("self-study edition"),
                 "facilitator": N_("facilitator guide")}
#: Where the templates and images go in the output folder (the compile's root).
TEMPLATES = "_typst"
#: Links to the fallback fonts' files, beside the markup (``fallback_fonts.link_fonts``)
FONTS = "_fonts"
#: The template every handout starts from.
MAIN_TEMPLATE = "handout.typ"
#: The extension's own print templates; a course replaces any of them with a file of the same name.
DEFAULT_TEMPLATES = Path(__file__).parent / "templates"


def print_templates(course: Path) -> dict[str, Path]:
    """The extension's print templates (``handouts/templates``), each replaced by a file of the same name
    in the course's folder (``courseware_handouts_path``), which may also add templates of its own."""
    templates = {path.name: path for path in sorted(DEFAULT_TEMPLATES.glob("*.typ"))}
    if course.is_dir():
        templates.update((path.name, path) for path in sorted(course.glob("*.typ")))
    return templates


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
        self.assets = print_templates(Path(self.confdir) / settings(self.config).handouts_path)
        self.imagedir = "_images"
        self.docsettings = get_default_settings()

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
        """Make each PDF whose inputs changed: in forked processes, one a core, where Sphinx runs in
        parallel (``-j``), else one after another."""
        documents = []
        for document in settings(self.config).handouts:
            if document.start in self.env.all_docs:
                documents.append(document)
            else:
                logger.warning(
                    "courseware_handouts: start document %r of %s does not exist",
                    document.start, document.filename, type="courseware", subtype="handouts",
                )
        self.templates = self.copy_templates()
        self.fonts = self.print_fonts()
        self.copy_images()
        date = build_date()
        pending = []
        for document in documents:
            key = inputs.inputs_key(self, document, date, self.templates, self.fonts)
            if inputs.unchanged(Path(self.outdir) / document.filename, key):
                logger.info(f"{document.filename}: no input changed")
            else:
                pending.append((document, key))
        # the text PDFs print the resolved pages; the others (slides, lectern script, paperwork) print none
        longest_first = sorted(pending, key=lambda job: -self.size_estimate(job[0]))
        texts = [job for job in longest_first if job[0].layout == "text"]
        others = [job for job in longest_first if job[0].layout != "text"]
        self.failures: list[str] = []
        workers = min(self._app.parallel if self.parallel_ok else 1, len(pending))
        self.pages = ResolvedPages(self, private=workers >= 2)  # forked: each PDF changes its own pages
        if workers < 2:
            self.resolve_pages(texts)
            for job in others + texts:
                self.report(job, self.make_pdf(job))
        else:
            early = ParallelTasks(workers)  # the first of the others, forked before the pages are resolved
            for job in others[:workers]:
                early.add_task(self.make_pdf, job, self.report)
            self.resolve_pages(texts)  # the processes forked from here on share the resolved pages
            forking.before_forking()
            early.join()  # quick to make: most are done by now
            rest, tasks = texts + others[workers:], ParallelTasks(workers)
            # the first jobs start at once; a waiting one starts last in, first out (``popitem``): the rest reversed
            for job in rest[:workers] + rest[workers:][::-1]:
                tasks.add_task(self.make_pdf, job, self.report)
            tasks.join()
        if self.failures:  # raised here, not in a worker's callback, which Sphinx cannot unwind
            raise SphinxError("\n".join(self.failures))

    def resolve_pages(self, texts: list[tuple[HandoutDocument, str]]) -> None:
        """Every page the text PDFs print, resolved once for all of them."""
        for document, _key in texts:
            self.pages.resolve(sorted(inputs.pages_of(self, document)))

    def make_pdf(self, job: tuple[HandoutDocument, str]) -> tuple[str, list[str], str]:
        """Assemble, filter, write and compile one PDF (in a worker where Sphinx runs in parallel); return
        its name, Typst's warnings and Typst's error ("" when it compiled)."""
        document, inputs_key = job
        logger.info(darkgreen(f"assembling {document.filename} ({document.edition})"))
        if document.layout == "text":
            assembled = assemble(self, document, self.pages)
        elif document.layout in paperwork.LAYOUTS:
            assembled = assemble_paperwork(self, document)
        else:
            assembled = assemble_slides(self, document)
        tree = filter_edition(assembled, document.edition, copy=False)  # assembled for this PDF alone
        references = self.references_section(number_citations(tree))
        if references is not None:
            tree += references
        running_heads(tree, document)
        self.post_process_images(tree)
        source, reads = self.write_typst(document, tree)
        compile_job = pdf.Job(source, Path(self.outdir) / document.filename, Path(self.outdir),
                              tuple(reads + self.templates), tuple(self.fonts), build_date())
        key = compile_job.key()
        if pdf.up_to_date(compile_job.target, key):
            logger.info(f"{document.filename}: markup unchanged")
            inputs.mark(compile_job.target, inputs_key)
            return document.filename, [], ""
        logger.info(darkgreen(f"compiling {document.filename} with Typst"))
        try:
            messages = pdf.compile_pdf(compile_job, self.typst_server(document))
        except typst.TypstError as error:
            return document.filename, [], str(getattr(error, "diagnostic", "") or error)  # the file, line, column
        if not messages:  # a PDF with warnings is compiled (and reported) again next time
            pdf.mark_rendered(compile_job.target, key)
            inputs.mark(compile_job.target, inputs_key)
        return document.filename, messages, ""

    def report(self, _job, result: tuple[str, list[str], str]) -> None:
        name, messages, error = result
        if error:
            self.failures.append(f"{name}: Typst: {error}")
            return
        for message in messages:
            logger.warning("%s: Typst: %s", name, message, type="courseware", subtype="pdf")

    def typst_server(self, document: HandoutDocument) -> int:
        """Seconds the compile server waits for the next PDF, 0: this PDF is compiled in this process. The server
        compiles the text PDFs alone: they are the longest and change with any page, and Typst forgets what ten
        compiles did not use, so a PDF of slides or paperwork compiled there would push them out of its memory."""
        return settings(self.config).typst_server if document.layout == "text" else 0

    def size_estimate(self, document: HandoutDocument) -> int:
        """Roughly how long a PDF takes to compile: its lessons, more for a facilitator's, less on slides."""
        lessons = 1 + len(structure.lessons_below(self.env, document.start))
        return lessons * (2 if document.edition == "facilitator" else 1) * (2 if document.layout == "text" else 1)

    def references_section(self, keys: list[str]) -> nodes.section | None:
        """The PDF's own "References", numbered from 1 in order of first citation."""
        if not keys:
            return None
        section = nodes.section(ids=["cw-references"], classes=["cw-references"])
        section += nodes.title("", _("References"))
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
        # Translators: the PDF's description (its properties): the course, the PDF's title, its edition
        description = (_("{course}, {title} ({edition}).").format(
            course=self.config.project, title=document.title, edition=_(EDITION_NAMES[document.edition]))
            + f" {config.attribution}").strip()
        day = datetime.date(date.tm_year, date.tm_mon, date.tm_mday)
        header = "\n".join([
            "// Written by the handouts builder from the course's pages; change the pages or the templates.",
            f'#import "/{TEMPLATES}/{MAIN_TEMPLATE}": *',
            "#show: handout.with(",
            f"  title: [{escape(document.title)}],",
            f"  course: [{escape(self.config.project)}],",
            f"  description: {string(description)},",
            f"  edition: {string(document.edition)},",
            f"  edition-label: [{escape(_(EDITION_LABELS[document.edition]))}],",
            f"  layout: {string(document.layout)},",
            f"  with-cover: {'false' if document.layout in paperwork.LAYOUTS else 'true'},",
            f"  numbered: {'false' if document.layout in paperwork.STANDALONE else 'true'},",
            f"  language: {string(self.config.language or 'en')},",
            f"  date: datetime(year: {date.tm_year}, month: {date.tm_mon}, day: {date.tm_mday}),",
            f"  date-text: [{escape(long_date(day, self.config.language))}],",
            f"  organisation: {string(brand.organisation)},",
            f"  licence: {string(brand.licence)},",
            f"  licence-url: {string(brand.licence_url)},",
            f"  attribution: [{escape(config.attribution)}],",
            f"  logo: {string('/' + self.imagedir + '/' + logo) if logo else 'none'},",
            f"  primary: rgb({string(brand.primary)}),",
            f"  accent: rgb({string(brand.accent)}),",
            f"  fonts: ({''.join(string(family) + ', ' for family in self.font_families)}),",
            f"  paper: {string(config.paper.lower().replace('letter', 'us-letter'))},",
            f"  contents: ({contents}{',' if contents else ''}),",
            f"  keywords: ({''.join(string(word) + ', ' for word in config.keywords)}),",
            f"  words: {typst_words()},",
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
        for name, template in sorted(self.assets.items()):
            target = Path(self.outdir) / TEMPLATES / name
            write_if_changed(target, template.read_bytes())
            copied.append(target)
        return copied

    def print_fonts(self) -> list[Path]:
        """The brand's font files and links to the fallback fonts' files (``FONTS``), which Typst reads
        and nothing else; the families in order (``font_families``)."""
        faces = fallback_fonts.fallback_faces(self)
        self.font_families = [settings(self.config).brand.font, *dict.fromkeys(face.family for face in faces)]
        return [*font_files(self), *fallback_fonts.link_fonts(faces, Path(self.outdir) / FONTS)]

    def copy_images(self) -> None:
        """Copy every image of the course once, before any PDF is made (workers only read them); an SVG
        figure in the brand's colours."""
        folder = Path(self.outdir) / self.imagedir
        the_brand = settings(self.config).brand
        for source, (_docs, name) in self.env.images.items():
            path = Path(self.srcdir) / source
            if path.is_file():
                data = path.read_bytes()
                write_if_changed(folder / name, branded_figure(data, the_brand) if path.suffix == ".svg" else data)

    def finish(self) -> None:
        pass  # images are copied and PDFs compiled while writing


def setup_builder(app: Sphinx) -> None:
    app.add_builder(HandoutsBuilder)

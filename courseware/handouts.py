# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The ``handouts`` builder: one run writes every PDF listed in conf.py.

A thin ``SingleFileHTMLBuilder`` subclass, like the LaTeX builder in shape:
for each entry of ``courseware_handouts`` it assembles the start document's
toctree into one doctree, resolves references, filters a copy for the
entry's edition (``editions.py``), writes the HTML beside the PDF (only when
it changed) and hands it to WeasyPrint with the CSS in ``handouts/``.
Unchanged documents are not rendered again; changed ones render in parallel
processes.

Same input, same bytes: dates come from ``SOURCE_DATE_EPOCH`` when set.
"""

from __future__ import annotations

import hashlib
import logging as std_logging
import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sphinx import addnodes
from sphinx._cli.util.colour import darkgreen
from sphinx.builders.singlehtml import SingleFileHTMLBuilder
from sphinx.locale import __
from sphinx.util import logging
from sphinx.util.nodes import inline_all_toctrees

from .branding import brand_css, copy_logo, font_faces, font_files
from .config import HandoutDocument, settings
from .editions import filter_edition
from .structure import is_lesson, is_module, page_sections
from .references import citations_by_doc, plain_terms

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

EDITION_LABELS = {"learner": "Learner edition", "self-study": "Self-study edition", "facilitator": "Facilitator guide"}


@dataclass
class TocEntry:
    level: int
    title: str
    anchor: str


def build_date() -> time.struct_time:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return time.gmtime(int(epoch)) if epoch else time.gmtime()


def render_pdf(html: str, base_url: str, target: str, stylesheet: str) -> tuple[str, list[str]]:
    """Render one PDF (in a worker process); return its path and WeasyPrint's warnings."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    class Collect(std_logging.Handler):
        def __init__(self) -> None:
            super().__init__(std_logging.WARNING)
            self.messages: list[str] = []

        def emit(self, record: std_logging.LogRecord) -> None:
            self.messages.append(record.getMessage())

    weasy = std_logging.getLogger("weasyprint")
    collect = Collect()
    weasy.addHandler(collect)
    weasy.propagate = False
    fonts = FontConfiguration()  # @font-face rules need it, or system fonts are used
    try:
        HTML(string=html, base_url=base_url).write_pdf(
            target,
            font_config=fonts,
            stylesheets=[CSS(filename=stylesheet, font_config=fonts)],
            pdf_variant="pdf/ua-1",
            pdf_tags=True,
            custom_metadata=True,
            pdf_identifier=hashlib.md5(html.encode()).hexdigest().encode(),
        )
    finally:
        weasy.removeHandler(collect)
    return target, collect.messages


class HandoutsBuilder(SingleFileHTMLBuilder):
    """Write the PDF handouts listed in ``courseware_handouts``."""

    name = "handouts"
    format = "html"
    epilog = __("The PDF handouts are in %(outdir)s.")
    copysource = False
    search = False

    def init(self) -> None:
        super().init()
        self.assets = Path(self.confdir) / settings(self.config).handouts_path
        self.jinja = Environment(
            loader=FileSystemLoader(self.assets / "templates"),
            autoescape=select_autoescape(["html"]),
        )
        self.pending: list[tuple[HandoutDocument, str]] = []

    # -- assembling -------------------------------------------------------------

    def assemble(self, start: str) -> nodes.document:
        tree = self.env.get_doctree(start)
        tree = inline_all_toctrees(self, set(), start, tree, darkgreen, [start])
        tree["docname"] = start
        # inline_all_toctrees moves children without setting their parent
        for node in tree.findall(nodes.Element):
            for child in node.children:
                child.parent = node
        self.mark_documents(tree, start)
        self.env.resolve_references(tree, start, self)
        self.fix_anchors(tree)
        plain_terms(tree)
        return tree

    def mark_documents(self, tree: nodes.document, start: str) -> None:
        """Class each page's title by kind (running headers) and depth (bookmarks).

        Bookmarks read course -> module -> lesson -> lesson section, whatever
        the handout starts from: a page's bookmark level is its depth in the
        assembled toctree, plus one.
        """
        for docname, section in page_sections(tree, start):
            kind = "lesson" if is_lesson(self.env, docname) else "module" if is_module(self.env, docname) else "page"
            depth = 0
            parent = section.parent
            while parent is not None:
                depth += isinstance(parent, addnodes.start_of_file)
                parent = parent.parent
            section["classes"] += [f"cw-doc-{kind}", f"cw-depth-{depth}"]
            section["cw_docname"] = docname
            section[0]["classes"] += [f"cw-title-{kind}", f"cw-bookmark-{depth + 1}"]
            if kind == "lesson":
                for child in section.children:
                    if isinstance(child, nodes.section):
                        child[0]["classes"].append(f"cw-bookmark-{depth + 2}")

    def fix_anchors(self, tree: nodes.document) -> None:
        """Make every anchor unique in the one page, and every link point at one.

        Each page numbers its automatic ids (``id1``...) from 1, and two pages
        may both have an "Outcomes" section: such ids get their page's name as
        prefix, and the links to them follow. Citations
        point at the handout's own references section (``cite-<key>``).
        """
        cite_ids = {c.citation_id: f"cite-{c.key}" for c in self.env.get_domain("cite").citations}
        renamed: dict[tuple[str, str], str] = {}
        owner: dict[int, str] = {}
        seen: set[str] = set()

        def walk(node: nodes.Node, docname: str) -> None:
            if isinstance(node, addnodes.start_of_file):
                docname = node["docname"]
            if isinstance(node, nodes.Element):
                owner[id(node)] = docname
                for index, ident in enumerate(node["ids"]):
                    automatic = ident[:2] == "id" and ident[2:].isdigit()
                    if automatic or ident in seen:
                        new = f"{docname.replace('/', '-')}--{ident}"
                        renamed[(docname, ident)] = new
                        node["ids"][index] = ident = new
                    seen.add(ident)
                for child in node.children:
                    walk(child, docname)

        walk(tree, tree["docname"])
        for ref in tree.findall(nodes.reference):
            docname = owner.get(id(ref), tree["docname"])
            if "refid" in ref:
                ref["refid"] = renamed.get((docname, ref["refid"]), ref["refid"])
            uri = ref.get("refuri", "")
            if not uri.startswith("#"):
                continue
            parts = uri[1:].split("#")
            target_doc = parts[0][len("document-"):] if parts[0].startswith("document-") else docname
            anchor = parts[-1]
            if anchor in cite_ids:
                ref["refuri"] = "#" + cite_ids[anchor]
            else:
                ref["refuri"] = "#" + renamed.get((target_doc, anchor), anchor)
        for node in tree.findall(nodes.Element):
            node["backrefs"] = [renamed.get((owner.get(id(node), ""), b), b) for b in node.get("backrefs", [])]

    def leave_out_pages(self, tree: nodes.document, edition: str) -> None:
        """Drop pages whose front matter says ``handouts: facilitator`` or ``none``."""
        for holder in list(tree.findall(addnodes.start_of_file)):
            wanted = str(self.env.metadata.get(holder["docname"], {}).get("handouts", "all"))
            if wanted == "none" or (wanted == "facilitator" and edition != "facilitator"):
                holder.parent.remove(holder)

    def references_section(self, tree: nodes.document) -> nodes.section | None:
        """A "References" chapter of the sources the assembled pages cite."""
        docnames = {tree["docname"]} | {n["docname"] for n in tree.findall(addnodes.start_of_file)}
        keys: list[str] = []
        for docname, cited in citations_by_doc(self.env).items():
            if docname in docnames:
                keys.extend(k for k in cited if k not in keys)
        domain = self.env.get_domain("cite")
        citations = {c.key: c for c in domain.citations if c.key in keys}
        if not citations:
            return None
        section = nodes.section(ids=["references"], classes=["cw-references"])
        section += nodes.title("", "References")
        items = nodes.bullet_list(classes=["cw-reference-list"])
        ordered = sorted(citations.values(), key=lambda c: int(c.formatted_entry.label) if c.formatted_entry.label.isdigit() else 0)
        for citation in ordered:
            item = nodes.list_item(ids=[f"cite-{citation.key}"])
            paragraph = domain.backend.paragraph(citation.formatted_entry)
            paragraph.insert(0, nodes.Text(f"[{citation.formatted_entry.label}] "))
            item += paragraph
            items += item
        section += items
        return section

    def table_of_contents(self, tree: nodes.document) -> list[TocEntry]:
        entries = []
        for section in tree.findall(nodes.section):
            if "cw_docname" in section and section["ids"]:
                depth = next(int(c[9:]) for c in section["classes"] if c.startswith("cw-depth-"))
                if depth:
                    entries.append(TocEntry(depth, section[0].astext(), section["ids"][0]))
            elif "cw-references" in section["classes"]:
                entries.append(TocEntry(1, "References", "references"))
        return entries

    # -- writing ------------------------------------------------------------------

    def write_documents(self, _docnames) -> None:
        self.prepare_writing(self.env.all_docs.keys())
        for document in settings(self.config).handouts:
            if document.start not in self.env.all_docs:
                logger.warning(
                    "courseware_handouts: start document %r of %s does not exist",
                    document.start, document.filename, type="courseware", subtype="handouts",
                )
                continue
            logger.info(darkgreen(f"assembling {document.filename} ({document.edition})"))
            tree = self.assemble(document.start)
            self.leave_out_pages(tree, document.edition)
            tree = filter_edition(tree, document.edition)
            references = self.references_section(tree)
            if references is not None:
                tree += references
            self.post_process_images(tree)
            self.write_html(document, tree)

    def body_html(self, tree: nodes.document, docname: str) -> str:
        tree.settings = self.docsettings
        self.secnumbers, self.fignumbers = {}, {}
        self.imgpath = "_images"
        self.dlpath = "_downloads"
        self.current_docname = docname
        visitor = self.create_translator(tree, self)
        tree.walkabout(visitor)
        return "".join(visitor.fragment)

    def write_html(self, document: HandoutDocument, tree: nodes.document) -> None:
        date = build_date()
        the_brand = settings(self.config).brand
        stylesheet = self.assets / "handout.css"
        html = self.jinja.get_template("handout.html").render(
            title=document.title,
            course=self.config.project,
            edition=document.edition,
            edition_label=EDITION_LABELS[document.edition],
            brand=the_brand,
            brand_css=brand_css(the_brand, fonts=font_faces(the_brand.font, font_files(self.app), Path.as_uri)),
            logo=self.logo(),
            language=self.config.language or "en",
            date_iso=time.strftime("%Y-%m-%dT%H:%M:%SZ", date),
            date_human=time.strftime("%-d %B %Y", date),
            toc=self.table_of_contents(tree),
            body=self.body_html(tree, document.start),
            attribution=settings(self.config).attribution,
            style_hash=hashlib.sha256(stylesheet.read_bytes()).hexdigest()[:16],
        )
        target = Path(self.outdir) / document.filename
        html_file = target.with_suffix(".html")
        if html_file.exists() and target.exists() and html_file.read_text(encoding="utf-8") == html:
            logger.info(f"{document.filename}: unchanged")
            return
        html_file.write_text(html, encoding="utf-8")
        self.pending.append((document, html))

    def logo(self) -> str:
        name = copy_logo(self.app, Path(self.outdir) / "_images")
        return f"_images/{name}" if name else ""

    def finish(self) -> None:
        self.copy_image_files()
        self.render_pending()

    def render_pending(self) -> None:
        if not self.pending:
            return
        stylesheet = str(self.assets / "handout.css")
        jobs = [
            (html, str(self.outdir) + "/", str(Path(self.outdir) / doc.filename), stylesheet)
            for doc, html in self.pending
        ]
        workers = min(len(jobs), os.cpu_count() or 1)
        logger.info(darkgreen(f"rendering {len(jobs)} PDF(s) with WeasyPrint ({workers} processes)"))
        if workers == 1:
            results = [render_pdf(*job) for job in jobs]
        else:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                results = list(pool.map(render_pdf, *zip(*jobs)))
        for target, messages in results:
            logger.info(f"  {Path(target).name}")
            for message in messages:
                logger.warning("%s: WeasyPrint: %s", Path(target).name, message,
                               type="courseware", subtype="pdf")
        self.pending.clear()


def setup_handouts(app: Sphinx) -> None:
    # WeasyPrint reports every rendering step at INFO; some theme packages
    # configure the root logger, which would print them all.
    std_logging.getLogger("weasyprint.progress").setLevel(std_logging.WARNING)
    app.add_builder(HandoutsBuilder)

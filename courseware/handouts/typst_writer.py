# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The doctree as Typst markup: the print writer says how, the doctree what.

``TypstTranslator`` writes one assembled, edition-filtered handout as Typst
markup. It knows docutils' and Sphinx's nodes; the course's own nodes bring
their visitors (``typst=`` in ``outputs.add_node``, most of them
``typst_block``). Every look is a function of the templates in
``templates/*.typ`` (``cw-block``, ``cw-heading``, ``cw-slide-row``...): this
module writes what a thing is, the templates how it looks.

Text is escaped, never passed through as markup, except straight quotes:
Typst makes them curly, in the document's language, everywhere (titles and
quiz options included). A node this writer does not know is written as its
children, with a warning: nothing is lost in silence.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.locale import admonitionlabels
from sphinx.util import logging
from sphinx.util.docutils import SphinxTranslator

from ..language import language_of, typst_language
from ..outputs import KEY, has_class
from ..translations import _
from ..typst_markup import ENUM, escape, label, string

if TYPE_CHECKING:
    from sphinx.builders import Builder

logger = logging.getLogger(__name__)

#: container classes the templates draw (class -> Typst function); other containers are transparent
CONTAINERS = {
    "cw-question": "cw-question", "cw-explanation": "cw-explanation", "cw-solution": "cw-solution",
    "cw-solo": "cw-solo", "cw-keep": "cw-keep", "cw-writing-space": "cw-writing-space",
    "cw-answer-entry": "cw-answer-entry", "cw-online": "cw-online", "cw-online-item": "cw-online-item",
    "cw-slide-notes": "cw-slide-notes", "cw-slide-lines": "cw-slide-lines", "cw-certificate": "cw-certificate",
}
#: paragraph classes the templates draw
PARAGRAPHS = {
    "cw-box-label": "cw-box-label", "cw-stem": "cw-stem", "cw-lesson-line": "cw-lesson-line",
    "cw-slide-clock": "cw-slide-clock", "cw-answer-for": "cw-answer-for", "cw-lab-download": "cw-lab-download",
    "cw-slidebox-title": "cw-slidebox-title", "cw-certificate-name": "cw-certificate-name",
    "cw-certificate-signatures": "cw-certificate-signatures",
}
#: row classes that the templates set apart (totals, a day or module heading in a table)
ROW_STYLES = {
    "cw-total": "total", "cw-agenda-total": "total", "cw-agenda-module": "total", "cw-agenda-day": "total",
    "cw-run-break": "muted", "cw-run-lunch": "muted", "cw-run-welcome": "muted", "cw-run-recap": "muted",
    "cw-run-close": "muted", "cw-run-evaluation": "muted", "cw-run-buffer": "muted",
}

#: docutils' admonitions, each labelled as Sphinx labels it, in Sphinx's own translations (a plain
#: ``admonition`` has its own title)
ADMONITIONS = ("attention", "caution", "danger", "error", "hint", "important", "note", "tip", "warning", "seealso")

_BREAKS = re.compile(r"(?<=[-/\u2013\u2014])|\s+")


def _array(items) -> str:
    items = [str(item) for item in items]
    return f"({', '.join(items)}{',' if len(items) == 1 else ''})"


def _table_grid(tgroup: nodes.tgroup) -> tuple[list[str], list[str]]:
    """Each cell's column, in the order the cells are written ("none" for a cell spanning columns), and
    each column's longest unbreakable run of text."""
    count = int(tgroup.get("cols") or sum(isinstance(c, nodes.colspec) for c in tgroup.children))
    words = [""] * count
    columns: list[str] = []
    taken: dict[tuple[int, int], bool] = {}
    rows = [row for part in tgroup.children if isinstance(part, (nodes.thead, nodes.tbody)) for row in part.children]
    for y, row in enumerate(rows):
        x = 0
        for entry in row.children:
            while taken.get((y, x)):
                x += 1
            wide, tall = entry.get("morecols", 0) + 1, entry.get("morerows", 0) + 1
            for dy in range(tall):
                for dx in range(wide):
                    taken[(y + dy, x + dx)] = True
            if wide == 1 and x < count:
                columns.append(str(x))
                longest = max(_BREAKS.split(entry.astext()), key=len, default="")
                if len(longest) > len(words[x]):
                    words[x] = longest
            else:
                columns.append("none")
            x += wide
    return columns, words


def _inline(function: str):
    """Visitors for inline markup drawn by one Typst function (``#emph[...]``)."""

    def visit(self, node):
        self.anchors(node)
        self.body.append(f"#{function}[")

    def depart(self, node):
        self.body.append("]")

    return visit, depart


class TypstTranslator(SphinxTranslator):
    """Write a handout's doctree as Typst markup (``self.body``)."""

    def __init__(self, document: nodes.document, builder: Builder) -> None:
        super().__init__(document, builder)
        self.body: list[str] = []
        #: ids defined in the document: a link to anything else is printed as its text
        self.targets = {i for n in document.findall(nodes.Element) for i in n.get("ids", [])}
        self.placed: set[str] = set()
        self.section_level = 0
        self.files: set[str] = set()  #: images the markup reads, relative to the output folder
        self.in_table: list[dict] = []

    def astext(self) -> str:
        return "".join(self.body)

    # -- keeping a task with its lines ----------------------------------------------------------

    @staticmethod
    def sticks(node: nodes.Node) -> bool:
        """Whether ``node`` is the task just before the first lines to write on: where the edition left
        the lines' block without the task's end in it (the self-study edition prints the solo version
        as the task), the block before them must stay on their page."""
        parent = node.parent
        if parent is None or not isinstance(node, nodes.Element):
            return False
        siblings = parent.children
        index = next(i for i, child in enumerate(siblings) if child is node)
        after = siblings[index + 1] if index + 1 < len(siblings) else None
        return has_class(after, "cw-keep") and len(after) > 0 and has_class(after[0], "cw-writing-space")

    def dispatch_visit(self, node):
        if not self.sticks(node):
            return super().dispatch_visit(node)
        self.body.append("#block(sticky: true)[")
        try:
            super().dispatch_visit(node)
        except nodes.SkipNode:
            self.close_call()
            raise

    def dispatch_departure(self, node):
        super().dispatch_departure(node)
        if self.sticks(node):
            self.close_call()

    # -- helpers the course nodes' visitors use too ----------------------------------------

    def text(self, value: str) -> str:
        return escape(value)

    def trim(self) -> None:
        """Drop the whitespace at the end of what is written so far (before a closing bracket)."""
        while self.body and not self.body[-1].strip():
            self.body.pop()
        if self.body:
            self.body[-1] = self.body[-1].rstrip()

    def anchors(self, node: nodes.Element) -> None:
        """A label for each of a node's ids, where links and page references can find it."""
        for ident in node.get("ids", []):
            if ident not in self.placed:
                self.placed.add(ident)
                self.body.append(f"#metadata(none)<{label(ident)}>")

    def open_call(self, function: str, **arguments) -> None:
        """``#function(arguments)[`` and the node's anchors inside it."""
        args = ", ".join(f"{k.replace('_', '-')}: {v}" for k, v in arguments.items() if v is not None)
        self.body.append(f"#{function}({args})[")

    def close_call(self) -> None:
        self.trim()
        self.body.append("]\n\n")

    def unknown_visit(self, node: nodes.Node) -> None:
        logger.warning("the handouts cannot print a %s node; its text is printed plain", node.__class__.__name__,
                       location=node, type="courseware", subtype="print")

    def unknown_departure(self, node: nodes.Node) -> None:
        pass

    # -- structure ------------------------------------------------------------------------

    def visit_document(self, node):
        pass

    def depart_document(self, node):
        pass

    def visit_start_of_file(self, node):
        pass

    def depart_start_of_file(self, node):
        pass

    def visit_section(self, node):
        if self.deck_pages(node):  # the decks on paper: the cover names them; the lessons are the chapters
            self.anchors(node)
            for child in node.children[1:]:
                child.walkabout(self)
            raise nodes.SkipNode
        self.section_level += 1
        tag = language_of(node)
        if tag:  # a page in a language of its own: hyphenation, line breaking and the PDF's /Lang follow it
            self.body.append(f"#[#set text({typst_language(tag)})\n")
        if has_class(node, "cw-lesson-plan"):
            self.body.append("#cw-lesson-plan[")

    def depart_section(self, node):
        self.section_level -= 1
        if has_class(node, "cw-lesson-plan"):
            self.close_call()
        if language_of(node):
            self.body.append("\n]\n")

    def visit_title(self, node):
        parent = node.parent
        if not isinstance(parent, nodes.section):
            if isinstance(parent, nodes.table):
                self.body.append("#cw-table-title[")
            else:
                self.body.append("#cw-box-label[")
            return
        role = self.role(parent, node)
        running = ""
        if node.get("cw_running"):
            module, page = node["cw_running"]
            running = f", running: ({string(module)}, {string(page)})"
        bookmarked = "true" if self.bookmarked(parent, node) else "false"
        page_start = "true" if self.starts_page(parent) else "false"
        self.body.append(f"#cw-heading({string(role)}, page-start: {page_start}{running})"
                         f"[#heading(level: {self.section_level}, bookmarked: {bookmarked}, outlined: false)[")

    def depart_title(self, node):
        parent = node.parent
        if not isinstance(parent, nodes.section):
            self.close_call()
            return
        self.trim()
        ids = parent.get("ids", [])
        if ids and ids[0] not in self.placed:
            self.placed.add(ids[0])
            self.body.append(f"]<{label(ids[0])}>]\n")
        else:
            self.body.append("]]\n")
        self.anchors(parent)
        self.body.append("\n")

    def bookmarked(self, section: nodes.section, title: nodes.title) -> bool:
        """Bookmarks read course, module, lesson, lesson section (``assemble.mark_pages``), and each
        generated chapter (references, answers, run-sheet) with its parts."""
        if any(c.startswith("cw-bookmark-") for c in title["classes"]):
            return True
        parent = section.parent
        return self.starts_page(section) or (isinstance(parent, nodes.section) and self.starts_page(parent)
                                             and not parent.get("cw_docname"))

    @staticmethod
    def deck_pages(section: nodes.section) -> bool:
        return any(c.startswith("cw-layout-") for c in section["classes"])

    @staticmethod
    def starts_page(section: nodes.section) -> bool:
        return has_class(section, "cw-page-start") or any(
            has_class(section, c) for c in ("cw-references", "cw-answers", "cw-run-sheet"))

    def role(self, section: nodes.section, title: nodes.title) -> str:
        """A heading's size goes by its role, never by its depth: the same lesson is level 2 in
        a module's PDF and level 3 in the workbook."""
        for kind in ("module", "lesson", "page"):
            if f"cw-title-{kind}" in title["classes"]:
                return "top" if has_class(section, "cw-depth-0") else kind
        if self.starts_page(section):
            return "chapter"
        if has_class(section, "cw-lesson-plan"):
            return "plan"
        parent = section.parent
        while parent is not None and not isinstance(parent, nodes.section):
            parent = parent.parent
        if parent is not None and (parent.get("cw_docname") or self.starts_page(parent)):
            return "section"
        return "subsection"

    def visit_paragraph(self, node):
        self.anchors(node)
        style = next((PARAGRAPHS[c] for c in node["classes"] if c in PARAGRAPHS), None)
        if style:
            self.body.append(f"#{style}[")

    def depart_paragraph(self, node):
        if any(c in PARAGRAPHS for c in node["classes"]):
            self.close_call()
        else:
            self.body.append("\n\n")

    def visit_compact_paragraph(self, node):
        self.visit_paragraph(node)

    def depart_compact_paragraph(self, node):
        self.depart_paragraph(node)

    def visit_Text(self, node):
        self.body.append(escape(node.astext()))

    def depart_Text(self, node):
        pass

    def visit_compound(self, node):
        self.anchors(node)

    def depart_compound(self, node):
        pass

    def visit_container(self, node):
        self.anchors(node)
        function = next((CONTAINERS[c] for c in node["classes"] if c in CONTAINERS), None)
        if has_class(node, "cw-line"):
            self.body.append("#cw-line()\n")
            raise nodes.SkipNode
        if has_class(node, "cw-slide-row"):
            self.slide_row(node)
            raise nodes.SkipNode
        if function == "cw-writing-space" and all(has_class(c, "cw-line") for c in node.children):
            self.body.append(f"#cw-writing-space(lines: {len(node.children)})\n")
            raise nodes.SkipNode
        if function == "cw-question":
            self.body.append("#cw-question[")
        elif function:
            self.body.append(f"#{function}[")

    def depart_container(self, node):
        if any(c in CONTAINERS for c in node["classes"]):
            self.close_call()

    def slide_row(self, node: nodes.container) -> None:
        """A slide drawn on paper, beside its notes (lectern) or lines (slide handouts); what follows
        the row (a model solution on the lectern) stands after it, full width."""
        box, *rest = node.children
        layout = "lectern" if any(has_class(c, "cw-slide-notes") for c in rest) else "slides"
        density = next((c.rsplit("-", 1)[1] for c in box["classes"] if c.startswith("cw-density-")), "0")
        figure = "true" if box.next_node(nodes.image) is not None else "false"
        self.anchors(node)
        self.body.append(f"#cw-slide-row({string(layout)}, density: {density}, figure: {figure}, [")
        for child in box.children:
            child.walkabout(self)
        self.trim()
        self.body.append("], [")
        after = []
        for part in rest:
            if has_class(part, "cw-after-row"):
                after.append(part)
                continue
            for child in part.children:
                child.walkabout(self)
        self.trim()
        self.body.append("])\n\n")
        for part in after:
            self.body.append("#cw-after-row[")
            for child in part.children:
                child.walkabout(self)
            self.close_call()

    def visit_transition(self, node):
        self.body.append("#cw-transition()\n\n")
        raise nodes.SkipNode

    def visit_rubric(self, node):
        self.anchors(node)
        self.body.append("#cw-rubric[")

    def depart_rubric(self, node):
        self.close_call()

    def visit_topic(self, node):
        self.anchors(node)
        self.body.append('#cw-block("topic")[')

    def depart_topic(self, node):
        self.close_call()

    visit_sidebar = visit_topic
    depart_sidebar = depart_topic

    def visit_admonition(self, node):
        self.anchors(node)
        kind = node.tagname if node.tagname != "admonition" else "note"
        title = "" if node.tagname == "admonition" else str(admonitionlabels[kind])
        self.body.append(f"#cw-block({string(kind)}, label: [{escape(title)}])[")

    def depart_admonition(self, node):
        self.close_call()

    def visit_block_quote(self, node):
        self.anchors(node)
        self.body.append("#quote(block: true)[")

    def depart_block_quote(self, node):
        self.close_call()

    def visit_attribution(self, node):
        self.body.append("#align(end)[— ")

    def depart_attribution(self, node):
        self.close_call()

    def visit_line_block(self, node):
        self.body.append("#block[")

    def depart_line_block(self, node):
        self.close_call()

    def visit_line(self, node):
        pass

    def depart_line(self, node):
        self.body.append(" \\\n")

    # -- lists ------------------------------------------------------------------------------

    def visit_bullet_list(self, node):
        self.anchors(node)
        self.body.append("#cw-checklist(" if has_class(node, "cw-materials") else "#list(")

    def depart_bullet_list(self, node):
        self.body.append(")\n\n")

    def visit_enumerated_list(self, node):
        self.anchors(node)
        if has_class(node, "cw-options"):
            self.body.append("#cw-options(")
            return
        if has_class(node, "cw-reference-list"):
            self.body.append("#cw-reference-list(")
            return
        pattern = f"{node.get('prefix', '')}{ENUM.get(node.get('enumtype', 'arabic'), '1')}{node.get('suffix', '.')}"
        self.body.append(f"#enum(numbering: {string(pattern)}, start: {node.get('start', 1)}, ")

    def depart_enumerated_list(self, node):
        self.body.append(")\n\n")

    def visit_list_item(self, node):
        if has_class(node.parent, "cw-options"):
            self.body.append(f"cw-option(key: {'true' if has_class(node, KEY) else 'false'})[")
        else:
            self.body.append("[")
        self.anchors(node)

    def depart_list_item(self, node):
        self.trim()
        self.body.append("], ")

    def visit_definition_list(self, node):
        self.anchors(node)
        self.body.append("#cw-terms(")

    def depart_definition_list(self, node):
        self.body.append(")\n\n")

    def visit_definition_list_item(self, node):
        self.body.append("(")

    def depart_definition_list_item(self, node):
        self.body.append("), ")

    def visit_term(self, node):
        self.body.append("[")
        self.anchors(node)

    def depart_term(self, node):
        self.trim()
        self.body.append("], ")

    def visit_classifier(self, node):
        self.body.append(" : ")

    def depart_classifier(self, node):
        pass

    def visit_definition(self, node):
        self.body.append("[")

    def depart_definition(self, node):
        self.trim()
        self.body.append("]")

    def visit_glossary(self, node):
        self.anchors(node)

    def depart_glossary(self, node):
        pass

    def visit_field_list(self, node):
        self.body.append("#cw-terms(")

    def depart_field_list(self, node):
        self.body.append(")\n\n")

    def visit_field(self, node):
        self.body.append("(")

    def depart_field(self, node):
        self.body.append("), ")

    def visit_field_name(self, node):
        self.body.append("[")

    def depart_field_name(self, node):
        self.trim()
        self.body.append("], ")

    def visit_field_body(self, node):
        self.body.append("[")

    def depart_field_body(self, node):
        self.trim()
        self.body.append("]")

    # -- tables -------------------------------------------------------------------------------

    def visit_table(self, node):
        self.anchors(node)
        self.in_table.append({"header": 0, "widths": []})
        classes = ", ".join(string(c) for c in node["classes"])
        self.body.append(f"#cw-table(classes: ({classes}{',' if len(node['classes']) == 1 else ''}), ")

    def depart_table(self, node):
        self.in_table.pop()
        self.body.append(")\n\n")

    def visit_tgroup(self, node):
        """Columns are sized in the template, as a browser sizes an automatic table: it measures each
        column's widest cell and longest word. Here the writer says which column each cell stands in."""
        columns, words = _table_grid(node)
        self.body.append(f"cols: {_array(columns)}, words: {_array(map(string, words))}, ")

    def depart_tgroup(self, node):
        pass

    def visit_colspec(self, node):
        raise nodes.SkipNode

    def visit_thead(self, node):
        self.body.append("header: (")

    def depart_thead(self, node):
        self.body.append("), ")

    def visit_tbody(self, node):
        self.body.append("rows: (")

    def depart_tbody(self, node):
        self.body.append("), ")

    def visit_row(self, node):
        style = next((ROW_STYLES[c] for c in node["classes"] if c in ROW_STYLES), "")
        self.body.append(f"({string(style)}, ")

    def depart_row(self, node):
        self.body.append("), ")

    def visit_entry(self, node):
        span = []
        if node.get("morecols"):
            span.append(f"colspan: {node['morecols'] + 1}")
        if node.get("morerows"):
            span.append(f"rowspan: {node['morerows'] + 1}")
        self.body.append(f"table.cell({', '.join(span)})[" if span else "[")
        self.anchors(node)

    def depart_entry(self, node):
        self.trim()
        self.body.append("], ")

    # -- inline -------------------------------------------------------------------------------

    visit_emphasis, depart_emphasis = _inline("emph")
    visit_strong, depart_strong = _inline("strong")
    visit_title_reference, depart_title_reference = _inline("emph")
    visit_subscript, depart_subscript = _inline("sub")
    visit_superscript, depart_superscript = _inline("super")
    visit_literal_emphasis, depart_literal_emphasis = _inline("emph")
    visit_literal_strong, depart_literal_strong = _inline("strong")

    def visit_literal(self, node):
        self.anchors(node)
        self.body.append(f"#cw-code({string(node.astext())})")
        raise nodes.SkipNode

    def visit_inline(self, node):
        self.anchors(node)
        tag = language_of(node)
        if tag:  # a few words in another language
            self.body.append(f"#text({typst_language(tag)})[")
        if has_class(node, "cw-unbroken"):  # a few words one line holds whole, never hyphenated
            self.body.append("#box[")

    def depart_inline(self, node):
        if has_class(node, "cw-unbroken"):
            self.body.append("]")
        if language_of(node):
            self.body.append("]")

    visit_abbreviation = visit_inline
    depart_abbreviation = depart_inline
    visit_acronym = visit_inline
    depart_acronym = depart_inline
    visit_manpage = visit_inline
    depart_manpage = depart_inline

    def visit_reference(self, node):
        self.anchors(node)
        uri = node.get("refuri", "")
        refid = node.get("refid") or (uri[1:] if uri.startswith("#") else "")
        if refid:
            if refid in self.targets:
                function = "cw-backref" if has_class(node, "cw-backref") else "link"
                self.body.append(f"#{function}(<{label(refid)}>)[")
            else:
                self.body.append("#[")
        elif has_class(node, "cw-url"):  # a printed reference: the whole address, breakable
            self.body.append(f"#cw-url({string(uri)})")
            raise nodes.SkipNode
        elif uri:
            self.body.append(f"#link({string(uri)})[")
        else:
            self.body.append("#[")

    def depart_reference(self, node):
        self.body.append("]")

    visit_download_reference = visit_inline
    depart_download_reference = depart_inline
    visit_number_reference = visit_reference
    depart_number_reference = depart_reference

    def visit_target(self, node):
        self.anchors(node)
        raise nodes.SkipNode

    def visit_footnote_reference(self, node):
        refid = node.get("refid", "")
        target = f"<{label(refid)}>" if refid in self.targets else None
        self.body.append(f"#super(link({target})[{escape(node.astext())}])" if target
                         else f"#super[{escape(node.astext())}]")
        raise nodes.SkipNode

    def visit_footnote(self, node):
        self.body.append("#cw-note-entry(")
        self.body.append(f"[{escape(node[0].astext())}], [" if isinstance(node[0], nodes.label) else "[], [")
        self.anchors(node)

    def depart_footnote(self, node):
        self.trim()
        self.body.append("])\n\n")

    visit_citation = visit_footnote
    depart_citation = depart_footnote

    def visit_label(self, node):
        raise nodes.SkipNode

    def visit_citation_reference(self, node):
        self.visit_footnote_reference(node)

    def visit_problematic(self, node):
        self.body.append(escape(node.astext()))
        raise nodes.SkipNode

    def visit_image(self, node):
        uri = node["uri"]
        name = self.builder.images.get(uri)
        if name is None:
            logger.warning("the handouts cannot print the image %s", uri, location=node,
                           type="courseware", subtype="print")
            raise nodes.SkipNode
        path = f"{self.builder.imagedir}/{name}"
        self.files.add(path)
        alt = node.get("alt") or ""
        if not alt:
            caption = node.parent.next_node(nodes.caption) if isinstance(node.parent, nodes.figure) else None
            alt = caption.astext() if caption is not None else ""
        if not alt:
            logger.warning("an image without alt text: %s (PDF/UA needs one)", uri, location=node,
                           type="courseware", subtype="print")
            alt = _("Image")
        width = self.length(node.get("width", ""))
        inline = isinstance(node.parent, nodes.TextElement)
        self.anchors(node)
        self.body.append(f"#cw-image({string('/' + path)}, alt: {string(alt)}, width: {width}, "
                         f"inline: {'true' if inline else 'false'})")
        if not inline:
            self.body.append("\n\n")
        raise nodes.SkipNode

    @staticmethod
    def length(value: str) -> str:
        match = re.fullmatch(r"([\d.]+)\s*(%|px|pt|mm|cm|in|em)?", value.strip())
        if not match:
            return "auto"
        number, unit = float(match.group(1)), match.group(2) or "px"
        if unit == "px":
            return f"{number * 0.75:g}pt"
        return f"{number:g}{unit}"

    def visit_figure(self, node):
        self.anchors(node)
        self.body.append("#cw-figure([")

    def depart_figure(self, node):
        self.trim()
        self.body.append("])\n\n")

    def visit_caption(self, node):
        self.trim()
        self.body.append("], caption: [")

    def depart_caption(self, node):
        pass

    def visit_legend(self, node):
        self.trim()
        self.body.append("], [")

    def depart_legend(self, node):
        pass

    def visit_literal_block(self, node):
        self.anchors(node)
        language = node.get("language", "")
        lang = string(language) if language and language not in ("default", "none", "text") else "none"
        self.body.append(f"#cw-code-block({string(node.astext())}, lang: {lang})\n\n")
        raise nodes.SkipNode

    visit_doctest_block = visit_literal_block

    def visit_math(self, node):
        self.body.append(f"#cw-code({string(node.astext())})")
        raise nodes.SkipNode

    def visit_math_block(self, node):
        self.body.append(f"#cw-code-block({string(node.astext())}, lang: none)\n\n")
        raise nodes.SkipNode

    def visit_raw(self, node):
        if "typst" in node.get("format", "").split():
            self.body.append(node.astext())
        raise nodes.SkipNode

    # -- what print leaves out ----------------------------------------------------------------

    def _skip(self, node):
        raise nodes.SkipNode

    visit_comment = _skip
    visit_substitution_definition = _skip
    visit_index = _skip
    visit_meta = _skip
    visit_pending = _skip
    visit_toctree = _skip
    visit_tabular_col_spec = _skip
    visit_highlightlang = _skip
    visit_sd_tab_input = _skip
    visit_system_message = _skip

    def visit_sd_tab_label(self, node):
        self.body.append("#cw-rubric[")

    def depart_sd_tab_label(self, node):
        self.close_call()

    def visit_only(self, node):
        pass

    def depart_only(self, node):
        pass


for _kind in ADMONITIONS:
    setattr(TypstTranslator, f"visit_{_kind}", TypstTranslator.visit_admonition)
    setattr(TypstTranslator, f"depart_{_kind}", TypstTranslator.depart_admonition)

# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""One PDF's pages as one doctree: assembled, resolved, with unique anchors.

``assemble`` inlines the start document's toctree (as Sphinx's singlehtml
builder does), adds the pages every learner PDF carries (the case in front,
the glossary at the back) where the toctree lacks them, drops the pages an
edition does not print, and makes every anchor unique. The pages come resolved
(``pages.py``: references, and the print post-transforms of ``render.py``). It also
classes each page by kind and depth, which the print style turns into
running heads and bookmarks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.console import darkgreen

from .. import structure
from ..config import HandoutDocument, settings
from ..references import plain_terms
from .plans import run_sheet

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.builders import Builder

    Pages = Callable[[str], nodes.document]

logger = logging.getLogger(__name__)

#: Ids the builder writes itself; a page's own ids that clash are renamed.
GENERATED_IDS = ("cw-contents", "cw-references", "cw-answers", "cw-run-sheet")


@dataclass
class TocEntry:
    level: int
    title: str
    anchor: str


def assemble(builder: Builder, document: HandoutDocument, pages: Pages) -> nodes.document:
    """``pages``: each page by name, resolved, this PDF's to change (``pages.ResolvedPages``)."""
    env = builder.env
    start = document.start
    tree = pages(start)
    inline_toctrees(env, pages, tree, [start])
    tree["docname"] = start
    _leave_out_pages(env, tree, document.edition)
    _arrange(builder, pages, tree, document)
    mark_pages(env, tree, start)
    fix_anchors(tree)
    plain_terms(tree)
    return tree


def inline_toctrees(env, pages: Pages, tree: nodes.Element, traversed: list[str], depth: int = 1) -> None:
    """Put each page a toctree lists in the toctree's place, as a ``start_of_file``, pages below first.

    Like Sphinx's ``inline_all_toctrees``, without its copy of the whole tree at every level: each
    page is this PDF's own, so it is changed in place (and parents stay right).
    """
    for toctree in list(tree.findall(addnodes.toctree)):
        holders = []
        for docname in map(str, toctree["includefiles"]):
            if docname in traversed or docname not in env.all_docs:
                continue
            traversed.append(docname)
            logger.info("  " * depth + darkgreen(docname))
            page = pages(docname)
            inline_toctrees(env, pages, page, traversed, depth + 1)
            holder = addnodes.start_of_file(docname=docname)
            holder.extend(page.children)
            for section in holder.findall(nodes.section):
                section.setdefault("docname", docname)
            holders.append(holder)
        toctree.replace_self(holders)


def _page(pages: Pages, docname: str) -> addnodes.start_of_file:
    holder = addnodes.start_of_file(docname=docname)
    holder.extend(pages(docname).children)
    return holder


def _arrange(builder: Builder, pages: Pages, tree: nodes.document, document: HandoutDocument) -> None:
    """Put the start page's own text first, then what belongs in front of the chapters, then the chapters.

    In front: the run-sheet and the pages marked ``print: front`` (facilitators only), and the
    case pages for learners who have only this PDF. At the back: the glossary for those learners.
    """
    env = builder.env
    top = next((c for c in tree.children if isinstance(c, nodes.section)), None)
    if top is None:
        return
    # a page's chapters are children of the page, even where its toctree stands under a heading
    # ("Lessons and timing"): a lesson is not a subsection of that heading
    moved: dict[int, nodes.Node] = {}  # per holder, the last toctree moved out of it: the next goes after it
    for compound in [c for c in tree.findall(nodes.compound) if c.next_node(addnodes.start_of_file)]:
        page = next(a for a in structure.ancestors(compound)
                    if isinstance(a, nodes.section) and isinstance(a.parent, (addnodes.start_of_file, nodes.document)))
        if compound.parent is not page:
            holder = next(a for a in structure.ancestors(compound) if a.parent is page)
            compound.parent.remove(compound)
            page.insert(page.index(moved.get(id(holder), holder)) + 1, compound)
            moved[id(holder)] = compound
    chapters = [c for c in top.children if isinstance(c, nodes.compound) and c.next_node(addnodes.start_of_file)]
    # the start page's sections that follow its toctree (a licence note) read before the chapters
    if chapters:
        after = top.children[top.index(chapters[-1]) + 1:]
        for node in after:
            top.remove(node)
        first = top.index(chapters[0])
        for offset_, node in enumerate(after):
            top.insert(first + offset_, node)
    holders = list(tree.findall(addnodes.start_of_file))
    present = {document.start} | {h["docname"] for h in holders}
    front: list[nodes.Node] = []
    if document.edition == "facilitator":
        sheet = run_sheet(env, document.start)
        if sheet is not None:
            env.resolve_references(sheet, document.start, builder)  # its reading lists link to lessons
            front.append(sheet)
        for holder in holders:
            if str(env.metadata.get(holder["docname"], {}).get("print", "")) == "front":
                holder.parent.remove(holder)
                front.append(holder)
    else:
        config = settings(builder.config)
        front += [_page(pages, d) for d in config.handout_front if d not in present and d in env.all_docs]
        top.extend(_page(pages, d) for d in config.handout_back if d not in present and d in env.all_docs)
    # after the start page's own text (its introduction, outcomes and schedule), before its first chapter
    at = next((i for i, c in enumerate(top.children) if c in chapters), len(top.children))
    for offset_, node in enumerate(front):
        top.insert(at + offset_, node)


def _leave_out_pages(env, tree: nodes.document, edition: str) -> None:
    """Drop pages marked ``handouts: facilitator`` (or ``none``) and modules with no lessons yet."""
    for holder in list(tree.findall(addnodes.start_of_file)):
        docname = holder["docname"]
        wanted = str(env.metadata.get(docname, {}).get("handouts", "all"))
        empty_module = structure.is_module(env, docname) and not structure.lessons_below(env, docname)
        if wanted == "none" or (wanted == "facilitator" and edition != "facilitator") or empty_module:
            holder.parent.remove(holder)


def page_kind(env, docname: str) -> str:
    if structure.is_lesson(env, docname):
        return "lesson"
    return "module" if structure.is_module(env, docname) else "page"


def mark_pages(env, tree: nodes.document, start: str) -> None:
    """Class each page's title by kind (running heads) and depth (bookmarks).

    Bookmarks read course -> module -> lesson -> lesson section, whatever the
    handout starts from: a page's bookmark level is its depth in the
    assembled toctree, plus one. (The writer gives a heading the level of its
    section's nesting, and a bookmark where these classes say.)
    """
    for docname, section in structure.page_sections(tree, start):
        kind = page_kind(env, docname)
        depth = sum(1 for a in structure.ancestors(section) if isinstance(a, addnodes.start_of_file))
        section["classes"] += [f"cw-doc-{kind}", f"cw-depth-{depth}"] + (["cw-page-start"] if depth else [])
        section["cw_docname"] = docname
        module = structure.module_of(env, docname) if kind == "lesson" else docname if kind == "module" else None
        section["cw_module"] = structure.title(env, module) if module else ""
        section[0]["classes"] += [f"cw-title-{kind}", f"cw-bookmark-{depth + 1}"]
        if kind == "lesson":
            for child in section.children:  # its plan opens the lesson, at the lesson's own bookmark
                if isinstance(child, nodes.section) and "cw-lesson-plan" not in child["classes"]:
                    child[0]["classes"].append(f"cw-bookmark-{depth + 2}")


def fix_anchors(tree: nodes.document) -> None:
    """Make every anchor unique in the one PDF, and every link point at one.

    Each page numbers its automatic ids (``id1``...) from 1, and two pages
    may both have an "Outcomes" section: such ids get their page's name as a
    prefix, and the links to them follow. Ids the builder generates itself
    (``GENERATED_IDS``, on nodes marked ``cw_generated``) are never left to a page.
    """
    renamed: dict[tuple[str, str], str] = {}
    owner: dict[int, str] = {}
    seen: set[str] = set(GENERATED_IDS)

    def walk(node: nodes.Node, docname: str) -> None:
        if isinstance(node, addnodes.start_of_file):
            docname = node["docname"]
        if isinstance(node, nodes.Element):
            owner[id(node)] = docname
            for index, ident in enumerate(node["ids"]):
                automatic = ident[:2] == "id" and ident[2:].isdigit()
                if (automatic or ident in seen) and not node.get("cw_generated"):
                    new = f"{docname.replace('/', '-')}--{ident}"
                    renamed[(docname, ident)] = new
                    node["ids"][index] = ident = new
                seen.add(ident)
            for child in node.children:
                walk(child, docname)

    walk(tree, tree["docname"])
    page_anchors = _page_anchors(tree)
    for ref in list(tree.findall(nodes.reference)):
        docname = owner.get(id(ref), tree["docname"])
        if "refid" in ref:
            ref["refid"] = renamed.get((docname, ref["refid"]), ref["refid"])
        uri = ref.get("refuri", "")
        if not uri.startswith("#"):
            continue
        parts = uri[1:].split("#")
        target_doc = parts[0][len("document-"):] if parts[0].startswith("document-") else docname
        if parts[0].startswith("document-") and len(parts) == 1:
            # a link to a whole page: its top section
            anchor = page_anchors.get(target_doc, "")
        else:
            anchor = renamed.get((target_doc, parts[-1]), parts[-1])
        if anchor in seen:
            ref["refuri"] = "#" + anchor
        else:  # a page this PDF does not print
            ref.replace_self(nodes.inline("", "", *ref.children, ids=ref["ids"]))
    for node in tree.findall(nodes.Element):
        if node.get("backrefs"):
            node["backrefs"] = [renamed.get((owner.get(id(node), ""), b), b) for b in node["backrefs"]]


def _page_anchors(tree: nodes.document) -> dict[str, str]:
    """Each page's name -> the id of its top section (the first, where a page has several)."""
    anchors: dict[str, str] = {}
    for name, section in structure.page_sections(tree, tree["docname"]):
        if section["ids"]:
            anchors.setdefault(name, section["ids"][0])
    return anchors


def running_heads(tree: nodes.document, document: HandoutDocument) -> None:
    """Every page's head names its module (or the handout, outside modules) and its own page.

    The title of each page and each generated chapter carries the two names as ``cw_running``;
    the writer leaves them as a mark the templates' running head reads.
    """
    for section in tree.findall(nodes.section):
        generated = bool(section["ids"]) and section["ids"][0] in GENERATED_IDS
        if "cw_docname" not in section and not generated:
            continue
        title = section[0]
        title["cw_running"] = (section.get("cw_module") or document.title, title.astext())


def table_of_contents(tree: nodes.document) -> list[TocEntry]:
    entries = []
    for section in tree.findall(nodes.section):
        if "cw_docname" in section and section["ids"]:
            depth = next(int(c[9:]) for c in section["classes"] if c.startswith("cw-depth-"))
            if depth:
                entries.append(TocEntry(depth, section[0].astext(), section["ids"][0]))
        elif section["ids"] and section["ids"][0] in GENERATED_IDS:
            entries.append(TocEntry(1, section[0].astext(), section["ids"][0]))
    return entries

# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""One PDF's pages as one doctree: assembled, resolved, with unique anchors.

``assemble`` inlines the start document's toctree (as Sphinx's singlehtml
builder does), adds the pages every learner PDF carries (the case in front,
the glossary at the back) where the toctree lacks them, drops the pages an
edition does not print, resolves references (which runs the print
post-transforms of ``render.py``), and makes every anchor unique. It also
classes each page by kind and depth, which the print style turns into
running heads and bookmarks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx._cli.util.colour import darkgreen
from sphinx.util.nodes import inline_all_toctrees

from .. import structure
from ..config import HandoutDocument, settings
from ..references import plain_terms

if TYPE_CHECKING:
    from sphinx.builders import Builder

#: Ids the builder writes itself; a page's own ids that clash are renamed.
GENERATED_IDS = ("cw-contents", "cw-references", "cw-answers")


@dataclass
class TocEntry:
    level: int
    title: str
    anchor: str


def assemble(builder: Builder, document: HandoutDocument) -> nodes.document:
    env = builder.env
    start = document.start
    tree = env.get_doctree(start)
    tree = inline_all_toctrees(builder, set(), start, tree, darkgreen, [start])
    tree["docname"] = start
    _add_companion_pages(builder, tree, document)
    # inline_all_toctrees moves children without setting their parent
    for node in tree.findall(nodes.Element):
        for child in node.children:
            child.parent = node
    _leave_out_pages(env, tree, document.edition)
    mark_pages(env, tree, start)
    env.resolve_references(tree, start, builder)
    fix_anchors(tree)
    plain_terms(tree)
    return tree


def _page(builder: Builder, docname: str) -> addnodes.start_of_file:
    holder = addnodes.start_of_file(docname=docname)
    holder.extend(builder.env.get_doctree(docname).children)
    return holder


def _add_companion_pages(builder: Builder, tree: nodes.document, document: HandoutDocument) -> None:
    """The case pages in front and the glossary at the back, for learners who have only this PDF."""
    if document.edition == "facilitator":
        return
    present = {document.start} | {n["docname"] for n in tree.findall(addnodes.start_of_file)}
    config = settings(builder.config)
    front = [_page(builder, d) for d in config.handout_front if d not in present and d in builder.env.all_docs]
    back = [_page(builder, d) for d in config.handout_back if d not in present and d in builder.env.all_docs]
    top = next((c for c in tree.children if isinstance(c, nodes.section)), None)
    if top is None:
        return
    # after the start page's own introduction, before its first chapter
    first = next((i for i, c in enumerate(top.children) if isinstance(c, (nodes.section, nodes.compound))),
                 len(top.children))
    for offset, holder in enumerate(front):
        top.insert(first + offset, holder)
    top.extend(back)


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
    assembled toctree, plus one.
    """
    for docname, section in structure.page_sections(tree, start):
        kind = page_kind(env, docname)
        depth = sum(1 for a in structure.ancestors(section) if isinstance(a, addnodes.start_of_file))
        section["classes"] += [f"cw-doc-{kind}", f"cw-depth-{depth}"]
        section["cw_docname"] = docname
        module = structure.module_of(env, docname) if kind == "lesson" else docname if kind == "module" else None
        section["cw_module"] = structure.title(env, module) if module else ""
        section[0]["classes"] += [f"cw-title-{kind}", f"cw-bookmark-{depth + 1}"]
        if kind == "lesson":
            for child in section.children:
                if isinstance(child, nodes.section):
                    child[0]["classes"].append(f"cw-bookmark-{depth + 2}")


def fix_anchors(tree: nodes.document) -> None:
    """Make every anchor unique in the one PDF, and every link point at one.

    Each page numbers its automatic ids (``id1``...) from 1, and two pages
    may both have an "Outcomes" section: such ids get their page's name as a
    prefix, and the links to them follow. Ids the builder generates itself
    (``GENERATED_IDS``) are never left to a page.
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
                if automatic or ident in seen:
                    new = f"{docname.replace('/', '-')}--{ident}"
                    renamed[(docname, ident)] = new
                    node["ids"][index] = ident = new
                seen.add(ident)
            for child in node.children:
                walk(child, docname)

    walk(tree, tree["docname"])
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
            anchor = _page_anchor(tree, target_doc)
        else:
            anchor = renamed.get((target_doc, parts[-1]), parts[-1])
        if anchor in seen:
            ref["refuri"] = "#" + anchor
        else:  # a page this PDF does not print
            ref.replace_self(nodes.inline("", "", *ref.children, ids=ref["ids"]))
    for node in tree.findall(nodes.Element):
        node["backrefs"] = [renamed.get((owner.get(id(node), ""), b), b) for b in node.get("backrefs", [])]


def _page_anchor(tree: nodes.document, docname: str) -> str:
    for name, section in structure.page_sections(tree, tree["docname"]):
        if name == docname and section["ids"]:
            return section["ids"][0]
    return ""


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

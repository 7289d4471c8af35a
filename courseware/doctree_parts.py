# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Small doctree parts the extension builds in several places: a link to a page, a link out, a table, a
translated sentence with nodes in it."""

from __future__ import annotations

import string
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from . import structure

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment


def doc_link(env: BuildEnvironment, fromdoc: str, docname: str, text: str | None = None) -> addnodes.pending_xref:
    """A link to ``docname``, resolved by each builder in its own way (insert it before references are resolved)."""
    ref = addnodes.pending_xref(
        "", refdomain="std", reftype="doc", reftarget="/" + docname,
        refdoc=fromdoc, refexplicit=True, refwarn=True,
    )
    ref += nodes.inline("", text or structure.title(env, docname))
    return ref


def link(text: str, url: str) -> nodes.Node:
    """A link out (plain text when there is no address)."""
    if not url:
        return nodes.Text(text)
    return nodes.reference("", text, refuri=url, internal=False)


def table_row(cells: list, cell_classes: list[list[str]] | None = None, classes=()) -> nodes.row:
    """A row; each cell is text, a node, or a list of nodes."""
    row = nodes.row(classes=list(classes))
    for index, value in enumerate(cells):
        entry = nodes.entry(classes=list(cell_classes[index]) if cell_classes else [])
        if isinstance(value, list):
            entry += nodes.paragraph("", "", *value)
        else:
            entry += nodes.paragraph("", "", value if isinstance(value, nodes.Node) else nodes.Text(value))
        row += entry
    return row


def table(columns: list[tuple[str, int, list[str]]], rows: list[nodes.row], classes: list[str]) -> nodes.table:
    """A table of ``(header, width, classes)`` columns; ``rows`` from ``table_row``."""
    result = nodes.table(classes=classes)
    group = nodes.tgroup(cols=len(columns))
    result += group
    for _header, width, cls in columns:
        group += nodes.colspec(colwidth=width, classes=cls)
    head = nodes.thead()
    group += head
    head += table_row([h for h, _, _ in columns], [c for _, _, c in columns])
    body = nodes.tbody()
    group += body
    body.extend(rows)
    return result


def sentence(pattern: str, **parts: str | nodes.Node | list[nodes.Node]) -> list[nodes.Node]:
    """A translated sentence whose ``{name}`` placeholders stand for nodes (a link, a literal, a strong
    label): its words as text, each placeholder replaced by ``parts[name]``, in the order the translation
    puts them."""
    found: list[nodes.Node] = []
    for text, name, _spec, _conversion in string.Formatter().parse(pattern):
        if text:
            found.append(nodes.Text(text))
        if name is None:
            continue
        part = parts[name]
        if isinstance(part, list):
            found.extend(part)
        else:
            found.append(part if isinstance(part, nodes.Node) else nodes.Text(part))
    return found

# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Typst markup, written safely: escaped text, string literals, labels, and the course blocks' visitors.

The print writer (``handouts/typst_writer.py``) and every course node's
``typst=`` visitor (``typst_block``) write through these, so text is escaped
in one place.
"""

from __future__ import annotations

import re

from .translations import _

#: Characters that mean something in Typst markup; a backslash makes each plain. A semicolon or an
#: opening parenthesis right after an embedded expression (inline code, a link) would end it, and
#: vanish, or call it.
_SPECIAL = re.compile(r"([\\#*_`$<>@\[\]~/=+\-.:;(])")
_LABEL_SAFE = re.compile(r"[^A-Za-z0-9_.:-]")
#: docutils' list numbering -> Typst's numbering pattern
ENUM = {"arabic": "1", "loweralpha": "a", "upperalpha": "A", "lowerroman": "i", "upperroman": "I"}
def escape(text: str) -> str:
    """Plain text as Typst markup: special characters escaped, line ends as spaces."""
    return _SPECIAL.sub(r"\\\1", text.replace("\r", "").replace("\n", " "))


def string(text: str) -> str:
    """A Typst string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "") + '"'


def label(ident: str) -> str:
    """A docutils id as a Typst label name (the same id always gives the same name)."""
    return "cw:" + _LABEL_SAFE.sub("_", ident)


def typst_block(kind: str, label_text: str | None = None):
    """Visitors that draw a course block as ``#cw-block(kind, label: [...], minutes: n)[...]``.

    The label comes from ``node['label']`` when set (the page's words), else ``label_text`` (marked with
    ``N_`` where it is given, translated here)."""

    def visit(self, node):
        text = node.get("label") or (_(label_text) if label_text else None)
        minutes = node.get("minutes")
        self.body.append(f"#cw-block({string(kind)}"
                         + (f", label: [{escape(text)}]" if text else "")
                         + (f", minutes: {int(minutes)}" if minutes else "") + ")[")
        self.anchors(node)

    def depart(self, node):
        self.close_call()

    return visit, depart

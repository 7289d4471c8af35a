# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Mistakes authors make, stopped with the file, the line and what was meant.

- A directive name that does not exist, in any fence MyST reads (backticks,
  tildes, colons), gets a "did you mean" beside MyST's own warning, which
  says only that the name is unknown. The fences come from MyST's parser,
  so no kind of fence escapes the check.
- A glossary term that does not exist gets a "did you mean".
- Blocks in the wrong place: a misnested fence (a paragraph that starts with
  ``:::`` or a backtick fence shows that a block closed too early), a
  ``question`` outside a ``quiz``, a ``solution`` outside an ``exercise``,
  a ``slide`` outside a ``##`` section, ``notes`` before the first ``##``
  section (they would reach no slide).

Unknown options of course directives are reported by ``directive.py``, and
unknown guide section numbers by the ``{guide}`` role (``references.py``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser, directives
from docutils.parsers.rst.languages import en
from docutils.utils import new_document
from sphinx.util import logging
from sphinx.util.docutils import sphinx_domains

from .activities import discussion, exercise, solution
from .blocks import notes, slide
from .directive import did_you_mean
from .quiz import question, quiz
from .structure import ancestors

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

_MARKER = re.compile(r"^(:{3,}|`{3,})")
#: Fenced names MyST handles itself, before any directive lookup.
MYST_SPECIAL = {"eval-rst"}


def _warn(message: str, location, *args, subtype: str = "authoring") -> None:
    logger.warning(message, *args, location=location, type="courseware", subtype=subtype)


# -- directive names, while the source is read -------------------------------------


def directive_fences(text: str, config=None):
    """``(line, name)`` of every directive fence, found by MyST's own parser (backtick, tilde and colon
    fences, nested as MyST nests them); ``name`` is "" for a colon fence without a directive name. A code
    block's content is not read."""
    from markdown_it.renderer import RendererHTML
    from myst_parser.config.main import MdParserConfig
    from myst_parser.parsers.mdit import create_md_parser

    parser = create_md_parser(config or MdParserConfig(enable_extensions={"colon_fence"}), RendererHTML)

    def walk(source: str, offset: int):
        for token in parser.parse(source):
            if token.type not in ("fence", "colon_fence") or not token.map:
                continue
            line = offset + token.map[0] + 1
            match = re.match(r"^\{([^}\s]*)\}", token.info.strip())
            if match:
                yield line, match.group(1)
                if match.group(1) not in MYST_SPECIAL:
                    yield from walk(token.content, line)
            elif token.type == "colon_fence" and not token.info.strip():
                yield line, ""

    yield from walk(text, 0)


def check_directive_names(app: Sphinx, docname: str, source: list[str]) -> None:
    document = new_document(docname, get_default_settings(Parser))
    known = _known_directives(app)
    with sphinx_domains(app.env):
        for lineno, name in directive_fences(source[0], getattr(app.env, "myst_config", None)):
            if name in MYST_SPECIAL:
                continue
            if not name:
                _warn("a fence marker ':::' opens a block with no directive name: a block above closed early. "
                      "A block inside another needs a shorter fence than its parent (':::' inside '::::')",
                      (docname, lineno))
                continue
            found, _messages = directives.directive(name, en, document)
            if found is None:
                _warn("unknown directive {%s}%s", (docname, lineno), name, did_you_mean(name, known))


def _known_directives(app: Sphinx) -> set[str]:
    # Private: docutils lists its directives nowhere public; the names feed only the "did you mean"
    # hint. tests/test_upstream.py fails if either table goes.
    names = set(directives._directives) | set(directives._directive_registry)
    for domain in app.env.domains.values():
        names |= {f"{domain.name}:{d}" for d in domain.directives}
    names |= set(app.env.domains.standard_domain.directives)
    return names


# -- blocks in the wrong place, once the page is parsed -----------------------------


def check_structure(app: Sphinx, doctree: nodes.document) -> None:
    for paragraph in doctree.findall(nodes.paragraph):
        marker = _MARKER.match(paragraph.astext())
        if marker and not isinstance(paragraph.parent, nodes.literal_block):
            _warn("a fence marker %r stands in the text: a block closed early. A block inside another needs a "
                  "shorter fence than its parent (':::' inside '::::'), and each fence closes with its own "
                  "length", paragraph, marker.group(1))
    for node in doctree.findall(question):
        if not any(isinstance(a, quiz) for a in ancestors(node)):
            _warn("'question' belongs inside a 'quiz' (the lesson's knowledge check)", node)
    for node in doctree.findall(solution):
        if not isinstance(node.parent, exercise):
            _warn("'solution' belongs inside the 'exercise' it answers", node)
    top = next((s for s in doctree.children if isinstance(s, nodes.section)), None)
    for node in doctree.findall(slide):
        section = next((a for a in ancestors(node) if isinstance(a, nodes.section)), None)
        if section is None or section is top:
            _warn("'slide' block outside a '##' section: put it under the heading of the slide it belongs to", node)
    for node in doctree.findall(notes):
        in_activity = any(isinstance(a, (exercise, discussion, question)) for a in ancestors(node))
        section = next((a for a in ancestors(node) if isinstance(a, nodes.section)), None)
        if not in_activity and (section is None or section is top):
            _warn("'notes' before the first '##' section reach no slide: move them under the section they "
                  "belong to", node)


# -- glossary terms -------------------------------------------------------------------


def suggest_term(app: Sphinx, domain, node) -> bool | None:
    """A ``{term}`` that is not in the glossary: say which term was meant."""
    if node.get("refdomain") != "std" or node.get("reftype") != "term":
        return None
    terms = [name for (kind, name) in domain.objects if kind == "term"]
    target = node["reftarget"]
    _warn("term not in the glossary: %r%s; add it to the glossary or fix the spelling", node, target,
          did_you_mean(target.lower(), terms), subtype="term")
    return True


def setup_authoring(app: Sphinx) -> None:
    app.connect("source-read", check_directive_names)
    app.connect("doctree-read", check_structure)
    app.connect("warn-missing-reference", suggest_term)

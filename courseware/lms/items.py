# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The course's knowledge-check questions as records, read from the same doctrees the HTML and print use.

Each ``question`` block becomes an ``Item``: its stem, its options in order with the key, its
explanation and the objectives it checks, with the lesson and module it stands in. Nothing is typed
twice: the exports (GIFT, QTI, SCORM) write these records, and the records are the doctree's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes

from .. import structure
from ..quiz import question, quiz_explanation, quiz_option

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment


@dataclass(frozen=True)
class Item:
    identifier: str  #: unique in the course: the lesson's name and the question's place in the lesson
    module: str  #: the module's docname
    lesson: str  #: the lesson's docname
    number: int  #: the question's number in its knowledge check (a lesson may hold more than one check)
    field: str  #: the form name the HTML course gives the question's options (its radio buttons)
    stem: str
    options: tuple[str, ...]
    key: int  #: index of the right option (0: A)
    explanation: str
    objectives: tuple[str, ...]  #: the texts of the lesson objectives the question checks
    objective_numbers: tuple[int, ...]  #: their numbers in the lesson's list, from 1

    @property
    def letter(self) -> str:
        return "ABCDEFGH"[self.key]


@dataclass(frozen=True)
class Module:
    docname: str
    title: str
    lessons: tuple[tuple[str, str], ...]  #: (docname, title) of each lesson with questions, in course order
    items: tuple[Item, ...]


def _text(node: nodes.Node) -> str:
    return " ".join(node.astext().split())


def identifier(docname: str, position: int) -> str:
    """A name every format accepts (letters, digits, ``-``, ``.``): the lesson's name and the question's place in
    it, counted from 1 over all its knowledge checks."""
    name = re.sub(r"[^A-Za-z0-9.-]+", "-", docname).strip("-.")
    return ("" if name[:1].isalpha() else "q-") + name + f".q{position}"


def items_of(env: BuildEnvironment, docname: str, module: str) -> list[Item]:
    """The questions of one lesson, in order."""
    lesson = structure.lesson(env, docname)
    objectives = lesson.objectives if lesson else ()
    found = []
    for position, node in enumerate(env.get_doctree(docname).findall(question), 1):
        options = [o for o in node.children if isinstance(o, quiz_option)]
        stem = next(c for c in node.children if "cw-stem" in c.get("classes", ()))
        stem = stem.deepcopy()
        for number in [n for n in stem.findall(nodes.inline) if "cw-question-number" in n["classes"]]:
            number.parent.remove(number)  # "1. ": each format numbers the questions itself
        explanation = next(node.findall(quiz_explanation), None)
        why = [_text(p) for p in (explanation.children[1:] if explanation is not None else [])]
        found.append(Item(
            identifier=identifier(docname, position), module=module, lesson=docname, number=node["number"],
            field=node["ids"][0], stem=_text(stem), options=tuple(_text(o) for o in options),
            key=next(i for i, o in enumerate(options) if o["correct"]), explanation=" ".join(why),
            objectives=tuple(objectives[n - 1] for n in node.get("objectives", ()) if 0 < n <= len(objectives)),
            objective_numbers=tuple(node.get("objectives", ())),
        ))
    return found


def course_modules(env: BuildEnvironment) -> list[Module]:
    """Every module with its lessons' questions, in the order the course teaches them. Lessons outside a
    module (an introduction, a capstone) form a module of their own, named after the lesson."""
    modules: dict[str, list] = {}
    for row in structure.lessons_below(env, env.config.root_doc):
        module = row.module or row.docname
        found = items_of(env, row.docname, module)
        if found:
            modules.setdefault(module, []).append((row.docname, found))
    return [Module(docname, structure.title(env, docname),
                   tuple((lesson, structure.title(env, lesson)) for lesson, _ in lessons),
                   tuple(item for _, found in lessons for item in found))
            for docname, lessons in modules.items()]

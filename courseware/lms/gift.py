# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Moodle's GIFT format: one file for the course, a category per module and per lesson.

Each question is a multiple-choice item. Its name gives its number and the objectives it checks
(the category names the lesson), its Moodle ID number the course's identifier. The right option is
marked ``=``, the others ``~``, and every option carries feedback (``#``) built from the explanation.
GIFT's special characters (``~ = # { } :``) and the backslash are escaped wherever text is written;
a category path separates its levels with ``/``, so a ``/`` in a title is doubled, as Moodle reads it.
"""

from __future__ import annotations

import functools
import re

from ..translations import _, both
from .items import Item, Module

_SPECIAL = re.compile(r"([\\~=#{}:])")


def escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def category(*titles: str) -> str:
    return "$CATEGORY: $course$/" + "/".join(" ".join(t.split()).replace("/", "//") for t in titles)


#: Moodle keeps a question's name in 255 characters.
NAME_LENGTH = 255


def name(item: Item) -> str:
    """The question's number and the objectives it checks, by number and text (the category names the lesson)."""
    if not item.objectives:
        return _("Question {number}").format(number=item.number)
    numbers = functools.reduce(both, [str(n) for n in item.objective_numbers])
    # Translators: {numbers} are the objectives' numbers ("1 and 2"), {objectives} their texts joined by "; ".
    text = _("Question {number}, objective {numbers}: {objectives}").format(
        number=item.number, numbers=numbers, objectives="; ".join(item.objectives))
    return text if len(text) <= NAME_LENGTH else text[:NAME_LENGTH - 1].rsplit(" ", 1)[0] + "\u2026"


def question(item: Item) -> str:
    right = _("Correct. {explanation}").format(explanation=item.explanation).strip()
    # Translators: {letter} and {option} are the right option's letter and text.
    wrong = _("Not quite: the answer is {letter}, \u201c{option}\u201d. {explanation}").format(
        letter=item.letter, option=item.options[item.key], explanation=item.explanation).strip()
    lines = [f"// [id:{item.identifier}]", f"::{escape(name(item))}::{escape(item.stem)} {{"]
    for index, option in enumerate(item.options):
        mark, feedback = ("=", right) if index == item.key else ("~", wrong)
        lines.append(f"\t{mark}{escape(option)}#{escape(feedback)}")
    lines.append("}")
    return "\n".join(lines)


def gift(course_title: str, modules: list[Module]) -> str:
    """The whole course's questions as one GIFT file."""
    parts = [f"// {course_title}: knowledge checks, written by the course's build; import into a Moodle "
             "question bank (Question bank > Import > GIFT format)."]
    for module in modules:
        for lesson, title in module.lessons:
            parts.append(category(course_title, module.title, title) if lesson != module.docname
                         else category(course_title, module.title))
            parts += [question(item) for item in module.items if item.lesson == lesson]
    return "\n\n".join(parts) + "\n"

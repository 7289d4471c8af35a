# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The words the print templates write themselves ("Contents", "Page 3 of 40"), for the catalogue.

The templates hold no word of their own: the builder writes these, in the course's language, into each
PDF's markup as ``handout``'s ``words`` (a Typst dictionary of strings), and the templates take them from
there. ``{name}`` marks where a template puts a number or a link (``say`` in ``style.typ``).
``handout.typ`` keeps the English words as its default, for markup written without them.
"""

from __future__ import annotations

from ..translations import N_, _
from ..typst_markup import string

#: Each word by the name the templates use (``words.page-of``).
WORDS = {
    # Translators: the heading of a PDF's table of contents
    "contents": N_("Contents"),
    # Translators: each page's foot, "Page 3 of 40"
    "page-of": N_("Page {page} of {total}"),
    # Translators: after a link to an exercise, in brackets: the page it is on
    "page": N_("page {page}"),
    # Translators: the cover; {licence} is the licence's name, linked
    "licensed": N_("Licensed under {licence}."),
    # Translators: an activity's length, beside its label
    "minutes": N_("{minutes} min"),
    # Translators: beside a part of a lesson that can be dropped: the minutes dropping it saves
    "saves": N_("saves {minutes} min"),
}


def typst_words() -> str:
    """The words in the course's language, as the Typst dictionary ``handout`` takes."""
    return "(" + ", ".join(f"{key}: {string(_(word))}" for key, word in WORDS.items()) + ")"

# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The ``revealjs`` builder: decks for lessons and the deck index, and nothing else.

A thin subclass of sphinx-revealjs' builders. Pages that are not lessons
(the glossary, the bibliography, module pages, the case) get no deck: a
title-only deck helps nobody. The translator closes the ``<section>`` that
sphinx-revealjs 3.2.1 leaves open at the end of every deck (it closes a
slide's wrapper only when the next slide starts). ``init`` puts back the two
settings sphinx-revealjs changes in place, which made every build of the
decks read every page again.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from sphinx_revealjs.builders import DirectoryRevealjsHTMLBuilder, RevealjsHTMLBuilder
from sphinx_revealjs.writers import RevealjsSlideTranslator

from .shape import is_deck

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class DeckTranslator(RevealjsSlideTranslator):
    def depart_document(self, node) -> None:
        if self._nest_step:
            self.body.append("</section>\n" * self._nest_step)
            self._nest_step = 0
        super().depart_document(node)


#: Settings sphinx-revealjs 3.2.1 changes while its builder starts: it appends its own static folder
#: to one and adds a key to the other. The environment records the settings of each build and
#: compares them with conf.py's at the next; changed, they marked every page to be read again.
CHANGED_IN_PLACE = ("revealjs_static_path", "revealjs_script_conf")


class _OnlyDecks:
    default_translator_class = DeckTranslator

    def init(self) -> None:
        said = {name: getattr(self.config, name) for name in CHANGED_IN_PLACE}
        for name, value in said.items():  # sphinx-revealjs changes copies, never conf.py's values
            setattr(self.config, name, copy.deepcopy(value))
        super().init()  # its static folder stays in html_static_path, which it copies from
        for name, value in said.items():
            setattr(self.config, name, value)

    def write_documents(self, docnames) -> None:
        super().write_documents({d for d in docnames if is_deck(self.env, d)})


class DeckBuilder(_OnlyDecks, RevealjsHTMLBuilder):
    name = "revealjs"


class DirectoryDeckBuilder(_OnlyDecks, DirectoryRevealjsHTMLBuilder):
    name = "dirrevealjs"


def setup_deck_builder(app: Sphinx) -> None:
    app.add_builder(DeckBuilder, override=True)
    app.add_builder(DirectoryDeckBuilder, override=True)

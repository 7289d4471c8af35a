# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The words the extension writes into the outputs, in the course's language.

Every word the build itself puts in an output ("Key points", "Answer", the run-sheet's headings, the
covers' lines) goes through Sphinx's locale machinery with the extension's own catalogue,
``courseware``: ``_("Key points")`` where the word is written. A word kept in a table at module level
is marked with ``N_`` (which returns it unchanged, so that the catalogue's extraction finds it) and
translated where it is used, with ``_``. The print templates and the HTML course's script receive
their words from Python (``handouts/words.py``, ``html/__init__.py``), so that one extraction, over
the Python files, finds every message.

The catalogues are ``locales/<language>/LC_MESSAGES/courseware.po`` in the package, and they are
compiled while the extension loads, into the user's cache folder, keyed by each file's bytes:
the repository holds no compiled file. ``conf.py``'s ``language`` picks one; a language without a
catalogue builds in English. ``tools/messages.py`` lists the messages and checks each catalogue.

What a build says to its author (warnings, errors) stays in English, as the extension's code
writes it: those are for the people who maintain the course, not for its learners.
"""

from __future__ import annotations

import datetime
import hashlib
import io
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx import locale

from . import cache

if TYPE_CHECKING:
    from sphinx.application import Sphinx

CATALOGUE = "courseware"
LOCALES = Path(__file__).parent / "locales"

#: Translate a message into the course's language, where it is written.
_ = locale.get_translation(CATALOGUE)


def N_(message: str) -> str:  # noqa: N802 (gettext's name for it)
    """Mark a message for the catalogue without translating it (a table's entry): ``_`` it where it is used."""
    return message


def both(first: str, second: str) -> str:
    """Two things in one phrase, "4 lessons and 1 worksheet" (``functools.reduce(both, items)`` for more)."""
    return _("{first} and {second}").format(first=first, second=second)


def ngettext(singular: str, plural: str, count: int) -> str:
    """``singular`` or ``plural`` for ``count``, in the course's language (its own plural rules)."""
    return locale.get_translator(CATALOGUE).ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """``message`` as translated for ``context``, where one English word says two things ("Time": a length,
    or the clock times a session runs)."""
    return locale.get_translator(CATALOGUE).pgettext(context, message)


#: Languages that write a noun with a capital letter wherever it stands (German): a page's words put inside a
#: sentence keep their first letter there.
NOUNS_CAPITALISED = ("de", "lb")


def within_sentence(text: str, language: str | None) -> str:
    """A page's words (an objective, a cut) put inside a generated sentence: the first letter lower case
    ("I can: explain ..."), except in a language whose nouns keep their capital ("Ich kann Widgets ...")."""
    if (language or "en").split("-")[0].split("_")[0] in NOUNS_CAPITALISED:
        return text
    return text[:1].lower() + text[1:]


def babel_locale(language: str | None):
    """Babel's locale for conf.py's ``language`` (``pt-BR`` or ``pt_BR``); British English, as the course is
    written, for ``en``, none or an unknown one."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse({"en": "en_GB"}.get(language or "en", language or "en").replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en_GB")


def long_date(day: datetime.date, language: str | None) -> str:
    """A date written out as the language writes it: "3 December 2026", "3. Dezember 2026", "3 de dezembro de 2026"."""
    from babel.dates import format_date

    return format_date(day, format="long", locale=babel_locale(language))


def catalogues(folder: Path = LOCALES) -> dict[str, Path]:
    """Each language's ``.po`` file."""
    return {path.parent.parent.name: path for path in sorted(folder.glob(f"*/LC_MESSAGES/{CATALOGUE}.po"))}


def compile_catalogues(source: Path = LOCALES, target: Path | None = None) -> Path:
    """Each ``.po`` of ``source`` compiled to a ``.mo`` under ``target`` (a folder named by the catalogues'
    bytes in the cache folder by default), unless already there; return the folder Sphinx reads."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    found = catalogues(source)
    if target is None:
        digest = hashlib.sha256()
        for language, path in found.items():
            digest.update(language.encode() + b"\0" + path.read_bytes())
        target = cache.folder("locales") / digest.hexdigest()[:24]
    for language, path in found.items():
        compiled = target / language / "LC_MESSAGES" / f"{CATALOGUE}.mo"
        if compiled.is_file():
            continue
        with open(path, "rb") as po:
            catalogue = read_po(po, locale=language)
        data = io.BytesIO()
        write_mo(data, catalogue)
        cache.replace(compiled, data.getvalue())  # builds side by side share the cache
    return target


def setup_translations(app: Sphinx) -> None:
    # a fresh catalogue for each project a process builds (a test builds English and German side by side)
    locale.translators.pop(("general", CATALOGUE), None)
    app.add_message_catalog(CATALOGUE, str(compile_catalogues()))

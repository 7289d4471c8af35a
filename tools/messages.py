#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The extension's message catalogue: the words the build writes, for translators.

Every message is marked in the extension's Python code (``_``, ``N_``, ``ngettext``; see
``courseware/translations.py``). This tool extracts them with Babel into
``courseware/locales/courseware.pot`` and brings each language's ``.po`` up to date: a new message
is added untranslated, a message the code no longer has is dropped. Translators then fill in the
``msgstr`` lines.

    python3 tools/messages.py           # write the template, update every catalogue, list what is missing
    python3 tools/messages.py --check   # exit 1 when the template is stale or a catalogue is incomplete
    python3 tools/messages.py --add fr  # start a catalogue for another language

The build compiles the ``.po`` files itself (no ``.mo`` is kept in the repository).
"""

from __future__ import annotations

import argparse
import datetime
import io
import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from courseware import __version__  # noqa: E402
from courseware.translations import CATALOGUE, LOCALES, catalogues  # noqa: E402

REPOSITORY = Path(__file__).resolve().parent.parent
PACKAGE = REPOSITORY / "courseware"
TEMPLATE = LOCALES / f"{CATALOGUE}.pot"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


AUTHORS = "The Outbound Open Source course authors"
HEADER = """\
{language} words that the courseware extension writes into a course's outputs.
SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
SPDX-License-Identifier: Apache-2.0
Made with tools/messages.py from the extension's code; translate the msgstr lines.
"""


def new_catalogue(language: str | None = None) -> Catalog:
    from babel import Locale

    name = Locale.parse(language).english_name if language else "The"
    return Catalog(locale=language, project=CATALOGUE, version=__version__, copyright_holder=AUTHORS,
                   msgid_bugs_address=AUTHORS,
                   last_translator=AUTHORS, language_team=f"{name} translators of the course",
                   header_comment="".join(f"# {line}\n" for line in HEADER.format(language=name).splitlines()),
                   revision_date=datetime.datetime.now(datetime.timezone.utc).replace(second=0, microsecond=0),
                   charset="utf-8", fuzzy=False)


def extract() -> Catalog:
    """Every marked message of the extension, with the files and lines that use it."""
    catalogue = new_catalogue()
    found = extract_from_dir(str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS,
                             comment_tags=("Translators:",), strip_comment_tags=True)
    for filename, line, message, comments, context in found:
        catalogue.add(message, locations=[(f"courseware/{filename}", line)], auto_comments=comments,
                      context=context)
    return catalogue


def po_bytes(catalogue: Catalog, **options) -> bytes:
    buffer = io.BytesIO()
    # files without line numbers: a change of the code that moves a message does not change the catalogues
    write_po(buffer, catalogue, width=100, omit_header=False, sort_output=True, ignore_obsolete=True,
             include_previous=False, include_lineno=False, **options)
    # the creation date changes on every run and says nothing a translator needs; a template has no revision
    data = re.sub(rb'"POT-Creation-Date: [^"]*\\n"\n', b"", buffer.getvalue())
    return data if catalogue.locale else re.sub(rb'"PO-Revision-Date: [^"]*\\n"\n', b"", data)


def read(path: Path, language: str | None = None) -> Catalog:
    with open(path, "rb") as stream:
        return read_po(stream, locale=language)


def problems(template: Catalog, language: str, catalogue: Catalog) -> list[str]:
    """What a catalogue lacks: messages untranslated or marked fuzzy, and placeholders that differ."""
    found = []
    for message in template:
        if not message.id:
            continue
        translated = catalogue.get(message.id, context=message.context)
        strings = translated.string if translated is not None else None
        if translated is None or not strings or (isinstance(strings, tuple) and not all(strings)):
            found.append(f"{language}: untranslated: {message.id!r}")
            continue
        if translated.fuzzy:
            found.append(f"{language}: fuzzy: {message.id!r}")
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        wanted = set(PLACEHOLDER.findall(" ".join(ids)))
        for string in strings if isinstance(strings, tuple) else (strings,):
            if set(PLACEHOLDER.findall(string)) != wanted:
                found.append(f"{language}: placeholders of {message.id!r} differ: {string!r}")
    return found


def update(template: Catalog, path: Path, language: str) -> bytes:
    catalogue = read(path, language) if path.exists() else new_catalogue(language)
    catalogue.update(template, no_fuzzy_matching=True)
    return po_bytes(catalogue)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 when something is missing")
    parser.add_argument("--add", metavar="LANGUAGE", help="start a catalogue for LANGUAGE (a code such as fr)")
    options = parser.parse_args(argv)
    template = extract()
    wanted = {TEMPLATE: po_bytes(template)}
    found_languages = catalogues()
    if options.add:
        found_languages[options.add] = LOCALES / options.add / "LC_MESSAGES" / f"{CATALOGUE}.po"
    for language, path in found_languages.items():
        wanted[path] = update(template, path, language)
    stale = [path for path, data in wanted.items() if not path.exists() or path.read_bytes() != data]
    if not options.check:
        for path in stale:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(wanted[path])
    report = [f"{path.relative_to(REPOSITORY)} is not up to date with the code: run python3 tools/messages.py"
              for path in stale] if options.check else []
    for language, path in found_languages.items():
        report += problems(template, language, read(path, language) if path.exists() else Catalog())
    for line in report:
        print(line)
    print(f"{len(template)} messages; {', '.join(found_languages) or 'no'} catalogues", file=sys.stderr)
    return 1 if report else 0


if __name__ == "__main__":
    sys.exit(main())

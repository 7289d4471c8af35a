# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""What one PDF is made from, as a key checked before it is assembled.

Assembling a PDF (inlining its pages, resolving, filtering the edition,
writing the markup) costs more than compiling it. ``inputs_key`` names, by
content and never by path, everything a PDF can show:

- the entry in ``courseware_handouts``, the build date on its cover and the course's language (the
  words the build writes: the catalogue is part of the extension's data);
- each of its pages, by the content of its stored doctree (a page whose
  source, image, chart data or citations changed is read again; a page read
  again to the same doctree, such as a module page whose agenda lists every
  lesson, changes nothing);
- the bytes of every image those pages show (a changed figure leaves the
  doctree that points to it as it was);
- the lessons' records (durations, segments, cuts): the run-sheet, agendas
  and clock times of every PDF come from all of them;
- the bibliography files, the print templates, the fonts (the brand's and the fallback fonts), the logo;
- the extension's own code and data.

When the key kept beside the PDF (``<name>.pdf.inputs``) is the same and the
PDF exists, the PDF is left as it is; otherwise it is assembled, and
compiled when its markup or a file the markup reads changed (``pdf.py``).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from .. import cache, structure
from ..branding import logo_file
from ..config import HandoutDocument, settings

if TYPE_CHECKING:
    from sphinx.builders import Builder

PACKAGE = Path(__file__).resolve().parent.parent


@functools.cache
def code_digest() -> str:
    """The extension's code and data as it is in this process."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(PACKAGE)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def pages_of(builder: Builder, document: HandoutDocument) -> set[str]:
    """Every page the PDF can hold: the start page, every page below it, the pages printed in front and
    at the back."""
    env = builder.env
    found = {document.start}
    stack = [document.start]
    while stack:
        for child in env.toctree_includes.get(stack.pop(), []):
            if child not in found:
                found.add(child)
                stack.append(child)
    config = settings(builder.config)
    return found | ({*config.handout_front, *config.handout_back} & set(env.all_docs))


def inputs_key(builder: Builder, document: HandoutDocument, date: int, templates: list[Path],
               fonts: list[Path]) -> str:
    env = builder.env
    digest = hashlib.sha256()
    # every setting that shapes a page (schedule, brand...), not how the PDF is compiled
    shaping = dataclasses.replace(settings(builder.config), typst_server=0)
    digest.update(repr((document, date, builder.config.language, code_digest(), shaping)).encode())
    pages = pages_of(builder, document)
    for docname in sorted(pages):
        stored = Path(env.doctreedir) / f"{docname}.doctree"
        digest.update(docname.encode())
        digest.update(stored.read_bytes() if stored.is_file() else str(env.all_docs.get(docname, 0)).encode())
    records = structure.lessons(env)
    digest.update(repr(sorted(records.items())).encode())
    logo = logo_file(builder)
    images = sorted(path for path, (docnames, _name) in env.images.items() if docnames & pages)
    files = [*templates, *([logo] if logo else []), *(Path(env.srcdir) / i for i in images)]
    files += [Path(builder.confdir) / f for f in getattr(builder.config, "bibtex_bibfiles", [])]
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes() if path.is_file() else b"")
    for font in fonts:  # a font's digest, read once a build (a CJK font is 20 MB)
        digest.update(f"{font.name}:{cache.file_digest(font)}".encode())
    return digest.hexdigest()


def stamp(target: Path) -> Path:
    return target.with_name(target.name + ".inputs")


def unchanged(target: Path, key: str) -> bool:
    return target.exists() and stamp(target).exists() and stamp(target).read_text(encoding="utf-8") == key


def mark(target: Path, key: str) -> None:
    stamp(target).write_text(key, encoding="utf-8")

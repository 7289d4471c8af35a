# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Typst markup to PDF: tagged PDF/UA-1, reproducible, and compiled only when an input changed.

Typst compiles through its Python binding (PyPI ``typst``; the compiler is
inside the wheel, nothing is fetched). The compile's root is the handouts'
output folder: the markup reads the templates from ``_typst/`` and the
images from ``_images/`` there, by paths relative to that root, so no
absolute path reaches the PDF or its key.

A PDF is compiled again when anything it is made from changes: its markup,
every template, every image it shows, the fonts, and Typst's version.
``render_key`` hashes all of them by content (never a path or a time); the
key is kept beside the PDF (``<name>.pdf.key``). Moving or cloning the
checkout compiles nothing again.

Same input, same bytes: the PDF's dates come from ``SOURCE_DATE_EPOCH``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import typst

from .. import cache
from . import compile_server

#: The standard every PDF is checked against while it is written: Typst refuses what breaks it.
PDF_STANDARDS = ["ua-1"]


@dataclass(frozen=True)
class Job:
    """One PDF to compile: its markup file, the files the markup reads, where the PDF goes."""

    source: Path
    target: Path
    root: Path
    reads: tuple[Path, ...]
    fonts: tuple[Path, ...]
    timestamp: int

    def key(self) -> str:
        digest = hashlib.sha256()
        digest.update(typst.__version__.encode())
        digest.update(",".join(PDF_STANDARDS).encode())
        digest.update(str(self.timestamp).encode())
        digest.update(self.source.read_bytes())
        for path in sorted(self.reads, key=lambda p: p.name):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
        for font in sorted(self.fonts, key=lambda p: p.name):
            digest.update(f"{font.name}:{cache.file_digest(font)}".encode())
        return digest.hexdigest()


def up_to_date(target: Path, key: str) -> bool:
    stamp = target.with_name(target.name + ".key")
    return target.exists() and stamp.exists() and stamp.read_text(encoding="utf-8") == key


def mark_rendered(target: Path, key: str) -> None:
    target.with_name(target.name + ".key").write_text(key, encoding="utf-8")


def compile_pdf(job: Job, server: int = 0) -> list[str]:
    """Compile one PDF; return Typst's warnings (a compile error raises ``typst.TypstError``).

    ``server``: seconds a compile server may wait for the next PDF (``compile_server``), 0 for none;
    the PDF is compiled in this process when no server can be reached.
    """
    request = {
        "input": str(job.source),
        "output": str(job.target),
        "root": str(job.root),
        "font_paths": sorted({str(f.parent) for f in job.fonts}),
        "pdf_standards": PDF_STANDARDS,
        "timestamp": job.timestamp,
    }
    reply = compile_server.compile(request, job.root, server) if server else None
    if reply is None:
        reply = compile_server.compile_here(request)
    if "error" in reply:
        raise typst.TypstError(reply["error"])
    return reply["warnings"]

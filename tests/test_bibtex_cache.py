# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""References are formatted once and kept (courseware/bibtex_cache.py): a build that changes no entry
formats none, and a changed entry is formatted again and printed as changed; a build with no environment
yet formats none this machine has formatted before."""

from __future__ import annotations

from shutil import copytree

import pytest
from pybtex.style.formatting import BaseStyle
from sphinx.testing.util import SphinxTestApp


@pytest.fixture
def formatted(monkeypatch, tmp_path) -> list[str]:
    """The keys pybtex formats, as it formats them (on a machine that has kept none yet)."""
    monkeypatch.setenv("COURSEWARE_CACHE", str(tmp_path / "cache"))
    keys: list[str] = []
    original = BaseStyle.format_entry

    def counting(self, label, entry, *args, **kwargs):
        keys.append(entry.key)
        return original(self, label, entry, *args, **kwargs)

    monkeypatch.setattr(BaseStyle, "format_entry", counting)
    return keys


def build(srcdir):
    app = SphinxTestApp("html", srcdir=srcdir, freshenv=False)
    try:
        app.build()
    finally:
        app.cleanup()
    return (srcdir / "_build" / "html" / "refs.html").read_text(encoding="utf-8")


def test_an_unchanged_bibliography_is_formatted_once(rootdir, tmp_path, formatted):
    srcdir = tmp_path / "src"
    copytree(rootdir / "test-vocabulary", srcdir)
    first = build(srcdir)
    assert "known" in formatted
    formatted.clear()
    (srcdir / "index.md").write_text((srcdir / "index.md").read_text() + "\nOne more sentence.\n")
    assert build(srcdir) == first  # a page read again, every reference as it was
    assert formatted == []
    bib = srcdir / "refs.bib"
    bib.write_text(bib.read_text().replace("goes on", "goes on and on"))
    assert "goes on and on" in build(srcdir)
    assert "known" in formatted


def test_a_fresh_build_formats_no_reference_this_machine_has_formatted(rootdir, tmp_path, formatted):
    first, second = tmp_path / "first", tmp_path / "second"
    copytree(rootdir / "test-vocabulary", first)
    copytree(rootdir / "test-vocabulary", second)  # a second clone: no environment, no output
    printed = build(first)
    assert "known" in formatted
    formatted.clear()
    assert build(second) == printed
    assert formatted == []
    bib = second / "refs.bib"  # its own change is its own: formatted, and the first clone's kept as it was
    bib.write_text(bib.read_text().replace("goes on", "goes on and on"))
    assert "goes on and on" in build(second)
    assert "known" in formatted

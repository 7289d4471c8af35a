# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""make bench: how long each output takes to build and how big it is.

Prints figures; asserts nothing. Builds a copy of the tree from scratch,
then again after touching one lesson (the incremental case an author lives in).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.conftest import BUILDERS, copy_tree, sphinx_build  # noqa: E402


def timed(root: Path, output: str, builder: str) -> float:
    start = time.perf_counter()
    process = sphinx_build(root, builder, output)
    log, _ = process.communicate()
    if process.returncode:
        raise SystemExit(f"{output} failed:\n{log}")
    return time.perf_counter() - start


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = copy_tree(Path(tmp))
        print(f"{'output':<10} {'clean (s)':>10} {'one lesson touched (s)':>24} {'size (KiB)':>12}")
        lesson = next((root / "source").rglob("module1/*.md"), None) or root / "source/index.md"
        for output, builder in BUILDERS.items():
            clean = timed(root, output, builder)
            lesson.touch()
            again = timed(root, output, builder)
            print(f"{output:<10} {clean:>10.1f} {again:>24.1f} {size(root / '_build' / output) // 1024:>12}")
        print()
        for pdf in sorted((root / "_build/handouts").glob("*.pdf")):
            from pypdf import PdfReader

            pages = len(PdfReader(pdf).pages)
            print(f"{pdf.name:<32} {pages:>4} pages {pdf.stat().st_size // 1024:>6} KiB")
        decks = list((root / "_build/slides").rglob("*.html"))
        print(f"{'decks':<32} {len(decks):>4} files, reveal.js and assets {size(root / '_build/slides/_static') // 1024} KiB")


if __name__ == "__main__":
    main()

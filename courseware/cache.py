# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""What the build derives from files that rarely change, kept between builds on this machine.

The folder is ``$COURSEWARE_CACHE``, else ``courseware`` in the user's cache folder; builds side by side
share it. Each entry is named by what it was made from (a file's bytes, its size and time), so a stale
entry is never read, only left behind: the web's WOFF2 fonts (``html/webfonts.py``), the compiled
catalogues (``translations.py``), the fonts' faces and characters (``fallback_fonts.py``), the charts
(``charts.py``). ``file_digest`` names a file by its bytes, for those keys and for the PDFs' (``handouts``).
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")


def folder(name: str) -> Path:
    """The cache's folder for one kind of entry."""
    base = os.environ.get("COURSEWARE_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "courseware")
    return Path(base) / name


def own_part(target: Path) -> Path:
    """Where this process writes ``target`` before moving it into place whole: a name of its own, since
    another build may write the same file at the same moment."""
    return target.with_name(f"{target.name}.{os.getpid()}.part")


def replace(target: Path, data: bytes) -> None:
    """Write ``target`` whole or not at all: another build may read it at the same moment."""
    target.parent.mkdir(parents=True, exist_ok=True)
    part = own_part(target)
    part.write_bytes(data)
    part.replace(target)


def file_digest(path: Path) -> str:
    """The SHA-256 of a file's bytes, read once a process while its size and time stay the same (a CJK font,
    20 MB, is embedded in every PDF; a chart's data file is asked about by every page that draws it)."""
    status = path.stat()
    return _digest(path, status.st_mtime_ns, status.st_size)


@functools.cache
def _digest(path: Path, stamp: int, size: int) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def kept(name: str, key: str, make: Callable[[], T], valid: Callable[[T], bool] = lambda _value: True) -> T:
    """``make()``'s value, made once for ``key`` on this machine (a pickle in ``folder(name)``), and again
    when the kept value is no longer ``valid`` (a file it was made from has changed)."""
    path = folder(name) / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.pickle"
    try:
        value = pickle.loads(path.read_bytes())
        if valid(value):
            return value
    except (OSError, pickle.UnpicklingError, EOFError):
        pass
    value = make()
    replace(path, pickle.dumps(value))
    return value

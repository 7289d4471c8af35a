# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Zips that are the same bytes each time they are made from the same files: the LMS packages, the lab's
practice repository and the classroom kit."""

from __future__ import annotations

import zipfile
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

#: The time every entry carries unless the caller gives another.
FIXED_TIME = (2026, 1, 1, 0, 0, 0)


def write_zip(target: Path, entries: Iterable[tuple[str, bytes]], date_time: tuple[int, ...] = FIXED_TIME) -> None:
    """``entries`` (name inside, bytes) in their order, compressed, each with ``date_time`` and mode 644."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)

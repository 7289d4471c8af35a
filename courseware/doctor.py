# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""What the build needs from the machine, said in one line each: ``python3 courseware/doctor.py``.

``make`` runs it first, with the system's Python, before anything is
installed: so it uses nothing but the standard library, and a machine
without Pango or with too old a Python stops at once with a line that names
what to install, instead of a traceback from deep inside the PDF build.
"""

from __future__ import annotations

import ctypes.util
import sys

PYTHON = (3, 11)
#: shared library -> the Debian package that provides it
LIBRARIES = {"pango-1.0": "libpango-1.0-0", "pangoft2-1.0": "libpangoft2-1.0-0"}


def problems(version=sys.version_info, find_library=ctypes.util.find_library) -> list[str]:
    found = []
    if tuple(version[:2]) < PYTHON:
        found.append(f"Python {PYTHON[0]}.{PYTHON[1]} or newer is needed (this is {version[0]}.{version[1]}); "
                     "run make with PYTHON=python3.11 or newer")
    missing = [package for library, package in LIBRARIES.items() if not find_library(library)]
    if missing:
        found.append(f"the PDF handouts need Pango: apt-get install {' '.join(missing)}")
    return found


def main() -> int:
    for problem in problems():
        print(f"make: {problem}", file=sys.stderr)
    return 1 if problems() else 0


if __name__ == "__main__":
    sys.exit(main())

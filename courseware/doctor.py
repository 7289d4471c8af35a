# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""What the build needs from the machine, said in one line each: ``python3 courseware/doctor.py``.

``make`` runs it first, with the system's Python, before anything is
installed: so it uses nothing but the standard library, and a machine with
too old a Python stops at once with a line that names what to do, instead of
a traceback from deep inside the build. The PDFs need nothing else from the
system: Typst's compiler is inside its Python wheel, the brand's fonts are in
``branding/fonts``. The fallback font for Chinese, Japanese and Korean comes
from the Debian package ``fonts-noto-cjk``; it is not checked here, since a
course in other scripts never needs it: a page that does stops the build
with the character and what to install (``glyphs.py``).
"""

from __future__ import annotations

import sys

PYTHON = (3, 11)


def problems(version=sys.version_info) -> list[str]:
    found = []
    if tuple(version[:2]) < PYTHON:
        found.append(f"Python {PYTHON[0]}.{PYTHON[1]} or newer is needed (this is {version[0]}.{version[1]}); "
                     "run make with PYTHON=python3.11 or newer")
    return found


def main() -> int:
    for problem in problems():
        print(f"make: {problem}", file=sys.stderr)
    return 1 if problems() else 0


if __name__ == "__main__":
    sys.exit(main())

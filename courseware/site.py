# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Put the three outputs side by side, as published and as carried to class.

    python -m courseware.site _build _build/site          # make site
    python -m courseware.site --zip _build/site kit.zip   # make kit

The site keeps the build layout (``html/``, ``slides/``, ``handouts/``), so
the relative links between outputs work the same from ``_build/``, from the
published site and from the unzipped classroom kit. A top-level
``index.html`` opens the course.
"""

from __future__ import annotations

import os
import shutil
import sys
import zipfile
from pathlib import Path

OUTPUTS = ("html", "slides", "handouts")
LAB = "lab"  # optional: zips of the lab's practice repository (courseware.lab)
SKIP = {".doctrees", ".buildinfo", "_sources", "objects.inv"}

START_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="0; url=html/index.html">
<title>Outbound Open Source: Contribution and Creation</title>
</head>
<body>
<p><a href="html/index.html">Open the course</a> ·
<a href="slides/index.html">Slide decks</a> ·
<a href="html/index.html#downloads">PDF handouts</a></p>
</body>
</html>
"""


def _ignore(directory: str, names: list[str]) -> set[str]:
    ignored = {n for n in names if n in SKIP}
    if Path(directory).name == "handouts":
        ignored |= {n for n in names if not n.endswith(".pdf")}  # the rest is WeasyPrint's input
    return ignored


def assemble(build: Path, site: Path) -> None:
    missing = [o for o in OUTPUTS if not (build / o).is_dir()]
    if missing:
        raise SystemExit(f"missing outputs in {build}: {', '.join(missing)} (run make first)")
    if site.exists():
        shutil.rmtree(site)
    site.mkdir(parents=True)
    for output in OUTPUTS:
        shutil.copytree(build / output, site / output, ignore=_ignore)
    for archive in sorted((build / LAB).glob("*.zip")):
        (site / LAB).mkdir(exist_ok=True)
        shutil.copy2(archive, site / LAB / archive.name)
    (site / "index.html").write_text(START_PAGE, encoding="utf-8")
    print(f"wrote {site}")


def zip_site(site: Path, target: Path) -> None:
    """Write ``site`` into one zip, reproducibly (sorted names, fixed times)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))
    stamp = max(epoch, 315532800)  # zip cannot store times before 1980
    import time

    date_time = time.gmtime(stamp)[:6]
    top = "outbound-oss-course"
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{top}/{path.relative_to(site).as_posix()}", date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    print(f"wrote {target} ({target.stat().st_size // 1024} KiB)")


def main(argv: list[str]) -> int:
    if argv[:1] == ["--zip"] and len(argv) == 3:
        zip_site(Path(argv[1]), Path(argv[2]))
    elif len(argv) == 2:
        assemble(Path(argv[0]), Path(argv[1]))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

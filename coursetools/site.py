# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Put the three outputs side by side, as published and as carried to class.

    python -m coursetools.site _build _build/site _build/kit/outbound-oss-course.zip   # make site

The site keeps the build layout (``html/``, ``slides/``, ``handouts/``, and
``lab/``, ``lms/`` and ``kit/`` with their files), so the relative links between outputs
work the same from ``_build/``, from the published site and from the
unzipped classroom kit. A top-level ``index.html`` opens the course.

The decks' ``_static/`` holds only what a deck loads: the files its pages
link (stylesheets, scripts, images, icons) and what those stylesheets load
in turn (``@import``, ``url()``), with the licences beside them
(``loaded_files``). sphinx-revealjs copies all of reveal.js (its themes,
fonts, sources and maps), of which a deck loads a few files.

The kit is the site as one zip, without its own ``kit/`` folder; in its
pages, the link to the kit (the list item of class ``KIT_ITEM``) becomes a
line saying that this folder is the kit, so no link in the kit leads nowhere.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

from courseware.html import KIT_ITEM
from courseware.zips import write_zip

OUTPUTS = ("html", "slides", "handouts")
LAB = "lab"  # optional: zips of the lab's practice repository (coursetools.lab)
LMS = "lms"  # optional: the exports for a learning platform (GIFT, QTI and SCORM packages)
KIT = "kit"  # the classroom kit's zip, written by zip_site
IN_THE_KIT = (f'<li class="{KIT_ITEM}"><p>Classroom kit: this folder. It holds the HTML course, the decks '
              'and the PDFs, and opens from disk where there is no network.</p></li>')
SKIP = {".doctrees", ".buildinfo", "_sources", "objects.inv"}

START_PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="0; url=html/index.html">
<title>{title}</title>
</head>
<body>
<p><a href="html/index.html">Open the course</a> ·
<a href="slides/index.html">Slide decks</a> ·
<a href="html/index.html#downloads">PDF handouts</a></p>
</body>
</html>
"""


def start_page(build: Path) -> str:
    """The site's front door, titled and in the language of the HTML course's own start page."""
    index = build / "html" / "index.html"
    home = index.read_text(encoding="utf-8") if index.is_file() else ""
    title = re.search(r"<title>(.*?)</title>", home, re.S)
    lang = re.search(r'<html[^>]*\blang="([^"]+)"', home)
    return START_PAGE.format(title=title.group(1).strip() if title else "Course", lang=lang.group(1) if lang else "en")


_LINKED = re.compile(r"""<(?:link|script|img|source)\b[^>]*?\b(?:href|src)=["']([^"'#?]+)""", re.I)
_CSS_URL = re.compile(r"""(?:@import\s+(?:url\()?|url\()\s*["']?([^"')#?\s]+)""", re.I)


def loaded_files(output: Path) -> set[Path]:
    """The files under ``output/_static`` that its pages load, directly or through a stylesheet, and every
    licence file beside them."""
    found: set[Path] = set()
    todo = [page for page in output.rglob("*.html") if "_static" not in page.relative_to(output).parts]
    while todo:
        current = todo.pop()
        text = current.read_text(encoding="utf-8", errors="replace")
        pattern = _CSS_URL if current.suffix == ".css" else _LINKED
        for address in pattern.findall(text):
            if ":" in address or address.startswith("/"):
                continue  # another site, data: or an absolute path: not a file of this output
            target = (current.parent / address).resolve()
            if target.is_file() and target not in found and output.resolve() in target.parents:
                found.add(target)
                if target.suffix == ".css":
                    todo.append(target)
    static = (output / "_static").resolve()
    licences = {p.resolve() for p in static.rglob("LICENSE*")} if static.is_dir() else set()
    return {p for p in found if static in p.parents} | licences


def _copy_decks(source: Path, target: Path) -> None:
    """The decks as published: their pages and images, and of ``_static/`` only what they load."""
    keep = loaded_files(source)
    static = (source / "_static").resolve()

    def ignore(directory: str, names: list[str]) -> set[str]:
        skipped = _ignore(directory, names)
        here = Path(directory).resolve()
        if here == static or static in here.parents:
            skipped |= {n for n in names if (here / n).is_file() and (here / n) not in keep}
            skipped |= {n for n in names if (here / n).is_dir() and not any(k.is_relative_to(here / n) for k in keep)}
        return skipped

    shutil.copytree(source, target, ignore=ignore)


def _ignore(directory: str, names: list[str]) -> set[str]:
    ignored = {n for n in names if n in SKIP}
    if Path(directory).name == "handouts":
        ignored |= {n for n in names if not n.endswith(".pdf")}  # the rest is Typst's input (markup, templates, keys)
    return ignored


def assemble(build: Path, site: Path) -> None:
    missing = [o for o in OUTPUTS if not (build / o).is_dir()]
    if missing:
        raise SystemExit(f"missing outputs in {build}: {', '.join(missing)} (run make first)")
    if site.exists():
        shutil.rmtree(site)
    site.mkdir(parents=True)
    for output in OUTPUTS:
        if output == "slides":
            _copy_decks(build / output, site / output)
        else:
            shutil.copytree(build / output, site / output, ignore=_ignore)
    for folder, pattern in ((LAB, "*.zip"), (LMS, "*.zip"), (LMS, "*.gift.txt")):
        for archive in sorted((build / folder).glob(pattern)):
            (site / folder).mkdir(exist_ok=True)
            shutil.copy2(archive, site / folder / archive.name)
    (site / "index.html").write_text(start_page(build), encoding="utf-8")
    print(f"wrote {site}")


def in_the_kit(page: bytes) -> bytes:
    """A page of the site as the kit holds it: the link to the kit replaced by a line."""
    item = re.compile(rf'<li class="{KIT_ITEM}">.*?</li>'.encode(), re.S)
    return item.sub(IN_THE_KIT.encode(), page)


def zip_site(site: Path, target: Path) -> None:
    """Write ``site`` (but its ``kit/``) into one zip, reproducibly (sorted names, fixed times)."""
    import time

    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))
    stamp = max(epoch, 315532800)  # zip cannot store times before 1980
    top = target.stem  # the folder the kit unpacks to

    def entries():
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            name = path.relative_to(site)
            if name.parts[0] == KIT:
                continue
            data = path.read_bytes()
            yield f"{top}/{name.as_posix()}", in_the_kit(data) if path.suffix == ".html" else data

    write_zip(target, entries(), time.gmtime(stamp)[:6])
    print(f"wrote {target} ({target.stat().st_size // 1024} KiB)")


def publish(build: Path, site: Path, kit: Path) -> None:
    """The site, the kit made from it, and the kit put into the site (where its pages link it)."""
    assemble(build, site)
    zip_site(site, kit)
    (site / KIT).mkdir(exist_ok=True)
    shutil.copy2(kit, site / KIT / kit.name)


def main(argv: list[str]) -> int:
    if len(argv) == 3:
        publish(*map(Path, argv))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

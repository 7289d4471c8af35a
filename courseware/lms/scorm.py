# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""SCORM 1.2: the HTML course as a package with one SCO per module.

The package holds the built HTML course (``course/``), offline and with the brand, as one shared
asset, and for each module a launch page (``sco/<module>.html``): a bar with the module's lessons
and a frame that shows them. The launch page's script (``static/scorm12.js``) holds the SCORM
session and reports the module's knowledge checks. Its data (each question's page, form name, key
and objectives, the pass mark, and the words of its status line in the course's language) is written
here from the question records, so the script knows nothing the course would type twice.
``imsmanifest.xml`` lists each SCO with every file it loads.
"""

from __future__ import annotations

import json
import posixpath
import re
from html import escape
from pathlib import Path
from urllib.parse import urljoin
from xml.sax.saxutils import quoteattr

from sphinx.errors import SphinxError

from ..translations import _, ngettext
from .items import Item, Module

STATIC = Path(__file__).parent / "static"
#: Files of the HTML build that no page loads: Sphinx's records and the sources.
LEFT_OUT = (".buildinfo", "objects.inv", "_sources/")
#: Where the HTML course stands in the package, and the launch pages.
COURSE, LAUNCH = "course/", "sco/"


def course_files(html: Path) -> dict[str, Path]:
    """The HTML course's files, by their path in the package."""
    found = {}
    for path in sorted(html.rglob("*")):
        relative = path.relative_to(html).as_posix()
        if path.is_file() and not any(relative == p or relative.startswith(p) for p in LEFT_OUT):
            found[COURSE + relative] = path
    return found


_HREF = re.compile(r'\shref="([^"#?]*)([^"]*)"')


def within_package(page: str, html: bytes, base_url: str) -> bytes:
    """A page of the HTML course (``page``: its path inside the course) as the package holds it: a link that
    leaves the course for the outputs beside it (the decks, the PDFs, the kit) goes to their published
    address, or, unpublished, stops being a link (an ``<a>`` without ``href``), as the package holds none
    of them."""
    def replace(match: re.Match) -> str:
        address, rest = match.group(1), match.group(2)
        if not address or "://" in address or address.startswith(("/", "mailto:", "data:")):
            return match.group(0)
        if not posixpath.normpath(posixpath.join(posixpath.dirname(page), address)).startswith("../"):
            return match.group(0)
        return f' href="{escape(urljoin(base_url + page, address + rest))}"' if base_url else ""

    return _HREF.sub(replace, html.decode("utf-8")).encode("utf-8")


def sco_name(module: Module) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in module.docname)


def _objective_ids(item: Item) -> list[str]:
    return [f"{item.identifier.rsplit('.q', 1)[0]}.objective{n}" for n in item.objective_numbers]


def launch_page(module: Module, pages: dict[str, str], course_title: str, pass_mark: int, language: str) -> str:
    """``pages``: each lesson's path inside the package."""
    total = len(module.items)
    # the status line as scorm12.js writes it, its {answered}, {right} and {score} filled in there
    words = {
        "answered": ngettext("{answered} of {total} question answered, {right} right.",
                             "{answered} of {total} questions answered, {right} right.", total),
        # Translators: once every question is answered; {score} is the percentage of right answers.
        "scored": ngettext("{answered} of {total} question answered, {right} right: {score} %.",
                           "{answered} of {total} questions answered, {right} right: {score} %.", total),
    }
    data = {"passMark": pass_mark, "questions": [
        {"id": item.identifier, "page": "../" + pages[item.lesson], "field": item.field, "key": item.letter,
         "objectives": _objective_ids(item)} for item in module.items], "words": words}
    start = ngettext("{count} question in this module's knowledge checks.",
                     "{count} questions in this module's knowledge checks.", total).format(count=total)
    # Translators: the names screen readers give the list of the module's lessons and the frame that shows one.
    navigation, frame = _("Lessons of this module"), _("Lesson")
    lessons = "".join(f'<li><a href="../{escape(pages[docname])}" target="cw-lesson">{escape(title)}</a></li>'
                      for docname, title in module.lessons)
    first = pages[module.lessons[0][0]]
    records = json.dumps(data).replace("</", "<\\/")  # nothing in the data can close the script element
    return f"""<!DOCTYPE html>
<html lang="{escape(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(module.title)} · {escape(course_title)}</title>
<link rel="stylesheet" href="sco.css">
<script type="application/json" id="cw-sco">{records}</script>
<script src="scorm12.js" defer></script>
</head>
<body>
<header class="cw-sco-bar">
<h1>{escape(module.title)}</h1>
<nav aria-label="{escape(navigation)}"><ol>{lessons}</ol></nav>
<p class="cw-sco-status" aria-live="polite">{escape(start, quote=False)}</p>
</header>
<main><iframe class="cw-sco-lesson" name="cw-lesson" title="{escape(frame)}" src="../{escape(first)}"></iframe></main>
</body>
</html>
"""


def style(primary: str) -> str:
    return f"""/* The launch page of a module in an LMS: a bar in the brand's colour over the lesson's frame. */
html, body {{ height: 100%; margin: 0; }}
body {{ display: flex; flex-direction: column; font-family: system-ui, sans-serif; }}
.cw-sco-bar {{ background: {primary}; color: #fff; padding: 0.5rem 1rem; }}
.cw-sco-bar h1 {{ font-size: 1.2rem; margin: 0 0 0.25rem; }}
.cw-sco-bar ol {{ display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; margin: 0; padding: 0;
                  list-style: decimal inside; }}
.cw-sco-bar a {{ color: #fff; }}
.cw-sco-status {{ margin: 0.25rem 0 0; font-size: 0.9rem; }}
main {{ flex: 1; display: flex; }}
.cw-sco-lesson {{ flex: 1; border: 0; width: 100%; }}
"""


def manifest(identifier: str, title: str, modules: list[Module], shared: list[str], pass_mark: int) -> str:
    items = "".join(
        f'      <item identifier={quoteattr("ITEM-" + sco_name(m))} identifierref={quoteattr("SCO-" + sco_name(m))}>'
        f"\n        <title>{escape(m.title)}</title>\n        <adlcp:masteryscore>{pass_mark}</adlcp:masteryscore>\n"
        "      </item>\n" for m in modules)
    resources = "".join(
        f'    <resource identifier={quoteattr("SCO-" + sco_name(m))} type="webcontent" adlcp:scormtype="sco" '
        f'href="{LAUNCH}{sco_name(m)}.html">\n'
        f'      <file href="{LAUNCH}{sco_name(m)}.html"/>\n      <file href="{LAUNCH}scorm12.js"/>\n'
        f'      <file href="{LAUNCH}sco.css"/>\n      <dependency identifierref="COURSE"/>\n    </resource>\n'
        for m in modules)
    files = "".join(f"      <file href={quoteattr(path)}/>\n" for path in shared)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier={quoteattr(identifier)} version="1.0"
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd
                        http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="ORG">
    <organization identifier="ORG">
      <title>{escape(title)}</title>
{items}    </organization>
  </organizations>
  <resources>
{resources}    <resource identifier="COURSE" type="webcontent" adlcp:scormtype="asset">
{files}    </resource>
  </resources>
</manifest>
"""


def package(identifier: str, title: str, modules: list[Module], html: Path, page_path, primary: str,
            pass_mark: int, language: str, base_url: str = "") -> dict[str, bytes | Path]:
    """The package's files: path in the zip -> bytes, or the file to copy. ``page_path(docname)`` is a
    page's address inside the HTML course; ``base_url`` its published address, if any."""
    def inside(docname: str) -> str:
        address = page_path(docname)
        return COURSE + (address + "index.html" if address.endswith("/") or not address else address)

    shared: dict[str, bytes | Path] = {}
    for name, path in course_files(html).items():
        shared[name] = within_package(name[len(COURSE):], path.read_bytes(), base_url) if path.suffix == ".html" \
            else path
    files: dict[str, bytes | Path] = {}
    for module in modules:
        pages = {docname: inside(docname) for docname, _ in module.lessons}
        missing = [page for page in pages.values() if page not in shared]
        if missing:
            raise SphinxError(f"the SCORM package needs the HTML course: {html} lacks {', '.join(missing)} "
                              "(build it first: make html)")
        files[f"{LAUNCH}{sco_name(module)}.html"] = launch_page(module, pages, title, pass_mark, language).encode()
    files[f"{LAUNCH}scorm12.js"] = STATIC / "scorm12.js"
    files[f"{LAUNCH}sco.css"] = style(primary).encode()
    files.update(shared)
    files["imsmanifest.xml"] = manifest(identifier, title, modules, list(shared), pass_mark).encode()
    return files

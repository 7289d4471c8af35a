# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The course in a learning platform (LMS): the ``lms`` builder and its three exports.

- ``items``: the knowledge-check questions as records, read from the doctrees;
- ``gift``: Moodle's GIFT, one file, a category per module and lesson;
- ``qti``: a QTI 2.1 content package, an item per question and a test per module;
- ``scorm``: a SCORM 1.2 package of the HTML course, a SCO per module that reports its checks.

``courseware_lms`` chooses the formats, the packages' identifier and title and the pass mark.
The SCORM package is made from the HTML course, which is built first (``make`` does).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.builders import Builder
from sphinx.locale import __
from sphinx.util import logging

from .. import zips
from ..branding import write_if_changed
from ..config import settings
from ..links import html_folder, page_path
from . import gift, qti, scorm
from .items import course_modules

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

def write_zip(target: Path, files: dict[str, bytes | Path]) -> None:
    """A zip of ``files`` (path inside -> bytes or a file to copy), the manifest first, same bytes each time;
    written only when it differs."""
    partial = target.with_suffix(".part")
    names = sorted(files, key=lambda n: (n != "imsmanifest.xml", n))
    zips.write_zip(partial, ((n, files[n].read_bytes() if isinstance(files[n], Path) else files[n]) for n in names))
    if target.exists() and target.read_bytes() == partial.read_bytes():
        partial.unlink()
    else:
        partial.replace(target)


class LmsBuilder(Builder):
    """Writes the exports ``courseware_lms`` names into the output folder, from the read environment."""

    name = "lms"
    format = "lms"
    epilog = __("The LMS exports are in %(outdir)s.")
    allow_parallel = True

    def get_outdated_docs(self) -> str:
        return "the knowledge checks"  # every export reads all of them; each file is written only if it changed

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        return ""

    def prepare_writing(self, docnames) -> None:
        pass

    def write_doc(self, docname, doctree) -> None:
        pass

    def write_documents(self, _docnames) -> None:
        lms = settings(self.config).lms
        title = lms.title or self.config.project
        language = self.config.language or "en"
        modules = course_modules(self.env)
        out = Path(self.outdir)
        if not modules:
            logger.warning(__("the course has no knowledge-check questions: no LMS export is written"),
                           type="courseware", subtype="lms")
            return
        if "gift" in lms.formats:
            write_if_changed(out / f"{lms.identifier}.gift.txt", gift.gift(title, modules).encode())
        if "qti" in lms.formats:
            files = qti.package(lms.identifier, title, modules, language)
            write_zip(out / f"{lms.identifier}-qti21.zip", {k: v.encode() for k, v in files.items()})
        if "scorm12" in lms.formats:
            html = html_folder(self)
            files = scorm.package(lms.identifier, title, modules, html, lambda d: page_path(self.config, d),
                                  settings(self.config).brand.primary, lms.pass_mark, language,
                                  settings(self.config).base_url)
            write_zip(out / f"{lms.identifier}-scorm12.zip", files)
        count = sum(len(m.items) for m in modules)
        logger.info(__("LMS exports: %d questions in %d modules (%s)"), count, len(modules), ", ".join(lms.formats))


def setup_lms(app: Sphinx) -> None:
    app.add_builder(LmsBuilder)

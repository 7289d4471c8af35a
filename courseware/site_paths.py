# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Site-absolute paths, as pages written for Hugo write them: ``/img/x.png``, ``/pdfs/x.pdf``.

Sphinx reads a path that starts with ``/`` from the source folder (``/img/x.png`` is
``source/img/x.png``). Hugo serves a site's files from a folder of their own (``static/``), and its
pages write ``/img/x.png`` for ``static/img/x.png``. With ``courseware_site_files = "static"`` (a folder
in the source folder), an image or a download whose site-absolute path the source folder lacks is
taken from that folder. Where neither holds the file, Sphinx's own warning names the page and the line.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.errors import ConfigError
from sphinx.transforms import SphinxTransform

from .config import settings

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


def site_path(srcdir: Path, folder: str, path: str) -> str:
    """``path`` as Sphinx should read it: unchanged, or in ``folder`` when only that folder holds it."""
    if not folder or not path.startswith("/") or path.startswith("//"):
        return path
    relative = path.lstrip("/")
    if (srcdir / relative).exists() or not (srcdir / folder / relative).is_file():
        return path
    return f"/{folder.strip('/')}/{relative}"


class SiteFiles(SphinxTransform):
    default_priority = 100  # any: Sphinx collects images and downloads after the transforms

    def apply(self, **kwargs) -> None:
        folder = settings(self.config).site_files
        if not folder:
            return
        srcdir = Path(self.env.srcdir)
        for image in self.document.findall(nodes.image):
            image["uri"] = site_path(srcdir, folder, image["uri"])
        for download in self.document.findall(addnodes.download_reference):
            download["reftarget"] = site_path(srcdir, folder, download["reftarget"])
        # MyST makes a link a download only when the source folder holds its file; else a cross-reference
        for ref in list(self.document.findall(addnodes.pending_xref)):
            target = ref.get("reftarget", "")
            if ref.get("reftype") != "myst" or ref.get("refdomain") or "#" in target:
                continue
            found = site_path(srcdir, folder, target)
            if found != target:
                download = addnodes.download_reference(
                    "", "", *ref.children, refdomain=None, reftarget=found, refdoc=ref.get("refdoc"),
                    reftype="myst", refexplicit=ref.get("refexplicit", False))
                for inner in download.children:
                    if isinstance(inner, nodes.Element) and "download" not in inner["classes"]:
                        inner["classes"].append("download")
                ref.replace_self(download)


def _check_folder(app: Sphinx, _config: Config) -> None:
    folder = settings(app.config).site_files
    if folder and not (Path(app.srcdir) / folder).is_dir():
        raise ConfigError(f"courseware_site_files: the source folder has no folder {folder!r} "
                          f"(it is relative to {app.srcdir})")


def setup_site_paths(app: Sphinx) -> None:
    app.add_transform(SiteFiles)
    app.connect("config-inited", _check_folder, priority=450)  # after the settings are checked

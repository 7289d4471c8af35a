# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""sphinxcontrib-bibtex's formatted references, formatted once and kept in the environment.

sphinxcontrib-bibtex formats every entry of every bibliography (and, with tooltips, each entry a
second time) whenever a build starts, in ``env-updated``, even when no page and no entry changed.
``make`` runs four builders on one environment, so the course's 258 entries were formatted four
times a build (about half a second each time). Here the domain keeps what it formatted with a
digest of everything the formatting reads: the bibliography's options, the entries in their order
(which decides their numbers) and every field of each. Same digest, same references; any change,
formatted again.

The formatted references are also kept on this machine (``cache.py``), under that digest and what
formats them (pybtex's and sphinxcontrib-bibtex's versions, the bytes of the styles' modules): a build
with no environment yet (a fresh clone, ``make clean``, a copy of the course) formats none it has
formatted before. Formatting the course's references took 1.75 s of one core, in Sphinx's main
process, once every page was read.
"""

from __future__ import annotations

import hashlib
import inspect
from pathlib import Path
from typing import TYPE_CHECKING

from . import cache

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


def _digest(domain, bibliography_key, docnames, tooltips, tooltips_style) -> str:
    value = domain.bibliographies[bibliography_key]
    digest = hashlib.sha256()
    options = (bibliography_key, value.style, value.list_, value.enumtype, value.start, value.labelprefix,
               value.keyprefix, tooltips, tooltips_style)
    digest.update(repr(options).encode())
    for key, entry in domain.get_sorted_entries(bibliography_key, docnames):
        persons = {role: [str(person) for person in people] for role, people in entry.persons.items()}
        digest.update(repr((key, entry.type, sorted(entry.fields.items()), sorted(persons.items()))).encode())
    return digest.hexdigest()


def _formatters(domain, bibliography_key, tooltips, tooltips_style) -> str:
    """What formats the references: the two packages' versions and the bytes of each style's module."""
    from importlib.metadata import version

    import pybtex.plugin

    styles = {domain.bibliographies[bibliography_key].style, *([tooltips_style] if tooltips and tooltips_style else [])}
    modules = sorted(inspect.getsourcefile(pybtex.plugin.find_plugin("pybtex.style.formatting", name))
                     for name in styles)
    return " ".join([version("pybtex"), version("sphinxcontrib-bibtex"),
                     *(cache.file_digest(Path(module)) for module in modules)])


def _cached_domain():
    from sphinxcontrib.bibtex.domain import BibtexDomain

    class CachedBibtexDomain(BibtexDomain):
        def get_formatted_entries(self, bibliography_key, docnames, tooltips, tooltips_style):
            digest = _digest(self, bibliography_key, docnames, tooltips, tooltips_style)
            kept = self.data.setdefault("courseware_formatted", {})
            if kept.get(bibliography_key, (None,))[0] != digest:
                made = super().get_formatted_entries
                entries = cache.kept(
                    "references", f"{digest}\n{_formatters(self, bibliography_key, tooltips, tooltips_style)}",
                    lambda: list(made(bibliography_key, docnames, tooltips, tooltips_style)))
                kept[bibliography_key] = (digest, entries)
            return iter(kept[bibliography_key][1])

    return CachedBibtexDomain


def _replace_domain(app: Sphinx, _config: Config) -> None:
    if "sphinxcontrib.bibtex" in app.extensions:  # registered in config-inited: whatever conf.py's order
        app.add_domain(_cached_domain(), override=True)


def setup_bibtex_cache(app: Sphinx) -> None:
    app.connect("config-inited", _replace_domain)

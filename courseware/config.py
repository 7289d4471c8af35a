# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The declared settings of the extension, checked once on ``config-inited``.

A training team rebrands the course by changing ``courseware_brand`` in
conf.py; every output reads the brand from here (``branding.py`` turns it
into stylesheets).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from sphinx.errors import ConfigError
from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)

EDITIONS = ("learner", "facilitator")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class Brand:
    """What a training team changes to make the course its own."""

    organisation: str = "The Outbound Open Source course authors"
    logo: str = ""  #: path relative to conf.py, shown on the home page, decks and PDF covers
    primary: str = "#1f4e79"  #: headings, title slides, covers
    accent: str = "#1f6f8b"  #: boxes, links, rules
    font: str = "Source Sans Pro"  #: body font; the shipped font unless a team ships its own
    licence: str = "CC BY-SA 4.0"
    licence_url: str = "https://creativecommons.org/licenses/by-sa/4.0/"

    @classmethod
    def from_config(cls, value: dict[str, Any]) -> Brand:
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(value) - known)
        if unknown:
            raise ConfigError(
                f"courseware_brand: unknown key(s) {', '.join(unknown)}; "
                f"known keys are {', '.join(sorted(known))}"
            )
        brand = cls(**value)
        for name in ("primary", "accent"):
            if not _COLOUR.match(getattr(brand, name)):
                raise ConfigError(
                    f"courseware_brand[{name!r}] must be a colour like '#1f4e79', "
                    f"not {getattr(brand, name)!r}"
                )
        return brand


@dataclass(frozen=True)
class HandoutDocument:
    """One PDF of the handouts builder, like an entry of ``latex_documents``."""

    start: str  #: docname whose toctree is assembled
    filename: str  #: output file name, ending in .pdf
    title: str
    edition: str  #: "learner" or "facilitator"


CONFIG_VALUES: tuple[tuple[str, Any, str], ...] = (
    ("courseware_brand", {}, "Organisation, logo, colours, font and licence line for every output."),
    (
        "courseware_handouts",
        [],
        "The PDFs to write: (start document, file name, title, edition) tuples.",
    ),
    ("courseware_agenda_start", "09:00", "Clock time the course day starts, for the facilitator agenda."),
    ("courseware_agenda_day_minutes", 330, "Minutes of instruction in one course day."),
    ("courseware_guide_key_prefix", "guide", "Bibliography keys of the outbound guide start with this."),
)


def brand(config: Config) -> Brand:
    return config._courseware_brand  # set in check_config


def handout_documents(config: Config) -> list[HandoutDocument]:
    return config._courseware_handouts


def _check(app: Sphinx, config: Config) -> None:
    config._courseware_brand = Brand.from_config(config.courseware_brand)
    documents = []
    for entry in config.courseware_handouts:
        if len(entry) != 4:
            raise ConfigError(
                f"courseware_handouts: each entry is (start, filename, title, edition); got {entry!r}"
            )
        document = HandoutDocument(*entry)
        if document.edition not in EDITIONS:
            raise ConfigError(
                f"courseware_handouts: edition of {document.filename!r} must be one of "
                f"{', '.join(EDITIONS)}, not {document.edition!r}"
            )
        if not document.filename.endswith(".pdf"):
            raise ConfigError(f"courseware_handouts: {document.filename!r} must end in .pdf")
        documents.append(document)
    config._courseware_handouts = documents
    if not re.match(r"^\d{1,2}:\d{2}$", config.courseware_agenda_start):
        raise ConfigError(
            f"courseware_agenda_start must look like '09:00', not {config.courseware_agenda_start!r}"
        )


def setup_config(app: Sphinx) -> None:
    for name, default, _help in CONFIG_VALUES:
        app.add_config_value(name, default, "env")
    app.connect("config-inited", _check, priority=400)

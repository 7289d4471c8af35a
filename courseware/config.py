# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Every setting of the extension, declared once: type, default, check, help, rebuild scope.

conf.py sets ``courseware_<name>`` for each field of ``Settings``. On
``config-inited`` the values are checked and turned into one frozen
``Settings`` object; modules read it with ``settings(config)`` and never
touch ``config.courseware_*`` themselves. A bad value stops the build with
a message naming the setting.

The rebuild scope is the narrowest that is correct: ``"env"`` when the value
changes what is read from the sources (the teaching standard's checks run
while reading), ``"html"`` when it only changes what is written.
"""

from __future__ import annotations

import dataclasses as dc
import datetime
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.errors import ConfigError

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

EDITIONS = ("learner", "self-study", "facilitator")
#: The paperwork layouts (``handouts/paperwork.py``) come after the three that print the pages.
LAYOUTS = ("text", "slides", "lectern", "attendance", "evaluation", "certificate", "flyer", "joining")
PAPER_SIZES = ("A4", "letter")
HTML_SCHEMES = ("html", "dirhtml")
DECK_SCHEMES = ("revealjs", "dirrevealjs")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_CLOCK = re.compile(r"^([01]?\d|2[0-3]):[0-5]\d$")


def _from_dict(cls, value: Any, setting: str):
    """Build dataclass ``cls`` from a dict, naming unknown keys and bad types."""
    if isinstance(value, cls):
        return value
    if not isinstance(value, dict):
        raise ConfigError(f"{setting} must be a dict, not {type(value).__name__}")
    known = {f.name: f for f in dc.fields(cls)}
    unknown = sorted(set(value) - set(known))
    if unknown:
        raise ConfigError(f"{setting}: unknown key(s) {', '.join(unknown)}; known keys are {', '.join(sorted(known))}")
    defaults = cls()
    converted = {}
    for key, item in value.items():
        default = getattr(defaults, key)
        if isinstance(default, tuple) and isinstance(item, list):
            item = tuple(item)
        if isinstance(default, float) and isinstance(item, int):
            item = float(item)
        if not isinstance(item, type(default)):
            raise ConfigError(f"{setting}[{key!r}] must be {type(default).__name__}, not {item!r}")
        converted[key] = item
    return cls(**converted)


@dc.dataclass(frozen=True)
class Brand:
    """What a training team changes to make the course its own."""

    organisation: str = "The Outbound Open Source course authors"
    logo: str = ""  #: path relative to conf.py, shown in the HTML course, decks and PDF covers
    #: the logo drawn for dark backgrounds (the decks' title and key-point slides); without one, the decks
    #: put the logo on a light plate there
    logo_reversed: str = ""
    primary: str = "#1f4e79"  #: headings, title slides, covers
    accent: str = "#1f6f8b"  #: boxes, links, rules
    font: str = "Source Sans Pro"  #: body font; the shipped font unless a team ships its own
    #: families tried in order for a character ``font`` lacks (``fallback_fonts``): Latin, Greek and Cyrillic,
    #: then Chinese, Japanese and Korean
    fallback: tuple[str, ...] = ("DejaVu Sans", "Noto Sans CJK JP")
    licence: str = "CC BY-SA 4.0"
    licence_url: str = "https://creativecommons.org/licenses/by-sa/4.0/"

    def check(self, setting: str, confdir: Path) -> None:
        from .colours import READABLE, contrast, for_light

        for name in ("primary", "accent"):
            value = getattr(self, name)
            if not _COLOUR.match(value):
                raise ConfigError(f"{setting}[{name!r}] must be a colour like '#1f4e79', not {value!r}")
            # headings and links are set in it on white, and white text on it (title slides, figures)
            ratio = contrast(value, "#ffffff")
            if ratio < READABLE:
                raise ConfigError(f"{setting}[{name!r}] {value} is too light: its contrast with white is "
                                  f"{ratio:.1f}:1, and text in it or on it needs {READABLE}:1 "
                                  f"(the same hue, dark enough: {for_light(value)})")
        for name in ("logo", "logo_reversed"):
            path = getattr(self, name)
            if path and not (confdir / path).is_file():
                raise ConfigError(f"{setting}[{name!r}]: no file {path!r} (the path is relative to conf.py)")
        if not all(isinstance(family, str) and family.strip() for family in self.fallback):
            raise ConfigError(f"{setting}['fallback'] is a list of font family names, like "
                              f"['DejaVu Sans', 'Noto Sans CJK JP'], not {list(self.fallback)!r}")
        if self.logo_reversed and not self.logo:
            raise ConfigError(f"{setting}['logo_reversed'] needs a 'logo' too (it is that logo for dark backgrounds)")


@dc.dataclass(frozen=True)
class HandoutDocument:
    """One PDF of the handouts builder, like an entry of ``latex_documents``."""

    start: str  #: docname whose toctree is assembled
    filename: str  #: output file name, ending in .pdf
    title: str
    edition: str  #: "learner", "self-study" or "facilitator"
    #: "text" (the pages), "slides" (slide handouts), "lectern" (lectern script), "attendance" (a sheet to sign
    #: per workshop day), "evaluation" (the participants' evaluation form), "certificate" (of completion, a
    #: page per name of ``courseware_roster``), "flyer" (the course on one page) or "joining" (joining instructions)
    layout: str = "text"

    @classmethod
    def from_entry(cls, entry: Any, setting: str) -> HandoutDocument:
        if not isinstance(entry, (tuple, list)) or len(entry) not in (4, 5):
            raise ConfigError(f"{setting}: each entry is (start, filename, title, edition[, layout]); got {entry!r}")
        document = cls(*entry)
        if document.edition not in EDITIONS:
            raise ConfigError(
                f"{setting}: edition of {document.filename!r} must be one of {', '.join(EDITIONS)}, "
                f"not {document.edition!r}"
            )
        if document.layout not in LAYOUTS:
            raise ConfigError(
                f"{setting}: layout of {document.filename!r} must be one of {', '.join(LAYOUTS)}, "
                f"not {document.layout!r}"
            )
        if not document.filename.endswith(".pdf"):
            raise ConfigError(f"{setting}: {document.filename!r} must end in .pdf")
        return document


@dc.dataclass(frozen=True)
class Schedule:
    """A workshop day: its opening, lessons with breaks and lunch, a buffer, its close.

    Day 1 opens with a welcome and introductions, every later day with a
    recap; every day closes, and the last one holds the evaluation before
    its close. Lunch starts at a round time (a multiple of ``lunch_round``
    minutes); the minutes between the last lesson of the morning and lunch
    are buffer, and each day keeps at least ``buffer_minutes`` in all.
    """

    start: str = "09:00"  #: clock time each day starts
    end: str = "17:30"  #: latest end of a day, close included
    break_every: int = 90  #: at most this many minutes of instruction between breaks
    break_minutes: int = 15
    lunch_after: str = "12:00"  #: lunch at the first round time at or after this and the morning's last lesson
    lunch_minutes: int = 60
    lunch_round: int = 30  #: lunch starts on a multiple of this many minutes (30: on the hour or half hour)
    welcome_minutes: int = 15  #: Day 1's opening: welcome and introductions
    recap_minutes: int = 15  #: every later day's opening: a recap of the day before
    close_minutes: int = 10  #: every day's close: questions, what comes next
    evaluation_minutes: int = 15  #: the last day, before its close
    buffer_minutes: int = 20  #: least slack per day, for questions and overruns
    days: int = 2  #: the workshop's length: the course must lay out within this many days

    def check(self, setting: str) -> None:
        for name in ("start", "end", "lunch_after"):
            if not _CLOCK.match(getattr(self, name)):
                raise ConfigError(f"{setting}[{name!r}] must be a clock time like '09:00', not {getattr(self, name)!r}")
        if minutes_of(self.end) <= minutes_of(self.start):
            raise ConfigError(f"{setting}: 'end' must be later than 'start'")
        for name in ("break_every", "break_minutes", "lunch_minutes", "lunch_round", "days"):
            if getattr(self, name) <= 0:
                raise ConfigError(f"{setting}[{name!r}] must be a positive number of minutes")
        for name in ("welcome_minutes", "recap_minutes", "close_minutes", "evaluation_minutes", "buffer_minutes"):
            if getattr(self, name) < 0:
                raise ConfigError(f"{setting}[{name!r}] must be 0 or more minutes")


def minutes_of(clock: str) -> int:
    hours, mins = clock.split(":")
    return int(hours) * 60 + int(mins)


@dc.dataclass(frozen=True)
class Standard:
    """The content standard (shared/CONTENT.md) as numbers the build checks."""

    objectives: tuple[int, int] = (3, 5)
    vague_verbs: tuple[str, ...] = ("understand", "know", "learn", "appreciate", "be", "see", "realise", "become")
    sections: tuple[int, int] = (3, 6)  #: teaching sections (``##`` with a slide block) per lesson
    bullets: tuple[int, int] = (3, 6)  #: bullets on a section's slide (or one figure)
    section_words: tuple[int, int] = (150, 500)  #: learner prose per teaching section
    lesson_words: tuple[int, int] = (1200, 2500)  #: learner prose per lesson
    questions: tuple[int, int] = (3, 5)  #: knowledge-check questions per lesson
    options: int = 4  #: options per question
    keypoints: tuple[int, int] = (3, 6)
    minutes_per_question: int = 1
    quiz_minutes: int = 2  #: on top of the minutes per question
    keypoints_minutes: int = 2
    transition_minutes: tuple[int, int] = (2, 6)  #: what a lesson's duration leaves beyond its timed parts
    group_minutes: int = 20  #: least time for an exercise or discussion done in pairs or groups
    course_minutes: int = 660  #: most minutes of durations for the whole course
    cuts: int = 1  #: least number of ``cut`` blocks per lesson or worksheet
    key_share: float = 0.4  #: per module, the most questions whose key sits at one position
    longest_share: tuple[float, float] = (0.1, 0.4)  #: per module, share of questions whose key is the longest option
    shortest_share: float = 0.4  #: per module, the most questions whose key is the shortest option
    #: Words that mean a room of people: never in what a reader alone gets (the self-study edition)
    classroom_words: tuple[str, ...] = (
        "your group", "in pairs", "in groups", "the room", "flip chart", "flipchart", "each group",
        "other groups", "groups of", "your pair", "each pair", "your partner", "the facilitator",
        "the instructor",
    )

    def check(self, setting: str) -> None:
        for f in dc.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, tuple) and f.name not in ("vague_verbs", "classroom_words"):
                if len(value) != 2 or value[0] > value[1]:
                    raise ConfigError(f"{setting}[{f.name!r}] must be a (least, most) pair, not {value!r}")
        shares = (self.key_share, *self.longest_share, self.shortest_share)
        if not all(0 <= share <= 1 for share in shares) or not 0 < self.key_share:
            raise ConfigError(f"{setting}: shares are fractions between 0 and 1")


LMS_FORMATS = ("gift", "qti", "scorm12")
_PACKAGE_ID = re.compile(r"^[A-Za-z][A-Za-z0-9._-]*$")


@dc.dataclass(frozen=True)
class Lms:
    """The exports for a learning platform (``make`` writes them into ``_build/lms``)."""

    formats: tuple[str, ...] = LMS_FORMATS  #: "gift" (Moodle), "qti" (QTI 2.1 package), "scorm12" (SCORM 1.2)
    identifier: str = "outbound-oss-course"  #: the packages' identifier and the files' names
    title: str = ""  #: the packages' title; unset: the project's name
    pass_mark: int = 80  #: the percentage of a module's questions answered right that passes its SCO

    def check(self, setting: str) -> None:
        unknown = [f for f in self.formats if f not in LMS_FORMATS]
        if unknown or len(set(self.formats)) != len(self.formats):
            raise ConfigError(f"{setting}['formats'] takes each of {', '.join(LMS_FORMATS)} at most once, "
                              f"not {list(self.formats)!r}")
        if not _PACKAGE_ID.match(self.identifier):
            raise ConfigError(f"{setting}['identifier'] must start with a letter and hold only letters, digits, "
                              f"'.', '-' and '_', not {self.identifier!r}")
        if not 0 <= self.pass_mark <= 100:
            raise ConfigError(f"{setting}['pass_mark'] must be a percentage from 0 to 100, not {self.pass_mark!r}")


@dc.dataclass(frozen=True)
class Settings:
    """The checked settings; conf.py names each one ``courseware_<field>``."""

    brand: Brand = dc.field(default_factory=Brand, metadata={
        "help": "Organisation, logo, colours, font and licence line for every output.",
        "rebuild": "html"})
    handouts: tuple[HandoutDocument, ...] = dc.field(default=(), metadata={
        "help": "The PDFs to write: (start document, file name, title, edition[, layout]).",
        "rebuild": "html"})
    handout_front: tuple[str, ...] = dc.field(default=(), metadata={
        "help": "Pages printed after the contents of every learner and self-study PDF that "
                "does not already hold them (the running case).",
        "rebuild": "html"})
    handout_back: tuple[str, ...] = dc.field(default=(), metadata={
        "help": "Pages printed at the end of every learner and self-study PDF that does not already "
                "hold them (the glossary).",
        "rebuild": "html"})
    keywords: tuple[str, ...] = dc.field(default=(), metadata={
        "help": "Keywords every PDF carries in its metadata (the edition is added).", "rebuild": "html"})
    paper: str = dc.field(default="A4", metadata={
        "help": "Paper size of the PDFs: 'A4' or 'letter'.", "rebuild": "html"})
    schedule: Schedule = dc.field(default_factory=Schedule, metadata={
        "help": "Day start and end, breaks and lunch, for the agenda and the run-sheet.",
        "rebuild": "html"})
    standard: Standard = dc.field(default_factory=Standard, metadata={
        "help": "The content standard's numbers, checked while pages are read.",
        "rebuild": "env"})
    edition_date: str = dc.field(default="", metadata={
        "help": "The edition's date, 'YYYY-MM-DD': deadlines in the text must not have passed by then. Unset, "
                "the date of SOURCE_DATE_EPOCH (the last commit in make), else today.",
        "rebuild": "env"})
    attribution: str = dc.field(default="", metadata={
        "help": "The line that credits the sources, on every PDF cover.", "rebuild": "html"})
    base_url: str = dc.field(default="", metadata={
        "help": "The published address of the HTML course (ends in '/', e.g. 'https://example.org/course/html/'); "
                "the decks and PDFs are found from it through slides_url and handouts_url. Unset, no QR codes, "
                "canonical links, Open Graph or sitemap are written.",
        "rebuild": "html"})
    html_builder: str = dc.field(default="html", metadata={
        "help": "The builder the published HTML course is made with, 'html' or 'dirhtml': the decks and the PDFs "
                "link its pages in that builder's addresses.", "rebuild": "html"})
    slides_builder: str = dc.field(default="revealjs", metadata={
        "help": "The builder the published decks are made with, 'revealjs' or 'dirrevealjs': the HTML course and "
                "the PDFs link the decks in that builder's addresses.", "rebuild": "html"})
    html_url: str = dc.field(default="../html/", metadata={
        "help": "The HTML course's folder, relative to the decks' root.", "rebuild": "html"})
    slides_url: str = dc.field(default="../slides/", metadata={
        "help": "The decks' folder, relative to the HTML course's root.", "rebuild": "html"})
    handouts_url: str = dc.field(default="../handouts/", metadata={
        "help": "The PDFs' folder, relative to the HTML course's root.", "rebuild": "html"})
    kit_url: str = dc.field(default="../kit/outbound-oss-course.zip", metadata={
        "help": "The classroom kit (make kit), relative to the HTML course's root or absolute; "
                "'' leaves its link out of the downloads.", "rebuild": "html"})
    lab_url: str = dc.field(default="../lab/waybill-practice.zip", metadata={
        "help": "The lab's practice repository (make lab), relative to the HTML course's root or "
                "absolute; '' leaves its link out of the downloads.", "rebuild": "html"})
    lab_zip: str = dc.field(default="", metadata={
        "help": "The function that makes the lab's zip, as 'module:function' (it takes a cache folder and "
                "returns the zip's path): the lab-download block prints the zip's checksum; '' prints none.",
        "rebuild": "env"})
    handouts_path: str = dc.field(default="handouts", metadata={
        "help": "Folder of print templates (Typst) that replace the extension's own of the same name "
                "(courseware/handouts/templates, handout.typ first) or add to them, relative to conf.py; "
                "a folder that does not exist replaces nothing.", "rebuild": "html"})
    site_files: str = dc.field(default="", metadata={
        "help": "A folder in the source folder that site-absolute paths of images and downloads also reach, as "
                "Hugo's static/ does: /img/x.png is the source folder's img/x.png, else this folder's.",
        "rebuild": "env"})
    roster: tuple[str, ...] = dc.field(default=(), metadata={
        "help": "The participants, for the certificates of completion: a CSV file (UTF-8, relative to conf.py) "
                "with a column 'name', one participant a row. Unset, one certificate with a line for the name.",
        "rebuild": "html"})
    typst_server: int = dc.field(default=0, metadata={
        "help": "Seconds a Typst compiler keeps running after the last PDF it compiled, so that the next build "
                "compiles again only what changed, in a fraction of the time (make sets 600); 0: every build "
                "compiles in its own process.", "rebuild": ""})
    also_build: tuple[str, ...] = dc.field(default=(), metadata={
        "help": "Other outputs the HTML build makes beside it, as 'builder:folder' (make sets revealjs, handouts "
                "and lms): each starts once the pages are read, and the HTML build waits for them (alongside.py).",
        "rebuild": ""})
    lms: Lms = dc.field(default_factory=Lms, metadata={
        "help": "The learning-platform exports: formats ('gift', 'qti', 'scorm12'), the packages' identifier "
                "and title, and the pass mark (percent) of each module's SCO.", "rebuild": "html"})
    fonts_path: str = dc.field(default="branding/fonts", metadata={
        "help": "Folder of the font files every output uses, relative to conf.py.", "rebuild": "html"})


def _convert(name: str, value: Any, confdir: Path):
    setting = f"courseware_{name}"
    if name == "brand":
        brand = _from_dict(Brand, value, setting)
        brand.check(setting, confdir)
        return brand
    if name == "schedule":
        schedule = _from_dict(Schedule, value, setting)
        schedule.check(setting)
        return schedule
    if name == "lms":
        lms = _from_dict(Lms, value, setting)
        lms.check(setting)
        return lms
    if name == "standard":
        standard = _from_dict(Standard, value, setting)
        standard.check(setting)
        return standard
    if name == "handouts":
        if not isinstance(value, (list, tuple)):
            raise ConfigError(f"{setting} must be a list of tuples")
        return tuple(HandoutDocument.from_entry(entry, setting) for entry in value)
    if name in ("handout_front", "handout_back", "keywords"):
        if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{setting} must be a list of {'words' if name == 'keywords' else 'document names'}")
        return tuple(value)
    if name == "paper":
        if value not in PAPER_SIZES:
            raise ConfigError(f"{setting} must be one of {', '.join(PAPER_SIZES)}, not {value!r}")
        return value
    for key, choices in (("html_builder", HTML_SCHEMES), ("slides_builder", DECK_SCHEMES)):
        if name == key and value not in choices:
            raise ConfigError(f"{setting} must be one of {', '.join(choices)}, not {value!r}")
    if name == "roster":
        return _roster(value, setting, confdir)
    if name == "also_build":  # a list, or as sphinx-build -D gives it: 'revealjs:_build/slides,handouts:...'
        entries = [e for e in value.split(",") if e] if isinstance(value, str) else value
        if not all(isinstance(e, str) and e.count(":") == 1 and all(e.split(":")) for e in entries):
            raise ConfigError(f"{setting} must list outputs as 'builder:folder', not {value!r}")
        return tuple(entries)
    if name == "typst_server":  # a number, also as sphinx-build -D gives it (a string)
        if isinstance(value, bool) or not str(value).isdigit():
            raise ConfigError(f"{setting} must be a whole number of seconds (0 for none), not {value!r}")
        return int(value)
    if not isinstance(value, str):
        raise ConfigError(f"{setting} must be a string, not {value!r}")
    if name == "edition_date" and value:
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            raise ConfigError(f"{setting} must be a date like '2026-12-01', not {value!r}") from None
    if name == "base_url" and value and not (value.startswith("https://") and value.endswith("/")):
        raise ConfigError(f"{setting} must start with 'https://' and end with '/', not {value!r}")
    return value


def _roster(value: Any, setting: str, confdir: Path) -> tuple[str, ...]:
    """The names in the roster's column 'name', in its order (a certificate each)."""
    import csv

    if not isinstance(value, str) or not value:
        raise ConfigError(f"{setting} must be the path of a CSV file, not {value!r}")
    path = confdir / value
    try:
        with path.open(encoding="utf-8-sig", newline="") as file:
            rows = list(csv.reader(file))
    except FileNotFoundError:
        raise ConfigError(f"{setting}: {value} does not exist (relative to conf.py)") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{setting}: {value} is not UTF-8 text; save it as CSV UTF-8") from None
    header = [cell.strip().lower() for cell in rows[0]] if rows else []
    if "name" not in header:
        raise ConfigError(f"{setting}: the first row of {value} must name the columns, one of them 'name' "
                          f"(found {', '.join(map(repr, header)) or 'nothing'})")
    column = header.index("name")
    names = []
    for number, row in enumerate(rows[1:], 2):
        if not any(cell.strip() for cell in row):
            continue  # a blank line
        if column >= len(row) or not row[column].strip():
            raise ConfigError(f"{setting}: row {number} of {value} has no name")
        names.append(" ".join(row[column].split()))
    if not names:
        raise ConfigError(f"{setting}: {value} names nobody")
    return tuple(names)


def from_values(values: dict[str, Any], confdir: Path) -> Settings:
    """Check the raw ``courseware_*`` values (``None`` for unset) and build the settings."""
    checked = {}
    for f in dc.fields(Settings):
        raw = values.get(f"courseware_{f.name}")
        checked[f.name] = _convert(f.name, raw, confdir) if raw is not None else _default(f)
    return Settings(**checked)


def read_settings(confdir: Path) -> Settings:
    """The settings a project's conf.py declares, read without building (tests, tools)."""
    from sphinx.config import eval_config_file
    from sphinx.util.tags import Tags

    raw = eval_config_file(Path(confdir).resolve() / "conf.py", Tags())
    return from_values({k: v for k, v in raw.items() if k.startswith("courseware_")}, confdir)


def _check(app: Sphinx, config: Config) -> None:
    # The checked settings ride on the config object (``config._courseware``): Sphinx offers no public
    # place for an extension's derived configuration, and this one is rebuilt on every config-inited.
    values = {f"courseware_{f.name}": getattr(config, f"courseware_{f.name}") for f in dc.fields(Settings)}
    config._courseware = from_values(values, Path(app.confdir))


def _default(f: dc.Field):
    return f.default_factory() if f.default_factory is not dc.MISSING else f.default


def settings(config: Config) -> Settings:
    return config._courseware


def edition_date(config: Config) -> datetime.date:
    """The edition's date: ``courseware_edition_date``, else SOURCE_DATE_EPOCH's day, else today."""
    if settings(config).edition_date:
        return datetime.date.fromisoformat(settings(config).edition_date)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date()
    return datetime.date.today()


def setup_config(app: Sphinx) -> None:
    for f in dc.fields(Settings):
        app.add_config_value(f"courseware_{f.name}", None, f.metadata["rebuild"], description=f.metadata["help"])
    app.connect("config-inited", _check, priority=400)

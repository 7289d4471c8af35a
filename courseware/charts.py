# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Charts, tables and figures computed from the course's data when the course is built.

A page names a function of a small Python module in the source tree (a
"charts module"), next to the data it reads::

    ```{chart} data/charts.py:commits_by_organisation
    :alt: What the chart shows, in one sentence (required).
    :caption: The caption, with its source.
    ```

    ```{chart-table} data/charts.py:exercise_table
    ```

    The guide's history has {chart-value}`data/charts.py:total_commits` commits.

Paths are relative to the page, or to the source folder when they start
with ``/``, like an image's. The function receives a ``ChartData`` (it reads
the CSV files beside the module through it, so every file read is noted)
and, for ``chart``, a ``Style``: the brand's colours and font, and figure
helpers. It returns a matplotlib ``Figure`` (``chart``), a list of rows whose
first row is the header (``chart-table``) or a value (``chart-value``).

``chart`` draws the figure into an SVG while the page is read, under the
doctree folder (``<doctrees>/_charts``, a place every builder reads and
nothing in ``source/`` changes), and emits a plain ``figure`` with an
``image``: the HTML course, the decks and the handouts copy it like any
image. The SVG is the same bytes for the same input (fixed ``svg.hashsalt``,
no date, text drawn as paths so no font is needed to show it), is named by
its content, and carries the alt text as its ``<title>``.

The charts module and every data file read are dependencies of the page:
change one and the page is read again and the chart redrawn. A page is also
read again when its chart file has gone or the brand has changed.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import io
import os
import re
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable
from xml.sax.saxutils import escape

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxRole
from sphinx.util.osutil import relative_uri

from . import cache, structure
from .branding import write_if_changed
from .config import settings
from .directive import CourseDirective, Options
from .outputs import DECK_BUILDERS

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

CHART_FOLDER = "_charts"
SALT = "outbound-oss-course"


class ChartError(Exception):
    """A charts module or function that cannot be used, with a message for the author."""


# -- what a charts function receives -------------------------------------------------


class ChartData:
    """The data files beside a charts module; every file read is recorded."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.read: list[Path] = []

    def path(self, name: str) -> Path:
        path = (self.folder / name).resolve()
        if not path.is_file():
            raise ChartError(f"no data file {name!r} beside the charts module ({self.folder})")
        if path not in self.read:
            self.read.append(path)
        return path

    def rows(self, name: str) -> list[dict[str, str]]:
        """The rows of a CSV file (``#`` lines at the top are its description)."""
        return read_csv(self.path(name))


def read_csv(path: Path | str) -> list[dict[str, str]]:
    """Rows of a CSV whose first lines may be ``#`` comments, as dicts of strings."""
    with open(path, encoding="utf-8", newline="") as f:
        lines = [line for line in f if not line.startswith("#")]
    return list(csv.DictReader(lines))


def _mix(colour: str, other: str, amount: float) -> str:
    """``colour`` moved ``amount`` (0 to 1) of the way towards ``other``."""
    a = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * amount):02x}" for x, y in zip(a, b))


@dataclass(frozen=True)
class Style:
    """The brand for charts: colours, font, sizes, and series that read in greyscale.

    Sizes are points; at the figure's natural size a 12 pt label is 16 px.
    """

    primary: str = "#1f4e79"
    accent: str = "#1f6f8b"
    font: str = "Source Sans Pro"
    font_files: tuple[str, ...] = ()
    ink: str = "#1a1a1a"
    muted: str = "#5a5a5a"
    rule: str = "#c8c8c8"
    size: float = 12.0
    small: float = 11.0
    width: float = 8.0  #: inches

    def for_slides(self) -> Style:
        """The same chart drawn for a 1280 x 720 slide: half as wide again, its text about twice as large
        (the slide shows the figure at about its natural size, where the page shrinks it)."""
        return replace(self, size=21.0, small=19.0, width=12.5)

    def tint(self, colour: str, amount: float) -> str:
        return _mix(colour, "#ffffff", amount)

    def shade(self, colour: str, amount: float) -> str:
        return _mix(colour, "#000000", amount)

    @property
    def fills(self) -> list[dict[str, Any]]:
        """Bar fills, darkest first, each different in lightness and pattern.

        Patterns are drawn from lines: a dotted hatch is hundreds of small curves per tile, which made
        one chart's SVG 150 KB larger in every PDF that shows it.
        """
        return [
            {"facecolor": self.shade(self.primary, 0.15), "edgecolor": self.shade(self.primary, 0.15), "hatch": ""},
            {"facecolor": self.tint(self.accent, 0.35), "edgecolor": self.shade(self.accent, 0.3), "hatch": "///"},
            {"facecolor": self.tint(self.primary, 0.72), "edgecolor": self.primary, "hatch": ""},
            {"facecolor": "#ffffff", "edgecolor": self.muted, "hatch": "xx"},
        ]

    @property
    def lines(self) -> list[dict[str, Any]]:
        """Line styles, each different in colour lightness, dash and marker."""
        return [
            {"color": self.shade(self.primary, 0.15), "linestyle": "-", "marker": "o", "linewidth": 2.6},
            {"color": self.accent, "linestyle": (0, (6, 3)), "marker": "s", "linewidth": 2.2},
            {"color": self.muted, "linestyle": (0, (1.5, 2.5)), "marker": "^", "linewidth": 2.2},
        ]

    def rc(self) -> dict[str, Any]:
        return {
            "svg.fonttype": "path",
            "svg.hashsalt": SALT,
            "font.family": [self.font],
            "font.size": self.size,
            "axes.titlesize": self.size,
            "axes.labelsize": self.size,
            "xtick.labelsize": self.small,
            "ytick.labelsize": self.small,
            "legend.fontsize": self.small,
            "text.color": self.ink,
            "axes.labelcolor": self.ink,
            "axes.edgecolor": self.muted,
            "xtick.color": self.ink,
            "ytick.color": self.ink,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": False,
            "hatch.linewidth": 1.0,
            "figure.dpi": 72,
        }

    def figure(self, height: float = 4.5, **subplots: Any):
        """A figure of the style's width and a grid of axes (``plt.subplots`` arguments)."""
        from matplotlib.figure import Figure

        figure = Figure(figsize=(self.width, height), layout="constrained")
        axes = figure.subplots(**subplots) if subplots else figure.subplots()
        return figure, axes


# -- loading and calling -----------------------------------------------------------


def split_target(target: str) -> tuple[str, str]:
    """``"data/charts.py:name"`` -> (``"data/charts.py"``, ``"name"``)."""
    path, sep, function = target.strip().rpartition(":")
    if not sep or not path.endswith(".py") or not function.isidentifier():
        raise ChartError(f"name a function as 'path/to/module.py:function', not {target!r}")
    return path, function


def load_function(module_path: Path, function: str) -> Callable:
    """The function ``function`` of the module at ``module_path``, loaded afresh."""
    if not module_path.is_file():
        raise ChartError(f"no charts module {module_path}")
    name = "courseware_chartsmodule_" + hashlib.sha1(str(module_path).encode()).hexdigest()[:12]
    spec = importlib.util.spec_from_file_location(name, module_path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as error:
        raise ChartError(f"{module_path.name} cannot be loaded: {type(error).__name__}: {error}") from error
    found = getattr(module, function, None)
    if not callable(found):
        raise ChartError(f"{module_path.name} has no function {function!r}")
    return found


def call(module_path: Path, function: str, *extra: Any) -> tuple[Any, list[Path]]:
    """Call ``function(data, *extra)``; return its result and the data files it read."""
    data = ChartData(module_path.parent)
    target = load_function(module_path, function)
    try:
        result = target(data, *extra)
    except ChartError:
        raise
    except Exception as error:
        raise ChartError(f"{module_path.name}:{function} failed: {type(error).__name__}: {error}") from error
    return result, data.read


def _register_fonts(files: tuple[str, ...]) -> None:
    from matplotlib import font_manager

    known = {f.fname for f in font_manager.fontManager.ttflist}
    for file in files:
        if file not in known:
            font_manager.fontManager.addfont(file)


def svg_bytes(figure: Figure, alt: str) -> bytes:
    """The figure as SVG: no date, the alt text as ``<title>``."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue().decode("utf-8")
    if alt:
        text = re.sub(r"(<svg\b[^>]*>)", lambda m: f"{m.group(1)}\n <title>{escape(alt)}</title>", text, count=1)
    return text.encode("utf-8")


def render(module_path: Path, function: str, style: Style, alt: str = "") -> tuple[bytes, list[Path]]:
    """Draw ``function`` of the charts module at ``module_path``; return the SVG and the files read.

    A drawing is kept on this machine (``cache.py``) by the module's bytes, the function, the style, the alt
    text and the drawing rules (``_signature``), and used again while every data file it read (beside the
    module, wherever the course is) has the bytes it had: a fresh output folder, a copy of the course, or
    the decks after the HTML course draw nothing again (and import no matplotlib, a second and a half)."""

    folder = module_path.parent  # the files read are kept relative to it: a copy of the course finds them too

    def draw() -> tuple[bytes, list[tuple[str, str]]]:
        svg, read = _draw(module_path, function, style, alt)
        return svg, [(os.path.relpath(path, folder), cache.file_digest(path)) for path in read]

    def unchanged(kept: tuple[bytes, list[tuple[str, str]]]) -> bool:
        return all((folder / name).is_file() and cache.file_digest(folder / name) == digest for name, digest in kept[1])

    if not module_path.is_file():
        return _draw(module_path, function, style, alt)  # no module: the error message comes from there
    key = "\0".join([cache.file_digest(module_path), function, alt, _signature(style)])
    svg, read = cache.kept("charts", key, draw, unchanged)
    return svg, [(folder / name).resolve() for name, _ in read]


def _draw(module_path: Path, function: str, style: Style, alt: str) -> tuple[bytes, list[Path]]:
    import matplotlib

    _register_fonts(style.font_files)
    with matplotlib.rc_context(style.rc()):
        figure, read = call(module_path, function, style)
        from matplotlib.figure import Figure

        if not isinstance(figure, Figure):
            raise ChartError(f"{module_path.name}:{function} must return a matplotlib Figure, "
                             f"not {type(figure).__name__}")
        return svg_bytes(figure, alt), read


def style_for(app: Sphinx) -> Style:
    from .branding import font_files

    brand = settings(app.config).brand
    return Style(primary=brand.primary, accent=brand.accent, font=brand.font,
                 font_files=tuple(str(p) for p in font_files(app)))


def _signature(style: Style) -> str:
    """What a chart is drawn from besides its page: the brand, matplotlib, and the drawing rules of
    this module (fills, sizes): a change to any of them draws every chart again."""
    from importlib.metadata import version  # not matplotlib itself: a build that draws nothing never imports it

    fonts = tuple((Path(f).name, cache.file_digest(Path(f))) for f in style.font_files)  # by content, not by folder
    digest = hashlib.sha1(repr((replace(style, font_files=fonts), version("matplotlib"))).encode())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()


# -- the directives and the role ----------------------------------------------------


class _FromModule:
    """What ``chart``, ``chart-table`` and ``chart-value`` share: find the module, note the files."""

    env: BuildEnvironment

    def module(self, target: str) -> tuple[Path, str]:
        path, function = split_target(target)
        _, absolute = self.env.relfn2path(path, self.env.docname)
        return Path(absolute), function

    def note(self, module_path: Path, read: list[Path]) -> None:
        for path in (module_path, *read):
            self.env.note_dependency(str(path))


class Chart(_FromModule, CourseDirective):
    """``chart``: a figure drawn by a charts-module function."""

    required_arguments = 1
    has_content = False
    option_spec = Options({
        **CourseDirective.option_spec,
        "alt": directives.unchanged,
        "caption": directives.unchanged,
        "width": directives.length_or_percentage_or_unitless,
    })

    def run(self) -> list[nodes.Node]:
        figure = nodes.figure(classes=["cw-chart"])
        self.block(figure)
        alt = " ".join(self.options.get("alt", "").split())
        if not alt:
            return self.problem("chart: ':alt:' is required: say in one sentence what the chart shows")
        try:
            module_path, function = self.module(self.arguments[0])
            style = self.config._courseware_chart_style
            svg, read = render(module_path, function, style, alt)
        except ChartError as error:
            return self.problem(f"chart: {error}")
        self.note(module_path, read)
        target = Path(self.env.doctreedir) / CHART_FOLDER / f"{function}-{hashlib.sha1(svg).hexdigest()[:12]}.svg"
        _write(target, svg, max(p.stat().st_mtime for p in (module_path, *read)))
        _record(self.env, target, _signature(style))
        document_dir = Path(self.env.srcdir) / self.env.doc2path(self.env.docname, base=False).parent
        image = nodes.image(uri=os.path.relpath(target, document_dir), alt=alt,
                            cw_chart=(str(module_path), function))  # decks draw it again, for the slide
        if "width" in self.options:
            image["width"] = self.options["width"]
        self.set_source_info(image)
        figure += image
        caption = self.options.get("caption", "").strip()
        if caption:
            inline, messages = self.state.inline_text(caption, self.lineno)
            figure += nodes.caption(caption, "", *inline)
            figure += messages
        return [figure]

    def problem(self, message: str) -> list[nodes.Node]:
        logger.warning(message, location=(self.env.docname, self.lineno), type="courseware", subtype="chart")
        return []


class ChartTable(_FromModule, CourseDirective):
    """``chart-table``: a table whose rows a charts-module function computes (first row: header).

    It takes no caption: say what the table is in the text before it. (A
    captioned table gets an id, which the HTML theme furo copies onto its
    wrapper, and an id defined twice breaks the PDFs' anchors.)
    """

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        table = nodes.table(classes=["cw-chart-table"])
        self.block(table)
        try:
            module_path, function = self.module(self.arguments[0])
            rows, read = call(module_path, function)
        except ChartError as error:
            logger.warning("chart-table: %s", error, location=(self.env.docname, self.lineno),
                           type="courseware", subtype="chart")
            return []
        self.note(module_path, read)
        rows = [[str(cell) for cell in row] for row in rows]
        if not rows or len({len(r) for r in rows}) != 1:
            logger.warning("chart-table: %s:%s must return rows of equal length, the first the header",
                           module_path.name, function, location=(self.env.docname, self.lineno),
                           type="courseware", subtype="chart")
            return []
        group = nodes.tgroup(cols=len(rows[0]))
        table += group
        group.extend(nodes.colspec(colwidth=1) for _ in rows[0])
        head, body = nodes.thead(), nodes.tbody()
        group += head
        group += body
        for index, cells in enumerate(rows):
            row = nodes.row()
            for cell in cells:
                row += nodes.entry("", nodes.paragraph(text=cell))
            (head if index == 0 else body).append(row)
        return [table]


class ChartValue(_FromModule, SphinxRole):
    """``{chart-value}`data/charts.py:name```: a value a charts-module function computes, as text."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        try:
            module_path, function = self.module(self.text)
            value, read = call(module_path, function)
        except ChartError as error:
            logger.warning("chart-value: %s", error, location=self.get_location(), type="courseware",
                           subtype="chart")
            return [nodes.problematic(self.rawtext, self.rawtext)], []
        self.note(module_path, read)
        return [nodes.Text(str(value))], []


# -- files, and when to read a page again ------------------------------------------


def _write(target: Path, data: bytes, mtime: float) -> None:
    """Write ``target`` once; date it like its newest input, so the page is not read again for it."""
    if not target.exists() or target.read_bytes() != data:
        cache.replace(target, data)
    os.utime(target, (mtime, mtime))


def _record(env: BuildEnvironment, target: Path, signature: str) -> None:
    structure.charts(env).setdefault(env.docname, {})[str(target)] = signature


def _style(app: Sphinx, config) -> None:
    """The charts' style, once the brand is checked (config.py's handler runs first)."""
    config._courseware_chart_style = style_for(app)


def _outdated(app: Sphinx, env: BuildEnvironment, added, changed, removed) -> list[str]:
    """Pages whose chart file is gone or was drawn for another brand."""
    signature = _signature(app.config._courseware_chart_style)
    return sorted(
        docname for docname, charts in structure.charts(env).items()
        if docname in env.all_docs and any(not Path(p).is_file() or s != signature for p, s in charts.items())
    )


class SlideCharts(SphinxPostTransform):
    """In a deck, each chart drawn for the slide (``Style.for_slides``) into the deck's ``_images``, in place
    of the page's drawing, whose labels a projector would show too small to read."""

    default_priority = 5
    builders = DECK_BUILDERS

    def run(self, **kwargs) -> None:
        style = self.config._courseware_chart_style.for_slides()
        folder = Path(self.app.builder.outdir) / self.app.builder.imagedir
        for image in list(self.document.findall(nodes.image)):
            if "cw_chart" not in image:
                continue
            module_path, function = image["cw_chart"]
            try:
                svg, _ = render(Path(module_path), function, style, image.get("alt", ""))
            except ChartError as error:
                logger.warning(f"chart: {error}", location=image, type="courseware", subtype="chart")
                continue
            name = f"{function}-slide-{hashlib.sha1(svg).hexdigest()[:12]}.svg"
            write_if_changed(folder / name, svg)
            uri = relative_uri(self.app.builder.get_target_uri(self.env.docname), f"{self.app.builder.imagedir}/{name}")
            image["uri"], image["candidates"] = uri, {"*": uri}  # not in env.images: the builder leaves it alone


def setup_charts(app: Sphinx) -> None:
    app.add_post_transform(SlideCharts)
    app.add_directive("chart", Chart)
    app.add_directive("chart-table", ChartTable)
    app.add_role("chart-value", ChartValue())
    app.connect("config-inited", _style, priority=500)
    app.connect("env-get-outdated", _outdated)

# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The brand in every output: colours, font files and logo, as CSS every output reads.

``courseware_brand`` in conf.py is checked once (``config.Brand``); the font
files live in one folder (``courseware_fonts_path``, ``branding/fonts`` by
default) that every output reads. ``brand_css`` turns both into CSS custom
properties and ``@font-face`` rules: the HTML course and the decks link it
as ``_static/brand-web.css`` with the fonts as WOFF2 in ``_static/fonts/``
(``html/webfonts.py``); the handouts give Typst the font files themselves.

Font files are named ``<anything>-<face>.<ext>``, where face is one of
``FACES`` (``source-sans-pro-semibold.ttf``); they are declared under the
brand's ``font`` name, so a team that ships its own font changes both.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from .colours import for_dark, recolour
from .config import Brand, settings

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

LOGO_NAME = "brand-logo"
#: file name ending -> (weight, style)
FACES = {
    "regular": (400, "normal"), "italic": (400, "italic"),
    "semibold": (600, "normal"), "semibolditalic": (600, "italic"),
    "bold": (700, "normal"), "bolditalic": (700, "italic"),
}
FONT_SUFFIXES = (".ttf", ".otf", ".woff", ".woff2")


def logo_file(project: Sphinx | Builder, reversed_: bool = False) -> Path | None:
    """The brand's logo on disk (``reversed_``: the one for dark backgrounds), or None when the brand has none
    (``project``: the app or a builder)."""
    brand = settings(project.config).brand
    logo = brand.logo_reversed if reversed_ else brand.logo
    return Path(project.confdir) / logo if logo else None


def font_files(project: Sphinx | Builder) -> list[Path]:
    """The brand's font files, each with a face name ``FACES`` knows."""
    folder = Path(project.confdir) / settings(project.config).fonts_path
    return sorted(p for p in folder.glob("*") if p.suffix in FONT_SUFFIXES and p.stem.rsplit("-", 1)[-1] in FACES)


def font_faces(family: str, files: list[Path], url: Callable[[Path], str]) -> str:
    """``@font-face`` rules for ``files``, addressed by ``url(file)``."""
    rules = []
    for path in files:
        weight, style = FACES[path.stem.rsplit("-", 1)[-1]]
        rules.append(
            f'@font-face {{ font-family: "{family}"; font-weight: {weight}; font-style: {style}; '
            f'src: url("{url(path)}"); font-display: swap; }}'
        )
    return "\n".join(rules) + ("\n" if rules else "")


def font_stack(the_brand: Brand, generic: str) -> str:
    """The CSS font list: the brand's font, its fallback families in order (``fallback_fonts``), ``generic``."""
    families = dict.fromkeys([the_brand.font, *the_brand.fallback])
    return ", ".join([*(f'"{family}"' for family in families), generic])


def brand_css(the_brand: Brand, logo_url: str = "", fonts: str = "", reversed_url: str = "") -> str:
    """CSS custom properties that every output's stylesheet uses, after the ``fonts`` rules.

    ``--cw-logo-on-dark`` is the logo for dark backgrounds: the reversed logo, else the logo itself on
    ``--cw-logo-plate``, a light plate behind it.
    """
    lines = [
        f"  --cw-primary: {the_brand.primary};",
        f"  --cw-accent: {the_brand.accent};",
        f"  --cw-font: {font_stack(the_brand, 'sans-serif')};",
    ]
    if logo_url:
        lines.append(f'  --cw-logo: url("{logo_url}");')
        lines.append(f'  --cw-logo-on-dark: url("{reversed_url or logo_url}");')
        lines.append(f"  --cw-logo-plate: {'transparent' if reversed_url else '#ffffff'};")
    return fonts + ":root {\n" + "\n".join(lines) + "\n}\n"


def write_if_changed(target: Path, data: bytes) -> None:
    """Write ``data`` only when the file differs, so an unchanged asset keeps its time and is not copied again."""
    if not target.exists() or target.read_bytes() != data:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def copy_logo(project: Sphinx | Builder, directory: Path, reversed_: bool = False) -> str:
    """Copy the logo (``reversed_``: the one for dark backgrounds) into ``directory``; return its file name
    ("" without one)."""
    source = logo_file(project, reversed_)
    if source is None:
        return ""
    name = LOGO_NAME + ("-reversed" if reversed_ else "") + source.suffix
    write_if_changed(directory / name, source.read_bytes())
    return name


def figure_colours(the_brand: Brand) -> dict[str, str]:
    """The course's figures are drawn in the default brand's primary and accent and their tints: what each
    becomes in ``the_brand``."""
    default = Brand()
    return {default.primary: the_brand.primary, default.accent: the_brand.accent}


def branded_figure(data: bytes, the_brand: Brand) -> bytes:
    """An SVG figure in ``the_brand``'s colours (``figure_colours``); the same bytes for the default brand."""
    text = data.decode("utf-8")
    changed = recolour(text, figure_colours(the_brand))
    return data if changed == text else changed.encode("utf-8")


def brand_figures(app: Sphinx, exception: Exception | None) -> None:
    """The SVG figures the HTML course or the decks copied (``_images``), in the brand's colours."""
    if exception is not None or app.builder.format != "html":
        return
    the_brand = settings(app.config).brand
    for path in (Path(app.outdir) / "_images").glob("*.svg"):
        data = path.read_bytes()
        write_if_changed(path, branded_figure(data, the_brand))


def apply_to_html_theme(app: Sphinx, config) -> None:
    """Give the HTML theme the brand's logo and, for furo, its colours and font, in the light theme and,
    lightened until they read on its background, in the dark one.

    Only where conf.py has not set them itself: an explicit setting wins.
    """
    the_brand = settings(config).brand
    if the_brand.logo and not config.html_logo:
        config.html_logo = the_brand.logo
    if config.html_theme != "furo":  # other themes name their colour options differently
        return
    options = dict(config.html_theme_options)
    if the_brand.logo_reversed and "dark_logo" not in options:  # written into _static with brand-web.css
        options["light_logo"] = LOGO_NAME + Path(the_brand.logo).suffix
        options["dark_logo"] = LOGO_NAME + "-reversed" + Path(the_brand.logo_reversed).suffix
    light = dict(options.get("light_css_variables", {}))
    light.setdefault("color-brand-primary", the_brand.primary)
    light.setdefault("color-brand-content", the_brand.accent)
    light.setdefault("font-stack", font_stack(the_brand, "system-ui, sans-serif"))
    light.setdefault("font-stack--headings", font_stack(the_brand, "system-ui, sans-serif"))
    options["light_css_variables"] = light
    dark = dict(options.get("dark_css_variables", {}))
    dark.setdefault("color-brand-primary", for_dark(the_brand.primary))
    dark.setdefault("color-brand-content", for_dark(the_brand.accent))
    options["dark_css_variables"] = dark
    config.html_theme_options = options


def setup_branding(app: Sphinx) -> None:
    app.connect("config-inited", apply_to_html_theme, priority=450)  # after the settings are checked
    app.connect("build-finished", brand_figures)

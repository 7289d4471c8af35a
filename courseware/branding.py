# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The brand in every output: ``brand.css`` custom properties and the logo file.

``courseware_brand`` in conf.py is read once (``config.Brand``); this module
turns it into what stylesheets use. The HTML course and the decks link
``_static/brand.css``; the handouts inline the same CSS in each PDF.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .config import Brand, brand

if TYPE_CHECKING:
    from sphinx.application import Sphinx

LOGO_NAME = "brand-logo"


def logo_file(app: Sphinx) -> Path | None:
    """The brand's logo on disk, or None when the brand has none."""
    logo = brand(app.config).logo
    return Path(app.confdir) / logo if logo else None


def brand_css(the_brand: Brand, logo_url: str = "") -> str:
    """CSS custom properties that every output's stylesheet uses."""
    lines = [
        f"  --cw-primary: {the_brand.primary};",
        f"  --cw-accent: {the_brand.accent};",
        f'  --cw-font: "{the_brand.font}", "Source Sans Pro", sans-serif;',
    ]
    if logo_url:
        lines.append(f'  --cw-logo: url("{logo_url}");')
    return ":root {\n" + "\n".join(lines) + "\n}\n"


def copy_logo(app: Sphinx, directory: Path) -> str:
    """Copy the logo into ``directory``; return its file name ("" without a logo)."""
    source = logo_file(app)
    if source is None:
        return ""
    directory.mkdir(parents=True, exist_ok=True)
    name = LOGO_NAME + source.suffix
    target = directory / name
    data = source.read_bytes()
    if not target.exists() or target.read_bytes() != data:
        target.write_bytes(data)
    return name


def apply_to_html_theme(app: Sphinx, config) -> None:
    """Give the HTML theme the brand's logo and, for furo, its colours and font.

    Only where conf.py has not set them itself: an explicit setting wins.
    """
    the_brand = brand(config)
    if the_brand.logo and not config.html_logo:
        config.html_logo = the_brand.logo
    if config.html_theme != "furo":  # other themes name their colour options differently
        return
    options = dict(config.html_theme_options)
    light = dict(options.get("light_css_variables", {}))
    light.setdefault("color-brand-primary", the_brand.primary)
    light.setdefault("color-brand-content", the_brand.accent)
    light.setdefault("font-stack", f'"{the_brand.font}", system-ui, sans-serif')
    light.setdefault("font-stack--headings", f'"{the_brand.font}", system-ui, sans-serif')
    options["light_css_variables"] = light
    config.html_theme_options = options


def write_brand_assets(app: Sphinx, exception: Exception | None) -> None:
    """Write ``_static/brand.css`` (and the logo beside it) for the builder's pages."""
    if exception is not None:
        return
    static = Path(app.outdir) / "_static"
    css = brand_css(brand(app.config), copy_logo(app, static))
    target = static / "brand.css"
    static.mkdir(parents=True, exist_ok=True)
    if not target.exists() or target.read_text(encoding="utf-8") != css:
        target.write_text(css, encoding="utf-8")


def setup_branding(app: Sphinx) -> None:
    app.connect("config-inited", apply_to_html_theme, priority=450)  # after the brand is checked

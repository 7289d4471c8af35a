# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The private parts of Sphinx and docutils the extension leans on, where no public way exists.

Each test fails when upstream changes the part, before a build fails in a
less obvious way. The workarounds for upstream bugs are in docs/upstream.md.
"""

from __future__ import annotations

from pathlib import Path

from docutils.parsers.rst import directives
from sphinx.config import Config
from sphinx.util.tags import Tags


def test_a_config_keeps_what_conf_py_set_apart_from_defaults(tmp_path: Path):
    """courseware/slides/__init__.py: deck defaults apply only to values conf.py leaves unset."""
    (tmp_path / "conf.py").write_text("revealjs_style_theme = 'white'\n")
    config = Config.read(tmp_path, overrides={}, tags=Tags())
    assert config._raw_config.get("revealjs_style_theme") == "white"
    assert "revealjs_script_conf" not in config._raw_config


def test_docutils_lists_its_directives_in_two_tables():
    """courseware/authoring.py: the known directive names, for a "did you mean"."""
    assert "admonition" in directives._directive_registry
    assert isinstance(directives._directives, dict)


def test_sphinx_revealjs_still_says_it_cannot_read_in_parallel_and_keeps_nothing_in_the_environment():
    """courseware/slides/__init__.py overrides sphinx-revealjs's parallel_read_safe: False. When upstream
    declares itself safe, the override can go; when it starts to keep data in the environment (an
    env-merge-info or env-purge-doc handler), the override is wrong."""
    import sphinx_revealjs

    events: list[str] = []

    class Recorder:
        def __getattr__(self, name):
            if name == "connect":
                return lambda event, *args, **kwargs: events.append(event)
            return lambda *args, **kwargs: None

    declared = sphinx_revealjs.setup(Recorder())
    assert declared["parallel_read_safe"] is False, "sphinx-revealjs now reads in parallel: remove the override"
    assert not {"env-merge-info", "env-purge-doc", "env-before-read-docs", "source-read"} & set(events), events

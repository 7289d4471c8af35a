# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Checks of the repository's own files, shared by the tests and their bad-input cases."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

BIN = Path(sys.executable).parent
_TARGET = re.compile(r"^([A-Za-z0-9_.-]+)\s*:(?!=)", re.MULTILINE)
_MAKE_CALL = re.compile(r"\bmake\s+((?:[A-Za-z0-9_.-]+(?:=\S*)?\s*)+)")


def make_targets(makefile: Path) -> set[str]:
    return set(_TARGET.findall(makefile.read_text(encoding="utf-8")))


def commands(data) -> list[str]:
    """Every string in a parsed YAML document (run steps, build commands)."""
    if isinstance(data, dict):
        return [c for value in data.values() for c in commands(value)]
    if isinstance(data, list):
        return [c for value in data for c in commands(value)]
    return [data] if isinstance(data, str) else []


def unknown_make_targets(yaml_text: str, targets: set[str]) -> list[str]:
    """Make targets that a YAML file calls but the Makefile does not define."""
    missing = []
    for command in commands(yaml.safe_load(yaml_text)):
        for call in _MAKE_CALL.findall(command):
            for word in call.split():
                if "=" not in word and word not in targets:
                    missing.append(word)
    return missing


def make_calls(yaml_text: str) -> list[str]:
    return [w for c in commands(yaml.safe_load(yaml_text)) for call in _MAKE_CALL.findall(c) for w in call.split()]


def reuse_lint(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "reuse"), "--root", str(root), "lint"], capture_output=True, text=True)


def validate_citation(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "cffconvert"), "--validate", "-i", str(path)], capture_output=True, text=True)

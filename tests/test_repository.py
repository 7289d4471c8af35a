# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The repository practises what the course teaches: licensing, metadata, publishing."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .repo_checks import make_calls, make_targets, reuse_lint, unknown_make_targets, validate_citation

ROOT = Path(__file__).resolve().parent.parent
PUBLISHING = [*sorted((ROOT / ".github/workflows").glob("*.yml")), ROOT / ".readthedocs.yaml"]
HEALTH = ["README.md", "CONTRIBUTING.md", "CODE_OF_CONDUCT.md", "GOVERNANCE.md", "SECURITY.md",
          "SUPPORT.md", "CHANGELOG.md", "CITATION.cff", "LICENSES/Apache-2.0.txt", "LICENSES/CC-BY-SA-4.0.txt"]


def tracked_copy(target: Path) -> Path:
    """A copy of the files git knows about (tracked or new, not ignored)."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.splitlines()
    for name in listed:
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    subprocess.run(["git", "init", "-q"], cwd=target, check=True)
    subprocess.run(["git", "add", "-A"], cwd=target, check=True)
    return target


def test_health_files_exist():
    for name in HEALTH:
        assert (ROOT / name).is_file(), name


def test_every_file_has_licence_information():
    result = reuse_lint(ROOT)
    assert result.returncode == 0, result.stdout[-3000:]


def test_a_file_without_licence_information_fails_naming_it(tmp_path):
    copy = tracked_copy(tmp_path)
    (copy / "source" / "notes.txt").write_text("An unlicensed note.\n")
    subprocess.run(["git", "add", "-A"], cwd=copy, check=True)
    result = reuse_lint(copy)
    assert result.returncode != 0
    assert "source/notes.txt" in result.stdout


def test_citation_metadata_is_valid():
    result = validate_citation(ROOT / "CITATION.cff")
    assert result.returncode == 0, "CITATION.cff is not valid CFF 1.2.0:\n" + result.stdout + result.stderr


def test_invalid_citation_metadata_fails_naming_the_file(tmp_path):
    broken = tmp_path / "CITATION.cff"
    text = (ROOT / "CITATION.cff").read_text()
    broken.write_text("\n".join(line for line in text.splitlines() if not line.startswith("title:")))
    result = validate_citation(broken)
    assert result.returncode != 0
    assert "title" in (result.stdout + result.stderr)


@pytest.mark.parametrize("path", PUBLISHING + sorted((ROOT / ".github/ISSUE_TEMPLATE").glob("*.yml")),
                         ids=lambda p: p.name)
def test_yaml_files_parse(path):
    assert isinstance(yaml.safe_load(path.read_text()), dict), path.name


@pytest.mark.parametrize("path", PUBLISHING, ids=lambda p: p.name)
def test_publishing_calls_only_make_targets_that_exist(path):
    targets = make_targets(ROOT / "Makefile")
    text = path.read_text()
    assert make_calls(text), f"{path.name} builds without the Makefile"
    missing = unknown_make_targets(text, targets)
    assert not missing, f"{path.relative_to(ROOT)} calls make targets that do not exist: {missing}"


def test_a_workflow_naming_a_missing_target_is_caught():
    targets = {"all", "html", "test"}
    workflow = "jobs:\n  build:\n    steps:\n      - run: make html\n      - run: make nosuchtarget PYTHON=python\n"
    assert unknown_make_targets(workflow, targets) == ["nosuchtarget"]


def test_the_makefile_has_the_documented_targets():
    assert {"all", "html", "slides", "handouts", "serve", "test", "bench", "clean", "kit", "venv"} <= make_targets(
        ROOT / "Makefile"
    )


@pytest.mark.parametrize("path", sorted((ROOT / ".github/workflows").glob("*.yml")), ids=lambda p: p.name)
def test_workflows_pin_every_action_by_commit(path):
    """OpenSSF Scorecard's pinned-dependencies check: a commit hash, its version as a comment."""
    uses = re.findall(r"uses:\s*(\S+)(.*)", path.read_text())
    assert uses, path.name
    for action, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", action), f"{path.name}: {action} is not pinned by hash"
        assert re.search(r"#\s*v\d", comment), f"{path.name}: {action} has no version comment"


def test_dependabot_updates_every_pinned_dependency():
    """Python packages and actions always; npm wherever a package-lock.json pins a checker."""
    config = yaml.safe_load((ROOT / ".github/dependabot.yml").read_text())
    expected = {"pip", "github-actions"} | ({"npm"} if (ROOT / "package-lock.json").exists() else set())
    assert {u["package-ecosystem"] for u in config["updates"]} >= expected


def test_workflows_keep_least_privilege():
    for path in sorted((ROOT / ".github/workflows").glob("*.yml")):
        workflow = yaml.safe_load(path.read_text())
        assert workflow.get("permissions") == {"contents": "read"}, f"{path.name}: read-only by default"


def test_a_machine_with_an_old_python_gets_one_line():
    from courseware.doctor import problems

    assert problems() == []
    found = problems(version=(3, 9, 2))
    assert len(found) == 1
    assert "Python 3.11 or newer" in found[0] and "3.9" in found[0]


def test_make_stops_at_once_on_a_machine_with_an_old_python(tmp_path):
    fake = tmp_path / "python3"
    fake.write_text(f"#!/bin/sh\nexec {sys.executable} -c \"import runpy, sys; sys.version_info = (3, 9, 2); "
                    "sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')\" \"$@\"\n")
    fake.chmod(0o755)
    result = subprocess.run(["make", "--no-print-directory", "system", f"PYTHON={fake}"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.startswith("make: ")]
    assert lines[0].startswith("make: Python 3.11 or newer is needed (this is 3.9)")


def test_the_extension_is_a_package_apart_from_the_course():
    """``pip install`` gets every file the extension reads (templates, styles, data), and the extension imports
    nothing of the course's own tools (``coursetools``), which stay in the repository."""
    import tomllib
    from fnmatch import fnmatch

    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    assert setuptools["packages"]["find"]["include"] == ["courseware", "courseware.*"]
    shipped = setuptools["package-data"]["courseware"]
    package = ROOT / "courseware"
    for path in package.rglob("*"):
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts:
            name = path.relative_to(package).as_posix()
            assert any(fnmatch(name, pattern) for pattern in shipped), f"a wheel would leave out courseware/{name}"
    for module in package.rglob("*.py"):
        assert not re.search(r"^\s*(from|import) coursetools", module.read_text(), re.MULTILINE), module

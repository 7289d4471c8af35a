# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The release-readiness lab: the practice repository, its answer key and its place in the kit.

Each finding of the answer key (``coursetools.lab.FINDINGS``) is checked the
way a learner meets it: its exact commands run in a shell from the root of a
generated practice repository, with the tools of the test environment on the
PATH, and must show what the key says; on the fixed repository the same
commands must find none of the planted defects. No network is needed.
"""

from __future__ import annotations

import datetime
import os
import re
import subprocess
import sys
import zipfile
from functools import cache
from pathlib import Path

import pytest

from coursetools import lab
from coursetools.site import assemble, zip_site

ROOT = Path(__file__).resolve().parent.parent
LESSON = ROOT / "source" / "module2" / "release-lab.md"
CASE = ROOT / "source" / "case" / "waybill.md"
BIN = Path(sys.executable).parent
#: The audit tools' own environment (make lab-tools), as a learner's ``tools``.
TOOLS_BIN = ROOT / ".venv-lab" / "bin"
DEFECTS = [f for f in lab.FINDINGS if f.kind == "defect"]
BY_KEY = {f.key: f for f in lab.FINDINGS}


def lab_folder(parent: Path, fixed: bool) -> Path:
    """The folder a learner works in: the repository and ``waybill-env`` side by side."""
    repo = parent / "waybill-practice"
    lab.write_repository(repo, fixed=fixed)
    # A learner's waybill-env has Waybill's dependencies installed; the test environment has them too.
    (parent / "waybill-env").symlink_to(BIN.parent, target_is_directory=True)
    return repo


@pytest.fixture(scope="module")
def practice(tmp_path_factory) -> Path:
    return lab_folder(tmp_path_factory.mktemp("practice"), fixed=False)


@pytest.fixture(scope="module")
def fixed(tmp_path_factory) -> Path:
    return lab_folder(tmp_path_factory.mktemp("fixed"), fixed=True)


def shell(repo: Path, command: str) -> str:
    assert (TOOLS_BIN / "scancode").exists(), "the lab's tools are not installed: make lab-tools"
    env = {
        **os.environ,
        "PATH": f"{TOOLS_BIN}{os.pathsep}{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    result = subprocess.run(["bash", "-c", command], cwd=repo, env=env, capture_output=True, text=True, timeout=300)
    return result.stdout + result.stderr


@cache
def run_finding(repo: Path, finding: lab.Finding) -> str:
    """What a finding's commands print, run once per repository (the tests only read the output)."""
    return "\n".join(shell(repo, command) for command in finding.commands)


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True).stdout


# --- the repository ------------------------------------------------------------------------------


def test_the_same_commits_come_out_on_every_run(tmp_path):
    first = lab.write_repository(tmp_path / "one")
    second = lab.write_repository(tmp_path / "two")
    assert first == second
    assert lab.write_repository(tmp_path / "f1", fixed=True) == lab.write_repository(tmp_path / "f2", fixed=True)


def test_the_users_git_configuration_does_not_leak_in(tmp_path, monkeypatch):
    expected = lab.write_repository(tmp_path / "clean")
    home = tmp_path / "home"
    home.mkdir()
    (home / ".gitconfig").write_text(
        "[user]\n\tname = Someone Else\n\temail = someone@example.org\n"
        "[commit]\n\tgpgsign = true\n[core]\n\tautocrlf = true\n[init]\n\tdefaultBranch = trunk\n"
    )
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Someone Else")
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2030-01-01T00:00:00+00:00")
    assert lab.write_repository(tmp_path / "configured") == expected
    assert git(tmp_path / "configured", "symbolic-ref", "--short", "HEAD").strip() == lab.BRANCH


def test_the_history_is_plausible(practice):
    log = git(practice, "log", "--format=%aI|%an|%ae|%cn").splitlines()
    assert 10 <= len(log) <= 15
    years = sorted({datetime.date.fromisoformat(line[:10]).year for line in log})
    assert years[0] == 2021 and years[-1] == 2026
    names = {line.split("|")[1] for line in log}
    assert {"Ana Ferreira", "Mateus Costa"} <= names
    assert all(line.split("|")[2].endswith(".example") for line in log), "e-mail domains must be reserved"
    assert all(line.split("|")[1] == line.split("|")[3] for line in log)


def test_the_practice_package_is_small_and_its_own_tests_pass(practice, fixed):
    for repo in (practice, fixed):
        python = [p for p in git(repo, "ls-files").split() if p.endswith(".py")]
        lines = sum(len((repo / p).read_text(encoding="utf-8").splitlines()) for p in python)
        assert 250 <= lines <= 900, lines
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
            cwd=repo, env={**os.environ, "PYTHONPATH": str(repo), "PYTHONDONTWRITEBYTECODE": "1"},
            capture_output=True, text=True, timeout=120,
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_the_zip_unpacks_to_a_working_repository(practice, tmp_path):
    target = tmp_path / "waybill-practice.zip"
    lab.zip_repository(practice, target)
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        archive.extractall(tmp_path / "unpacked")
    assert all(n.startswith("waybill-practice/") for n in names)
    unpacked = tmp_path / "unpacked" / "waybill-practice"
    assert git(unpacked, "status", "--porcelain") == ""
    assert git(unpacked, "rev-parse", "HEAD") == git(practice, "rev-parse", "HEAD")


def test_the_command_line_writes_both_variants(tmp_path):
    assert lab.main([str(tmp_path / "practice"), "--zip", str(tmp_path / "practice.zip")]) == 0
    assert lab.main(["--fixed", str(tmp_path / "fixed")]) == 0
    assert (tmp_path / "practice.zip").is_file()
    assert (tmp_path / "fixed" / "LICENSE").is_file()
    assert not (tmp_path / "practice" / "LICENSE").exists()


# --- the answer key ------------------------------------------------------------------------------


@pytest.mark.parametrize("finding", lab.FINDINGS, ids=lambda f: f.key)
def test_each_command_of_the_key_finds_what_the_key_says(practice, finding):
    output = run_finding(practice, finding)
    for pattern in finding.finds:
        assert re.search(pattern, output), f"{finding.key}: {pattern!r} not in the practice output:\n{output[-3000:]}"


@pytest.mark.parametrize("finding", DEFECTS, ids=lambda f: f.key)
def test_the_same_commands_find_nothing_in_the_fixed_repository(fixed, finding):
    output = run_finding(fixed, finding)
    for pattern in finding.clean_patterns:
        assert not re.search(pattern, output), f"{finding.key}: {pattern!r} in the fixed output:\n{output[-3000:]}"


def test_every_defect_the_brief_plants_is_in_the_key():
    assert {f.key for f in DEFECTS} == {
        "history-secret", "live-secret", "licence-information", "vendored-gpl", "personal-data",
        "internal-hosts", "health-files", "copied-code",
    }


def test_the_copied_module_is_found_only_by_the_content_scan(practice):
    """No step but the content scan points at the module whose licence header was deleted: the other
    commands' output does not name it, or names it among every file without licence information."""
    for finding in lab.FINDINGS:
        if finding.key not in ("copied-code", "licence-information"):
            assert "calendars" not in run_finding(practice, finding), finding.key
    unlicensed = re.findall(r"^\* (\S+)$", run_finding(practice, BY_KEY["licence-information"]), re.MULTILINE)
    assert "waybill/calendars.py" in unlicensed and len(unlicensed) > 10, unlicensed


@pytest.mark.parametrize("finding", lab.FINDINGS, ids=lambda f: f.key)
def test_the_lesson_says_what_each_step_prints_when_it_ran_right(practice, finding):
    """The lesson's "On track" line for each step quotes a line the commands really print."""
    lesson = " ".join(LESSON.read_text(encoding="utf-8").split())
    assert finding.on_track, finding.key
    assert f"`{finding.on_track}`" in lesson or f'"{finding.on_track}"' in lesson, finding.on_track
    assert finding.on_track in run_finding(practice, finding), finding.key


def test_the_tools_the_lesson_installs_are_the_tools_the_tests_run():
    pinned = set((ROOT / "tests" / "lab-tools.txt").read_text(encoding="utf-8").split())
    assert set(lab.TOOLS) <= pinned, set(lab.TOOLS) - pinned


def test_the_fixed_repository_passes_reuse_lint(fixed):
    result = subprocess.run([str(BIN / "reuse"), "lint"], cwd=fixed, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_each_defect_comes_from_the_case():
    case = " ".join(CASE.read_text(encoding="utf-8").split())
    for fact in (
        "SwiftParcel sandbox API key",
        "GPL-3.0-or-later",
        "real consignees' names and addresses",
        "Default settings name internal hosts",
        "no licence or copyright notice",
        "no licence file, contribution guide, code of conduct or security policy",
        "password",
        "kafka-01.hh.larkspur.internal",
        "LGPL-2.1-only",
    ):
        assert fact in case, fact


# --- the lesson ----------------------------------------------------------------------------------


def flush_left(text: str) -> str:
    return "\n".join(line.strip() for line in text.splitlines())


def test_the_lesson_shows_every_command_verbatim():
    # Code blocks inside list items are indented; compare line by line, without the indentation.
    lesson = flush_left(LESSON.read_text(encoding="utf-8"))
    for command in [c for f in lab.FINDINGS for c in f.commands] + list(lab.SETUP):
        assert flush_left(command) in lesson, f"the lesson does not show this command verbatim:\n{command}"


# --- the kit -------------------------------------------------------------------------------------


def test_the_site_and_the_kit_carry_the_practice_repository(practice, tmp_path):
    build = tmp_path / "_build"
    for output in ("html", "slides", "handouts"):
        (build / output).mkdir(parents=True)
    (build / "html" / "index.html").write_text('<html lang="pt"><head><title>Curso aberto</title></head></html>')
    lab.zip_repository(practice, build / "lab" / "waybill-practice.zip")
    assemble(build, tmp_path / "site")
    assert (tmp_path / "site" / "lab" / "waybill-practice.zip").is_file()
    front = (tmp_path / "site" / "index.html").read_text()  # named as the course names itself, not this course
    assert "<title>Curso aberto</title>" in front and '<html lang="pt">' in front
    zip_site(tmp_path / "site", tmp_path / "curso.zip")
    assert "curso/lab/waybill-practice.zip" in zipfile.ZipFile(tmp_path / "curso.zip").namelist()


def test_a_site_without_the_lab_still_assembles(tmp_path):
    build = tmp_path / "_build"
    for output in ("html", "slides", "handouts"):
        (build / output).mkdir(parents=True)
    assemble(build, tmp_path / "site")
    assert not (tmp_path / "site" / "lab").exists()


def test_the_repaired_tokenizer_is_written_anew_not_relabelled(practice):
    """The repaired Waybill must not carry the vendored GPL code under Larkspur's header: its tokenizer
    shares no line with the vendored one but the function Waybill calls, and reads every message alike."""
    import types

    vendored, own = types.ModuleType("lab_vendored_tokenizer"), types.ModuleType("lab_own_tokenizer")
    for module, code in ((vendored, lab.TOKENIZER_BODY), (own, lab.OWN_TOKENIZER)):
        sys.modules[module.__name__] = module  # dataclasses look their module up while the code runs
        try:
            exec(code, module.__dict__)
        finally:
            del sys.modules[module.__name__]
    theirs = {line.strip() for line in lab.TOKENIZER_BODY.splitlines() if len(line.strip()) > 20}
    shared = [line.strip() for line in lab.OWN_TOKENIZER.splitlines() if line.strip() in theirs]
    assert shared == ["def segments(text: str) -> list[list[list[str]]]:"]
    messages = [p.read_text() for p in sorted(practice.glob("tests/fixtures/**/*.edi"))]
    messages += ["UNA|*.# ~UNB*UNOC|3*A#*B~UNH*1~", "CNI+1+SHIP?+1:X'\nSTS++21'"]
    assert messages and all(own.segments(m) == vendored.segments(m) for m in messages)


def test_the_repaired_repository_records_the_provenance_no_scanner_sees(fixed):
    record = " ".join((fixed / "PROVENANCE.md").read_text(encoding="utf-8").split())
    for part in ("waybill/tokenizer.py", "waybill/adapters/nordrail.py", "waybill/adapters/swiftparcel.py",
                 "tests/fixtures/", "pycountry"):
        assert part in record, part
    assert all(words in record.lower() for words in ("written assignment", "written consent", "written anew"))
    assert not (fixed / "vendor").exists()
    assert "PROVENANCE.md" in subprocess.run(["git", "log", "-1", "--format=%B"], cwd=fixed, capture_output=True,
                                             text=True, check=True).stdout


def test_a_changed_template_file_makes_a_new_zip(tmp_path, monkeypatch):
    """The zip the lab page's checksum is printed from is made again when a template file changes, not only
    when lab.py does (the files are read when lab.py is imported: the next build's process writes the new zip)."""
    files = tmp_path / "files"
    files.mkdir()
    for path in lab.FILES.iterdir():
        if path.is_file():
            (files / path.name).write_bytes(path.read_bytes())
    monkeypatch.setattr(lab, "FILES", files)
    (files / "__pycache__").mkdir()  # what ``python -m compileall .`` leaves among the templates: no file of the lab
    before = lab.practice_zip(tmp_path / "cache")
    (files / "gitignore.txt").write_text((files / "gitignore.txt").read_text() + "*.log\n")
    after = lab.practice_zip(tmp_path / "cache")
    assert before != after and after.is_file()


def test_builds_side_by_side_make_the_zip_at_once(tmp_path):
    """``make`` runs the decks and the PDFs beside the HTML course, and each page with the lab's download prints
    the zip's checksum: builds that find no zip in the shared folder all make it at the same moment. Each must
    end with the same whole zip, none failing on a file another moved away."""
    cache = tmp_path / "cache"
    make = "import sys; from coursetools import lab; print(lab.practice_zip(sys.argv[1]))"
    builds = [subprocess.Popen([sys.executable, "-c", make, str(cache)], cwd=Path(lab.__file__).parent.parent,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    results = [(build.returncode, *output) for build in builds for output in [build.communicate()]]
    assert [code for code, _out, _err in results] == [0] * 3, [err for _code, _out, err in results]
    made = {out.strip() for _code, out, _err in results}
    assert len(made) == 1 and zipfile.ZipFile(made.pop()).testzip() is None
    assert [p.name for p in cache.iterdir()] == [next(cache.glob("*.zip")).name]

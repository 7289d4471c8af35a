# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The compile server (courseware/handouts/compile_server.py): what it compiles is what the build would
compile itself, byte for byte; it reports Typst's errors as the build does; it serves several builds at
once, stops when idle, outlives a stale socket, and the build compiles on its own when it cannot be reached."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
import typst
from sphinx.errors import ConfigError

from courseware.config import from_values
from courseware.handouts import compile_server, pdf

from .conftest import ROOT

FONTS = tuple(sorted((ROOT / "branding" / "fonts").glob("*.ttf")))
PAGE = ('#set document(title: [A test])\n#set text(font: "Source Sans Pro", lang: "en")\n'
        '= A heading\n\nA paragraph with a #link("https://example.org")[link].\n')


@pytest.fixture
def folder(tmp_path):
    """An output folder of its own, whose server (if any) is stopped afterwards."""
    yield tmp_path
    compile_server.stop(tmp_path)


def job(folder: Path, name: str, text: str) -> pdf.Job:
    source = folder / f"{name}.typ"
    source.write_text(text, encoding="utf-8")
    return pdf.Job(source, folder / f"{name}.pdf", folder, (), FONTS, 1767225600)


def test_the_server_compiles_the_bytes_the_build_compiles(folder):
    here = job(folder, "here", PAGE)
    pdf.compile_pdf(here)
    served = job(folder, "served", PAGE)
    assert not compile_server.running(folder)
    assert pdf.compile_pdf(served, server=30) == []
    assert compile_server.running(folder)  # started for this build, and still there for the next
    assert served.target.read_bytes() == here.target.read_bytes()
    served.source.write_text(PAGE + "\nOne more sentence.\n", encoding="utf-8")
    pdf.compile_pdf(served, server=30)  # compiled again by the same server, from the changed markup
    here.source.write_text(PAGE + "\nOne more sentence.\n", encoding="utf-8")
    pdf.compile_pdf(here)
    assert served.target.read_bytes() == here.target.read_bytes()


def test_a_typst_error_reads_the_same_from_the_server(folder):
    broken = "#set document(title: [A test])\n\n#let x = \n"
    with pytest.raises(typst.TypstError) as here:
        pdf.compile_pdf(job(folder, "here", broken))
    with pytest.raises(typst.TypstError) as served:
        pdf.compile_pdf(job(folder, "served", broken), server=30)
    expected = str(getattr(here.value, "diagnostic", "") or here.value)
    assert "expected expression" in expected
    assert str(served.value) == expected.replace("here.typ", "served.typ")
    assert "served.typ:3" in str(served.value)  # the file and the line


def test_warnings_come_back_from_the_server(folder):
    warned = PAGE + '#text(font: "No Such Font")[Words]\n'
    assert pdf.compile_pdf(job(folder, "here", warned)) == pdf.compile_pdf(job(folder, "served", warned), server=30)
    assert any("no such font" in w.lower() for w in pdf.compile_pdf(job(folder, "again", warned), server=30))


def test_two_builds_compile_on_one_server_at_once(folder):
    jobs = [job(folder, f"page{i}", PAGE + f"\nPage {i}.\n") for i in range(4)]
    results: dict[int, list[str]] = {}
    threads = [threading.Thread(target=lambda i=i: results.__setitem__(i, pdf.compile_pdf(jobs[i], server=30)))
               for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == {i: [] for i in range(4)}
    assert all(j.target.read_bytes().startswith(b"%PDF-") for j in jobs)


def test_an_idle_server_stops_and_takes_its_socket_away(folder):
    pdf.compile_pdf(job(folder, "page", PAGE), server=1)
    socket_file = compile_server.address(folder)
    assert socket_file.exists()
    deadline = time.monotonic() + 15
    while socket_file.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not socket_file.exists()
    assert not compile_server.running(folder)


def test_a_stale_socket_is_replaced(folder):
    import socket

    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(compile_server.address(folder)))  # a socket file nobody answers on
    stale.close()
    page = job(folder, "page", PAGE)
    assert pdf.compile_pdf(page, server=30) == []
    assert compile_server.running(folder)


def test_without_a_server_the_build_compiles_on_its_own(folder, monkeypatch):
    monkeypatch.setattr(compile_server, "_start", lambda path, idle: None)  # a server that never comes
    monkeypatch.setattr(compile_server, "START_TIMEOUT", 0.2)
    page = job(folder, "page", PAGE)
    assert pdf.compile_pdf(page, server=30) == []
    assert page.target.read_bytes().startswith(b"%PDF-")
    assert not compile_server.running(folder)


def test_another_output_folder_has_a_server_of_its_own(tmp_path):
    assert compile_server.address(tmp_path / "a") != compile_server.address(tmp_path / "b")
    assert len(str(compile_server.address(tmp_path / ("x" * 200)))) < 100  # a Unix socket's path is short


@pytest.mark.parametrize("value, expected", [(0, 0), (600, 600), ("600", 600)])
def test_the_server_setting_is_seconds(tmp_path, value, expected):
    assert from_values({"courseware_typst_server": value}, tmp_path).typst_server == expected


@pytest.mark.parametrize("value", ["ten", -1, True, 1.5])
def test_a_bad_server_setting_is_one_clear_line(tmp_path, value):
    with pytest.raises(ConfigError, match="whole number of seconds"):
        from_values({"courseware_typst_server": value}, tmp_path)

# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The words the build writes, in the course's language (courseware/translations.py, tools/messages.py).

The tiny course is built in German through every output; then every message of the catalogue is looked
for, in English, in what was built: none may be there, except where the pages' own (English) text has
the same words.
"""

from __future__ import annotations

import datetime
import json
import re
import sys
import zipfile
from pathlib import Path
from shutil import copytree

import pytest
from babel.messages.catalog import Catalog
from bs4 import BeautifulSoup

from courseware.translations import LOCALES, catalogues, compile_catalogues

from .conftest import build_each
from .test_print import printed

REPOSITORY = Path(__file__).parent.parent
sys.path.insert(0, str(REPOSITORY / "tools"))
import messages  # noqa: E402  (tools/messages.py)

ROOT = Path(__file__).parent / "roots" / "test-vocabulary"
#: The workshop's paperwork, added to the tiny course's PDFs: they hold most of the print's own words.
PAPERWORK = [("index", f"{layout}.pdf", "Unterlagen", edition, layout) for layout, edition in (
    ("attendance", "facilitator"), ("evaluation", "learner"), ("certificate", "learner"), ("flyer", "learner"),
    ("joining", "learner"), ("slides", "learner"), ("lectern", "facilitator"))]


def test_the_catalogues_hold_every_message_of_the_code_translated():
    """tools/messages.py --check: the template matches the code, and German and Portuguese translate every
    message, with the same placeholders."""
    assert {"de", "pt"} <= set(catalogues())
    assert messages.main(["--check"]) == 0
    assert len(messages.extract()) > 100  # the build's words are marked, not a handful


def test_the_check_names_what_a_catalogue_lacks():
    template = Catalog()
    for message in ("Key points", "Duration: {minutes} minutes", "Answer"):
        template.add(message)
    german = Catalog(locale="de")
    german.add("Key points", "Kernpunkte")
    german.add("Duration: {minutes} minutes", "Dauer: {minuten} Minuten")
    found = messages.problems(template, "de", german)
    assert found == ["de: placeholders of 'Duration: {minutes} minutes' differ: 'Dauer: {minuten} Minuten'",
                     "de: untranslated: 'Answer'"]


def test_a_catalogue_is_compiled_while_the_extension_loads(tmp_path):
    target = compile_catalogues(LOCALES, tmp_path)
    assert (target / "de" / "LC_MESSAGES" / "courseware.mo").stat().st_size > 1000
    before = (target / "de" / "LC_MESSAGES" / "courseware.mo").stat().st_mtime_ns
    compile_catalogues(LOCALES, tmp_path)  # compiled once
    assert (target / "de" / "LC_MESSAGES" / "courseware.mo").stat().st_mtime_ns == before


@pytest.fixture(scope="module")
def german(tmp_path_factory):
    """The tiny course in German, through every output: {output: folder}."""
    srcdir = tmp_path_factory.mktemp("german") / "src"
    copytree(ROOT, srcdir)
    with open(srcdir / "conf.py", "a", encoding="utf-8") as conf:
        conf.write(f'\nlanguage = "de"\ncourseware_handouts = courseware_handouts + {PAPERWORK!r}\n'
                   'courseware_lms = {"formats": ["gift", "qti", "scorm12"], "identifier": "tiny"}\n')
    return build_each(srcdir, (("html", ()), ("revealjs", ("slides",)), ("handouts", ()), ("lms", ())), strict=False)


def web_text(path: Path) -> str:
    """What a reader sees or hears of a page: its text, and the attributes a browser shows or reads out."""
    page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for hidden in page(["style", "script"]):
        if hidden.get("type") != "application/json":  # data a script shows (the SCORM page's words) stays
            hidden.decompose()
    said = [value for tag in page.find_all(True)
            for name in ("aria-label", "title", "alt", "placeholder", "value", "data-label")
            if isinstance(value := tag.get(name), str)]
    return " ".join([page.get_text(" "), *said])


def built_text(outputs: dict[str, Path]) -> dict[str, str]:
    """Every output's words, by file."""
    found = {}
    for output in ("html", "revealjs"):
        for path in outputs[output].rglob("*.html"):
            if "_static" not in path.parts and "_sources" not in path.parts:
                found[f"{output}/{path.relative_to(outputs[output])}"] = web_text(path)
        words = outputs[output] / "_static" / "courseware-words.js"  # what courseware.js writes into a page
        if words.exists():
            found[f"{output}/{words.name}"] = script_words(words.read_text(encoding="utf-8"))
    for pdf in outputs["handouts"].glob("*.pdf"):
        found[f"handouts/{pdf.name}"] = " ".join(sheet.text() for sheet in printed(pdf).sheets)
    for path in outputs["lms"].iterdir():
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as package:
                for name in package.namelist():
                    if name.endswith((".html", ".xml", "courseware-words.js")):
                        text = package.read(name).decode("utf-8")
                        found[f"lms/{path.name}/{name}"] = (web_text_of(text) if name.endswith(".html") else
                                                            script_words(text) if name.endswith(".js") else text)
        elif path.suffix == ".txt":
            found[f"lms/{path.name}"] = path.read_text(encoding="utf-8")
    return found


def script_words(text: str) -> str:
    """The words of ``courseware-words.js``, without their placeholders (``{answer}``: a value, not a word)."""
    words = json.loads(text.split("=", 1)[1].strip().rstrip(";"))
    return re.sub(r"\{[a-z_]+\}", "", " ".join(words.values()))


def web_text_of(text: str) -> str:
    return BeautifulSoup(text, "html.parser").get_text(" ")


def english_pieces(message: str) -> list[str]:
    """The parts of a message between its placeholders that are words."""
    return [piece.strip(" .,:;()·–—") for piece in re.split(r"\{[a-z_]*\}", message)
            if len(re.findall(r"[A-Za-z]", piece)) >= 3]


def test_a_german_course_has_no_english_word_of_the_build(german):
    """Each message with a German translation other than its English: its English words are in no output
    (HTML course, decks, every PDF including the paperwork, the LMS exports), except where the tiny course's
    own English pages or settings hold the same words."""
    from babel.messages.pofile import read_po

    with open(catalogues()["de"], "rb") as stream:
        catalogue = read_po(stream, locale="de")
    sources = " ".join(path.read_text(encoding="utf-8") for path in ROOT.rglob("*")
                       if path.suffix in (".md", ".py", ".bib"))
    sources += " ".join(path.read_text(encoding="utf-8") for path in (REPOSITORY / "source").glob("guide.bib"))
    texts = built_text(german)
    assert len(texts) > 20
    checked, left = 0, []
    for message in catalogue:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not message.id or set(ids) == set(strings):
            continue
        for english in ids:
            for piece in english_pieces(english):
                if piece.lower() in sources.lower() or any(piece in s for s in strings):
                    continue
                checked += 1
                pattern = re.compile(rf"(?<![\w-]){re.escape(piece)}(?![\w-])")
                left += [f"{piece!r} ({english!r}) in {name}" for name, text in texts.items() if pattern.search(text)]
    assert checked > 100
    assert not left, "\n".join(left[:40])


def test_a_german_course_writes_its_dates_in_german(german):
    from courseware.handouts.builder import build_date
    from courseware.translations import long_date

    day = datetime.datetime.fromtimestamp(build_date(), datetime.timezone.utc).date()
    written = long_date(day, "de")
    assert re.fullmatch(r"\d{1,2}\. \w+ \d{4}", written)
    cover = printed(german["handouts"] / "guide.pdf").sheets[0].text()
    assert written in " ".join(cover.split()), cover


def test_a_translated_page_builds_in_place_of_the_english_one(tmp_path):
    """The pages' own workflow, on a tiny root: ``make gettext`` (the gettext builder), ``make translations
    LANG=de`` (sphinx-intl), a translator's two messages; the German build shows them, in the HTML and the
    PDF, and the paragraphs left untranslated in English."""
    import subprocess

    from babel.messages.pofile import read_po, write_po
    from pypdf import PdfReader

    srcdir = tmp_path / "src"
    copytree(Path(__file__).parent / "roots" / "test-plain", srcdir)
    with open(srcdir / "conf.py", "a", encoding="utf-8") as conf:
        conf.write('\nlocale_dirs = ["locales"]\ngettext_compact = False\n')
    bin_ = Path(sys.executable).parent
    subprocess.run([bin_ / "sphinx-build", "-q", "-b", "gettext", srcdir, srcdir / "_build" / "gettext"], check=True)
    subprocess.run([bin_ / "sphinx-intl", "update", "-p", srcdir / "_build" / "gettext", "-d", srcdir / "locales",
                    "-l", "de"], check=True, capture_output=True)
    po = srcdir / "locales" / "de" / "LC_MESSAGES" / "appendix.po"
    with open(po, "rb") as stream:
        catalogue = read_po(stream, locale="de")
    german = {"Appendix": "Anhang",
              "Text under an anchor that another page links to.": "Text unter einem Anker, auf den eine andere "
                                                                   "Seite verweist."}
    for english, translated in german.items():
        assert catalogue[english] is not None, english
        catalogue[english].string = translated
    with open(po, "wb") as stream:
        write_po(stream, catalogue)
    outputs = build_each(srcdir, (("html", ()), ("handouts", ())), strict=False, confoverrides={"language": "de"})
    page = BeautifulSoup((outputs["html"] / "appendix.html").read_text(encoding="utf-8"), "html.parser")
    text = " ".join(page.get_text(" ").split())
    assert "Anhang" in page.h1.get_text() and german["Text under an anchor that another page links to."] in text
    assert "A heading named like the self-study answers." in text  # untranslated: English
    pdf = " ".join(" ".join(p.extract_text() for p in PdfReader(outputs["handouts"] / "plain.pdf").pages).split())
    assert german["Text under an anchor that another page links to."] in pdf


def test_the_print_templates_english_words_are_the_catalogues():
    """``style.typ`` keeps the templates' words in English for markup written without them: the same words
    as ``handouts/words.py``, which the catalogue translates."""
    from courseware.handouts.builder import DEFAULT_TEMPLATES
    from courseware.handouts.words import WORDS

    text = (DEFAULT_TEMPLATES / "style.typ").read_text(encoding="utf-8")
    block = re.search(r"#let english-words = \((.*?)\n\)", text, re.S).group(1)
    assert dict(re.findall(r'([a-z-]+): "([^"]*)"', block)) == WORDS


@pytest.mark.parametrize("language, expected", [
    ("en", "explain widgets"), (None, "explain widgets"), ("pt", "explain widgets"), ("pt-BR", "explain widgets"),
    ("de", "Explain widgets"), ("de_AT", "Explain widgets"),
])
def test_a_pages_words_inside_a_sentence_keep_a_germans_capital(language, expected):
    """An objective inside "I can: …" starts lower case, except in German, where a noun keeps its capital."""
    from courseware.translations import within_sentence

    assert within_sentence("Explain widgets", language) == expected

# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The course in a learning platform, proved with what platforms use.

- GIFT: parsed by gift-pegjs (npm), the parser Moodle-compatible tools use;
- QTI 2.1: no package on PyPI or npm ships the QTI 2.1 schema, so the tests check the parts of the
  specification they can: the namespace, one ``choiceInteraction`` of ``maxChoices="1"`` whose
  ``correctResponse`` names one of its ``simpleChoice`` identifiers, a ``SCORE`` outcome, unique
  identifiers, and a manifest whose every resource and file exists and whose tests reference items
  that exist;
- SCORM 1.2: the package played in Chromium against scorm-again (npm), which takes the LMS's side.

The questions expected come from the doctrees (``question`` nodes), never from today's texts.
"""

from __future__ import annotations

import json
import posixpath
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from shutil import copytree

import pytest
from docutils import nodes
from lxml import etree
from sphinx.errors import ConfigError, SphinxError
from sphinx.testing.util import SphinxTestApp

from courseware.config import from_values
from courseware.quiz import question, quiz_option

from .browser import browser_page, remote, serve
from .test_html_course import build

ROOT = Path(__file__).parent.parent
NODE_MODULES = ROOT / "node_modules"
QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
CP_QTI = "{http://www.imsglobal.org/xsd/imscp_v1p1}"
CP_SCORM = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"


def gift_parse(path: Path) -> list[dict]:
    """The GIFT file as gift-pegjs reads it."""
    parser = NODE_MODULES / "gift-pegjs"
    if shutil.which("node") is None or not parser.is_dir():
        pytest.fail("gift-pegjs is not installed: run make checkers (npm ci)")
    script = "const g = require(process.argv[1]); const fs = require('fs');" \
             "process.stdout.write(JSON.stringify(g.parse(fs.readFileSync(process.argv[2], 'utf8'))));"
    result = subprocess.run(["node", "-e", script, str(parser), str(path)], capture_output=True, text=True)
    assert result.returncode == 0, f"gift-pegjs could not parse {path.name}: {result.stderr[-800:]}"
    return json.loads(result.stdout)


def flat(text: str) -> str:
    return " ".join(text.split())


def expected(doctree_of, docnames) -> list[tuple[str, list[str], int]]:
    """(stem, options, index of the key) of every question of ``docnames``, in order, from the doctrees."""
    found = []
    for docname in docnames:
        for node in doctree_of(docname).findall(question):
            stem = next(c for c in node.children if "cw-stem" in c.get("classes", ()))
            number = next((n for n in stem.findall(nodes.inline) if "cw-question-number" in n["classes"]), None)
            text = flat(stem.astext())[len(number.astext()):] if number is not None else flat(stem.astext())
            options = [o for o in node.children if isinstance(o, quiz_option)]
            found.append((flat(text), [flat(o.astext()) for o in options],
                          next(i for i, o in enumerate(options) if o["correct"])))
    return found


def check_gift(path: Path, questions: list[tuple[str, list[str], int]]) -> None:
    parsed = [q for q in gift_parse(path) if q["type"] != "Category"]
    assert all(q["type"] == "MC" for q in parsed), {q["type"] for q in parsed}
    assert len(parsed) == len(questions), f"{len(parsed)} questions in the GIFT file, {len(questions)} in the course"
    for item, (stem, options, key) in zip(parsed, questions):
        assert flat(item["stem"]["text"]) == stem
        assert [flat(c["text"]["text"]) for c in item["choices"]] == options, stem
        assert [c["isCorrect"] for c in item["choices"]] == [i == key for i in range(len(options))], stem
        assert all(c["feedback"] and c["feedback"]["text"] for c in item["choices"]), f"{stem}: feedback missing"
        assert item["id"], f"{stem}: no ID number"


def check_qti(path: Path, questions: list[tuple[str, list[str], int]]) -> None:
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        manifest = etree.fromstring(archive.read("imsmanifest.xml"))
        resources = manifest.findall(f"{CP_QTI}resources/{CP_QTI}resource")
        identifiers = [r.get("identifier") for r in resources]
        assert len(identifiers) == len(set(identifiers)), "resource identifiers repeat"
        for resource in resources:
            assert resource.get("href") in names, resource.get("href")
            assert all(f.get("href") in names for f in resource.findall(f"{CP_QTI}file"))
            assert all(d.get("identifierref") in identifiers for d in resource.findall(f"{CP_QTI}dependency"))
        items = [r.get("href") for r in resources if r.get("type") == "imsqti_item_xmlv2p1"]
        tests = [r.get("href") for r in resources if r.get("type") == "imsqti_test_xmlv2p1"]
        assert len(items) == len(questions), f"{len(items)} items, {len(questions)} questions"
        found = []
        item_ids = set()
        for href in items:
            item = etree.fromstring(archive.read(href))
            assert item.tag == f"{QTI}assessmentItem" and item.get("adaptive") == "false"
            item_ids.add(item.get("identifier"))
            interaction = item.find(f"{QTI}itemBody/{QTI}choiceInteraction")
            assert interaction.get("maxChoices") == "1" and interaction.get("responseIdentifier") == "RESPONSE"
            choices = interaction.findall(f"{QTI}simpleChoice")
            correct = item.findall(f"{QTI}responseDeclaration/{QTI}correctResponse/{QTI}value")
            assert len(correct) == 1 and correct[0].text in [c.get("identifier") for c in choices], href
            assert item.find(f"{QTI}outcomeDeclaration[@identifier='SCORE']") is not None
            key = [c.get("identifier") for c in choices].index(correct[0].text)
            found.append((flat(interaction.find(f"{QTI}prompt").text), [flat(c.text) for c in choices], key))
        assert found == questions
        assert len(item_ids) == len(items), "item identifiers repeat"
        assert tests, "no assessment test"
        referenced = []
        for href in tests:
            test = etree.fromstring(archive.read(href))
            assert test.tag == f"{QTI}assessmentTest"
            for ref in test.iter(f"{QTI}assessmentItemRef"):
                assert ref.get("href") in names and ref.get("identifier") in item_ids, ref.get("href")
                referenced.append(ref.get("identifier"))
        assert sorted(referenced) == sorted(item_ids), "every item stands in one module's test"


def scorm_manifest(path: Path) -> tuple[etree._Element, set[str]]:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("imsmanifest.xml")), set(archive.namelist())


def check_scorm(path: Path, modules: int) -> None:
    manifest, names = scorm_manifest(path)
    assert manifest.findtext(f"{CP_SCORM}metadata/{CP_SCORM}schemaversion") == "1.2"
    resources = manifest.findall(f"{CP_SCORM}resources/{CP_SCORM}resource")
    identifiers = [r.get("identifier") for r in resources]
    assert len(identifiers) == len(set(identifiers)), "resource identifiers repeat"
    scos = [r for r in resources if r.get(f"{ADLCP}scormtype") == "sco"]
    assert len(scos) == modules, f"{len(scos)} SCOs for {modules} modules"
    listed = set()
    for resource in resources:
        files = {f.get("href") for f in resource.findall(f"{CP_SCORM}file")}
        listed |= files
        assert files <= names, f"{resource.get('identifier')} lists files the zip lacks: {sorted(files - names)[:3]}"
        assert all(d.get("identifierref") in identifiers for d in resource.findall(f"{CP_SCORM}dependency"))
    for sco in scos:
        assert sco.get("href") in names, f"the launch file {sco.get('href')} is not in the zip"
    items = manifest.findall(f".//{CP_SCORM}organization/{CP_SCORM}item")
    assert sorted(i.get("identifierref") for i in items) == sorted(s.get("identifier") for s in scos)
    unlisted = sorted(names - listed - {"imsmanifest.xml"})
    assert not unlisted, f"files no resource lists: {unlisted[:3]}"
    with zipfile.ZipFile(path) as archive:  # no link of a lesson leads out of the package (to a deck, a PDF)
        for name in sorted(n for n in names if n.startswith("course/") and n.endswith(".html")):
            for address in re.findall(r'\shref="([^"#?]*)', archive.read(name).decode("utf-8")):
                if address and "://" not in address and not address.startswith(("mailto:", "data:")):
                    target = posixpath.normpath(posixpath.join(posixpath.dirname(name), address))
                    assert target == "course" or target.startswith("course/"), f"{name} links {address}"


# -- settings -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "message"), [
    ({"formats": ["scorm"]}, "courseware_lms['formats'] takes each of gift, qti, scorm12 at most once"),
    ({"pass_mark": 120}, "courseware_lms['pass_mark'] must be a percentage from 0 to 100"),
    ({"identifier": "my course"}, "courseware_lms['identifier'] must start with a letter"),
    ({"pass": 80}, "courseware_lms: unknown key(s) pass"),
])
def test_a_bad_lms_setting_is_one_clear_line(tmp_path, value, message):
    with pytest.raises(ConfigError) as raised:
        from_values({"courseware_lms": value}, tmp_path)
    assert str(raised.value).startswith(message) and "\n" not in str(raised.value)


# -- a tiny course ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tiny(rootdir, tmp_path_factory):
    """The vocabulary's tiny course built as HTML, then as the LMS exports (one question holds every GIFT
    special character)."""
    srcdir = tmp_path_factory.mktemp("lms") / "src"
    copytree(rootdir / "test-vocabulary", srcdir)
    build(srcdir, "html")
    return build(srcdir, "lms")


def tiny_questions(app) -> list[tuple[str, list[str], int]]:
    from courseware.structure import lessons_below

    docnames = [row.docname for row in lessons_below(app.env, app.config.root_doc)]
    return expected(app.env.get_doctree, docnames)


def test_gift_survives_every_special_character(tiny):
    questions = tiny_questions(tiny)
    assert any(set("~=#{}:") <= set(stem + "".join(options)) for stem, options, _ in questions), \
        "the tiny course has a question with every special character"
    check_gift(Path(tiny.outdir) / "outbound-oss-course.gift.txt", questions)


def test_qti_package_holds_every_question(tiny):
    check_qti(Path(tiny.outdir) / "outbound-oss-course-qti21.zip", tiny_questions(tiny))


def test_scorm_package_lists_every_file_it_holds(tiny):
    check_scorm(Path(tiny.outdir) / "outbound-oss-course-scorm12.zip", modules=1)


def test_scorm_needs_the_html_course_and_says_so(rootdir, tmp_path):
    srcdir = tmp_path / "src"
    copytree(rootdir / "test-vocabulary", srcdir)
    app = SphinxTestApp("lms", srcdir=srcdir)
    try:
        needs = r"the SCORM package needs the HTML course: .* \(build it first: make html\)"
        with pytest.raises(SphinxError, match=needs):
            app.build()
    finally:
        app.cleanup()


SCORM_AGAIN = NODE_MODULES / "scorm-again" / "dist" / "scorm12.js"


def play(package: Path, folder: Path, answers: dict[str, str], mastery: str = "") -> dict:
    """Unpack the SCORM package, open the first SCO in Chromium with scorm-again as the LMS, answer
    ``answers`` (question form name -> letter) in the lesson the SCO opens with, leave the page, and return
    what the LMS recorded (``cmi``) and every request the page made."""
    if not SCORM_AGAIN.is_file():
        pytest.fail("scorm-again is not installed: run make checkers (npm ci)")
    with zipfile.ZipFile(package) as archive:
        archive.extractall(folder)
    manifest, _ = scorm_manifest(package)
    launch = manifest.find(f"{CP_SCORM}resources/{CP_SCORM}resource").get("href")
    lms = SCORM_AGAIN.read_text(encoding="utf-8") + (
        "\nwindow.API = new Scorm12API({autocommit: false, logLevel: 5});"
        f"\nwindow.API.cmi.student_data.mastery_score = {json.dumps(mastery)};")
    with serve(folder) as base, browser_page() as page:
        page.add_init_script(script=f"if (window === window.top) {{ {lms} }}")
        page.goto(f"{base}/{launch}")
        lesson = page.frame_locator("iframe.cw-sco-lesson")
        for field, letter in answers.items():
            lesson.locator(f'input[name="{field}"][value="{letter}"]').check()
        page.wait_for_function("() => API.cmi.core.score.raw !== ''")
        page.evaluate("() => window.dispatchEvent(new Event('pagehide'))")
        cmi = page.evaluate("""() => ({record: API.renderCMIToJSONObject(), finished: API.isTerminated(),
                                       statusBar: document.querySelector('.cw-sco-status').textContent})""")
        cmi["requests"] = list(page.requests)
        cmi["base"] = base
    return cmi


def sco_questions(package: Path) -> list[dict]:
    """The first SCO's questions as its launch page records them (page, form name, key)."""
    manifest, _ = scorm_manifest(package)
    launch = manifest.find(f"{CP_SCORM}resources/{CP_SCORM}resource").get("href")
    with zipfile.ZipFile(package) as archive:
        page = archive.read(launch).decode()
    data = json.loads(re.search(r'<script type="application/json" id="cw-sco">(.*?)</script>', page, re.S)[1])
    first = data["questions"][0]["page"]
    return [q for q in data["questions"] if q["page"] == first], len(data["questions"])


@pytest.mark.browser
def test_a_module_reports_status_score_interactions_and_time_to_the_lms(tiny, tmp_path):
    """Every question of the tiny module answered, one of them wrong: the status follows the pass mark
    (80 % from conf.py: 4 of 5 passes; with the LMS's own mastery score of 90, it fails)."""
    package = Path(tiny.outdir) / "outbound-oss-course-scorm12.zip"
    here, total = sco_questions(package)
    assert len(here) == total >= 3, "the tiny module's questions all stand in its first lesson"
    wrong = here[1]
    answers = {q["field"]: q["key"] for q in here}
    answers[wrong["field"]] = next(letter for letter in "ABCD" if letter != wrong["key"])
    played = play(package, tmp_path / "pass", answers)
    core, interactions = played["record"]["cmi"]["core"], list(played["record"]["cmi"]["interactions"].values())
    score = round(100 * (total - 1) / total)
    assert (core["score"]["raw"], core["score"]["min"], core["score"]["max"]) == (str(score), "0", "100")
    assert core["lesson_status"] == ("passed" if score >= 80 else "failed")
    assert [i["id"] for i in interactions] == [q["id"] for q in here]
    assert all(i["type"] == "choice" for i in interactions)
    assert [i["result"] for i in interactions] == ["wrong" if q is wrong else "correct" for q in here]
    assert [i["student_response"] for i in interactions] == [answers[q["field"]].lower() for q in here]
    assert [i["correct_responses"]["0"]["pattern"] for i in interactions] == [q["key"].lower() for q in here]
    assert [[o["id"] for o in i["objectives"].values()] for i in interactions] == [q["objectives"] for q in here]
    assert re.fullmatch(r"\d{2,4}:\d\d:\d\d(\.\d{1,2})?", core["session_time"]), core["session_time"]
    assert core["session_time"].strip("0:.") != "", "the session took no time"
    assert played["finished"], "the SCO did not finish its session"
    assert f"{total} of {total} questions answered, {total - 1} right" in played["statusBar"]
    assert not remote(played["requests"]), remote(played["requests"])
    stricter = play(package, tmp_path / "fail", answers, mastery="90")["record"]["cmi"]["core"]
    assert stricter["lesson_status"] == "failed" and stricter["score"]["raw"] == str(score)


@pytest.mark.browser
def test_a_half_answered_module_is_incomplete(tiny, tmp_path):
    package = Path(tiny.outdir) / "outbound-oss-course-scorm12.zip"
    here, _ = sco_questions(package)
    first = here[0]
    cmi = play(package, tmp_path / "half", {first["field"]: first["key"]})["record"]["cmi"]
    assert cmi["core"]["lesson_status"] == "incomplete"
    assert [i["result"] for i in cmi["interactions"].values()] == ["correct"]


@pytest.mark.browser
def test_without_an_lms_a_module_works_as_the_html_course_does(tiny, tmp_path):
    """Opened with no LMS around it, the launch page still shows the lessons and their checks answer."""
    package = Path(tiny.outdir) / "outbound-oss-course-scorm12.zip"
    here, total = sco_questions(package)
    with zipfile.ZipFile(package) as archive:
        archive.extractall(tmp_path)
    errors: list[str] = []
    with serve(tmp_path) as base, browser_page() as page:
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{base}/{scorm_manifest(package)[0].find(f'{CP_SCORM}resources/{CP_SCORM}resource').get('href')}")
        lesson = page.frame_locator("iframe.cw-sco-lesson")
        lesson.locator(f'input[name="{here[0]["field"]}"][value="{here[0]["key"]}"]').check()
        assert lesson.locator(".cw-feedback.cw-right").first.is_visible()
        assert f"1 of {total} questions answered, 1 right" in page.locator(".cw-sco-status").text_content()
    assert not errors, errors


# -- the course -------------------------------------------------------------------------------


def course_questions(course) -> list[tuple[str, list[str], int]]:
    return expected(course.doctree, course.lessons())


def test_the_course_exports_every_question_to_gift_and_qti(course):
    questions = course_questions(course)
    assert len(questions) > 20
    lms = course.settings.lms
    check_gift(course.out("lms") / f"{lms.identifier}.gift.txt", questions)
    check_qti(course.out("lms") / f"{lms.identifier}-qti21.zip", questions)


def test_the_course_is_a_scorm_package_with_a_sco_per_module(course):
    from courseware.lms.items import course_modules

    lms = course.settings.lms
    check_scorm(course.out("lms") / f"{lms.identifier}-scorm12.zip", modules=len(course_modules(course.env)))


@pytest.mark.browser
def test_every_sco_of_the_course_loads_from_the_package_alone(course, tmp_path):
    """Each module's launch page and its lessons load with every request answered inside the package."""
    package = course.out("lms") / f"{course.settings.lms.identifier}-scorm12.zip"
    with zipfile.ZipFile(package) as archive:
        archive.extractall(tmp_path)
    manifest, _ = scorm_manifest(package)
    launches = [r.get("href") for r in manifest.iter(f"{CP_SCORM}resource") if r.get(f"{ADLCP}scormtype") == "sco"]
    failed: list[str] = []
    with serve(tmp_path) as base, browser_page() as page:
        page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
        for launch in launches:
            page.goto(f"{base}/{launch}")
            for link in page.locator(".cw-sco-bar nav a").all():
                link.click()
                page.wait_for_load_state("load")
        assert not remote(page.requests), remote(page.requests)
    assert not failed, f"requests the package does not answer: {failed[:5]}"

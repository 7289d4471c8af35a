# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The analytics lesson's data, its answer key and its charts.

- extraction from git is deterministic and pseudonymises (a tiny repository
  made here, with known commits);
- the committed data holds no names, addresses or hashes, and the synthetic
  data set is what its generator makes;
- the exercise's answer key is what the data gives, computed here a second way;
- a chart is the same bytes for the same data, and changes with the data;
- a tiny course with a ``chart`` builds in the HTML course, the decks and the
  handouts, and an edit of its data redraws the chart on the next build.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from coursetools import analytics
from courseware.charts import Style, call, render

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DATA = ROOT / "source" / "module3" / "data"
CHARTS = DATA / "charts.py"
FONTS = tuple(str(p) for p in sorted((ROOT / "branding" / "fonts").glob("*.ttf")))
MIRROR = Path("/work/.mirror/todogroup+outbound-oss/repo")


# -- a tiny repository with known commits ---------------------------------------------

PEOPLE = {
    "ann": ("Ann Quillfeather", "ann.quillfeather@sap.com"),
    "bob": ("Bob Marrowby (he/him)", "bob.marrowby@gmail.com"),
    "bob2": ("Bob Marrowby", "12345+bmarrowby@users.noreply.github.com"),
    "cat": ("Cat Tillwright", "cat.tillwright@de.bosch-si.com"),
}


def _git(repo: Path, *args: str, who: str = "ann", when: str = "2021-03-04T10:00:00+01:00") -> None:
    name, email = PEOPLE[who]
    env = {**os.environ, "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email, "GIT_AUTHOR_DATE": when,
           "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email, "GIT_COMMITTER_DATE": when,
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


def _commit(repo: Path, name: str, text: str, who: str, when: str) -> None:
    (repo / name).write_text(text)
    _git(repo, "add", name, who=who, when=when)
    _git(repo, "commit", "-q", "-m", f"Change {name}", who=who, when=when)


@pytest.fixture
def tiny_repo(tmp_path) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    _commit(repo, "a.md", "one\ntwo\n", "ann", "2021-03-04T10:00:00+01:00")
    _commit(repo, "b.md", "three\n", "bob", "2021-05-01T23:30:00-07:00")  # 2021-05-02 in UTC
    _git(repo, "checkout", "-q", "-b", "topic", who="bob")
    _commit(repo, "c.md", "four\nfive\nsix\n", "bob2", "2021-07-01T09:00:00+00:00")
    _git(repo, "checkout", "-q", "main", who="ann")
    _commit(repo, "a.md", "one\n", "cat", "2021-08-01T09:00:00+00:00")
    _git(repo, "merge", "-q", "--no-ff", "-m", "Merge topic", "topic", who="ann", when="2021-09-01T09:00:00+00:00")
    (repo / "logo.bin").write_bytes(bytes(range(256)))
    _git(repo, "add", "logo.bin", who="ann", when="2021-10-01T09:00:00+00:00")
    _git(repo, "commit", "-q", "-m", "Add a binary", who="ann", when="2021-10-01T09:00:00+00:00")
    return repo


def test_extraction_gives_known_rows_and_the_same_bytes_twice(tiny_repo):
    first = analytics.extract(tiny_repo, url="https://example.org/tiny")
    assert first == analytics.extract(tiny_repo, url="https://example.org/tiny")
    rows = [line for line in first.splitlines() if not line.startswith("#")]
    assert rows == [
        "date,contributor,organisation,files_changed,lines_added,lines_removed,merge",
        "2021-03-04,Contributor 01,SAP,1,2,0,no",
        "2021-05-02,Contributor 02,Independent or unknown,1,1,0,no",
        "2021-07-01,Contributor 02,Independent or unknown,1,3,0,no",  # same person: name without "(he/him)"
        "2021-08-01,Contributor 03,Bosch,1,0,1,no",  # a subdomain maps like its parent
        "2021-09-01,Contributor 01,SAP,0,0,0,yes",
        "2021-10-01,Contributor 01,SAP,1,0,0,no",  # a binary file: changed, no lines
    ]
    assert "https://example.org/tiny" in first and "2021-03-04 to 2021-10-01" in first


def test_pseudonymisation_leaves_no_names_addresses_or_hashes(tiny_repo):
    text = analytics.extract(tiny_repo, url="https://example.org/tiny")
    head = subprocess.run(["git", "-C", str(tiny_repo), "rev-parse", "HEAD"], capture_output=True, text=True,
                          check=True).stdout.strip()
    shas = subprocess.run(["git", "-C", str(tiny_repo), "log", "--format=%H"], capture_output=True, text=True,
                          check=True).stdout.split()
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    for name, email in PEOPLE.values():
        for word in [*name.replace("(", " ").replace(")", " ").split(), email, email.split("@")[0]]:
            if len(word) > 3:
                assert word.lower() not in text.lower(), word
    assert "@" not in body
    for sha in shas:
        assert sha[:7] not in body
    assert head in text.splitlines()[0]  # the source commit is named in the header only


def test_the_committed_data_holds_labels_not_people():
    text = (DATA / "outbound-oss-commits.csv").read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    rows = analytics.read_csv(DATA / "outbound-oss-commits.csv")
    assert "https://github.com/todogroup/outbound-oss" in header[0] and "Pseudonymised" in "\n".join(header)
    assert "@" not in text
    assert all(re.fullmatch(r"Contributor \d\d", r["contributor"]) for r in rows)
    assert {r["organisation"] for r in rows} <= set(analytics.ORGANISATIONS.values()) | {analytics.INDEPENDENT}
    assert not any(re.search(r"\b[0-9a-f]{7,40}\b", line) for line in text.splitlines()[len(header):])
    labels = [r["contributor"] for r in rows]
    assert sorted(set(labels), key=labels.index) == sorted(set(labels))  # numbered in order of first commit


@pytest.mark.skipif(not MIRROR.is_dir(), reason="the guide's repository is not mirrored on this machine")
def test_the_committed_data_is_what_the_extractor_gives():
    committed = (DATA / "outbound-oss-commits.csv").read_text(encoding="utf-8")
    revision = re.search(r"from commit ([0-9a-f]{40})", committed).group(1)
    assert committed == analytics.extract(MIRROR, url="https://github.com/todogroup/outbound-oss", revision=revision)


def test_the_synthetic_data_is_what_its_generator_makes_and_says_so():
    text = (DATA / "waybill-synthetic.csv").read_text(encoding="utf-8")
    assert text == analytics.synthetic_waybill_csv()
    assert text.startswith("# SYNTHETIC DATA")


# -- the measures and the answer key ----------------------------------------------------


def test_elephant_factor_follows_chaoss_worked_examples():
    # CHAOSS: eight organisations at 12.5 % each give 4; the listed counts give 2.
    assert analytics.elephant_factor({f"o{i}": 1 for i in range(8)}, exclude=()) == 4
    counts = dict(zip("abcdefgh", (1000, 202, 90, 33, 332, 343, 42, 433)))
    assert analytics.elephant_factor(counts, exclude=()) == 2
    # Contributions without a known organisation count in the total, never as an organisation.
    assert analytics.elephant_factor({"A": 3, analytics.INDEPENDENT: 6, "B": 2}) is None
    assert analytics.elephant_factor({"A": 4, analytics.INDEPENDENT: 5, "B": 1}) == 2


def _by_year() -> dict[str, dict[str, Counter]]:
    """Commits per organisation and per contributor per year, merge commits left out, read plainly."""
    years: dict[str, dict[str, Counter]] = {}
    with open(DATA / "outbound-oss-commits.csv", encoding="utf-8") as f:
        for row in csv.DictReader(line for line in f if not line.startswith("#")):
            if row["merge"] == "no":
                year = years.setdefault(row["date"][:4], {"org": Counter(), "person": Counter()})
                year["org"][row["organisation"]] += 1
                year["person"][row["contributor"]] += 1
    return years


def test_the_answer_key_is_what_the_data_gives():
    key, _ = call(CHARTS, "exercise_key")
    table = {row[0]: row[1:] for row in key}
    years = _by_year()
    for column, year in enumerate(("2021", "2022")):
        orgs, people = years[year]["org"], years[year]["person"]
        total = sum(orgs.values())
        assert table["Commits"][column] == str(total)
        running, factor = 0, None
        named = sorted((n for o, n in orgs.items() if o != analytics.INDEPENDENT), reverse=True)
        for k, count in enumerate(named, 1):
            running += count
            if 2 * running >= total:  # CHAOSS: add the largest until half of all commits is reached
                factor = k
                break
        assert table["Elephant factor"][column] == str(factor)
        top, top_count = people.most_common(1)[0]
        assert table["Largest contributor's share"][column] == \
            f"{top}: {top_count} of {total} = {round(100 * top_count / total)} %"
        assert table["Contributors with at least one commit"][column] == str(len(people))
    # What the solution's prose says about the trend holds.
    assert table["Elephant factor"][2] == "none"
    assert table["Largest contributor's share"][2].startswith("-")


def test_the_printed_table_sums_to_the_key():
    printed, _ = call(CHARTS, "exercise_table")
    key, _ = call(CHARTS, "exercise_key")
    totals = printed[-1]
    assert totals[0] == "All contributors"
    body = printed[1:-1]
    for column in (2, 3):
        assert sum(int(r[column]) for r in body) == int(totals[column])
    assert totals[2:] == key[1][1:3]
    assert len(body) <= 10  # small enough to work through by hand


# -- charts ---------------------------------------------------------------------------------

STYLE = Style(font_files=FONTS)
CHARTS_DRAWN = ("commits_by_organisation", "concentration_by_half_year", "waybill_first_year")


@pytest.mark.parametrize("function", CHARTS_DRAWN)
def test_a_chart_is_the_same_bytes_for_the_same_data(function):
    from courseware.charts import _draw  # drawn twice, not once and then taken from the cache

    svg, read = _draw(CHARTS, function, STYLE, "A chart.")
    again, _ = _draw(CHARTS, function, STYLE, "A chart.")
    assert svg == again
    assert b"<title>A chart.</title>" in svg
    assert b"<dc:date>" not in svg and b"<text" not in svg  # no date; text drawn as paths
    assert read and all(p.parent == DATA for p in read)


def test_a_chart_is_the_same_bytes_in_another_process(tmp_path):
    """Two processes draw it, each with a cache of its own (so that neither reads the other's drawing)."""
    script = (
        "import sys; from pathlib import Path; from courseware.charts import Style, render;"
        f"svg, _ = render(Path({str(CHARTS)!r}), 'commits_by_organisation', Style(font_files={FONTS!r}), 'A');"
        "sys.stdout.buffer.write(svg)"
    )
    outputs = [
        subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed, "COURSEWARE_CACHE": str(tmp_path / seed)}).stdout
        for seed in ("1", "2")
    ]
    assert outputs[0] == outputs[1] and outputs[0].startswith(b"<?xml")
    assert all(any((tmp_path / seed / "charts").iterdir()) for seed in ("1", "2"))  # each drew and kept it


def test_a_chart_changes_when_its_data_changes(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before, _ = render(copy / "charts.py", "commits_by_organisation", STYLE)
    path = copy / "outbound-oss-commits.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if ",SAP," in line and line.endswith(",no\n"))
    lines[index] = lines[index].replace(",SAP,", ",Deutsche Bahn,")
    path.write_text("".join(lines), encoding="utf-8")
    after, _ = render(copy / "charts.py", "commits_by_organisation", STYLE)
    assert before != after
    assert render(copy / "charts.py", "commits_by_organisation", STYLE)[0] == after


# -- a tiny course with a chart, through every builder -------------------------------

CONF = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_revealjs", "courseware"]
myst_enable_extensions = ["colon_fence"]
bibtex_bibfiles = ["refs.bib"]
exclude_patterns = ["_build"]
courseware_handouts = [("index", "tiny.pdf", "Tiny", "learner")]
courseware_fonts_path = {str(ROOT / "branding" / "fonts")!r}
"""

TINY_CHARTS = '''
def bars(data, style):
    rows = data.rows("numbers.csv")
    figure, ax = style.figure(height=3)
    ax.bar([r["label"] for r in rows], [int(r["value"]) for r in rows], **style.fills[0])
    return figure


def total(data):
    return sum(int(r["value"]) for r in data.rows("numbers.csv"))


def table(data):
    return [["Label", "Value"], *([r["label"], r["value"]] for r in data.rows("numbers.csv"))]
'''

PAGE = """---
duration: 10
---

# Tiny

:::{objectives}
- Explain three numbers.
:::

## Numbers

The numbers add up to {chart-value}`data/charts.py:total`.

```{chart} data/charts.py:bars
:alt: Three bars; the middle one is the tallest.
:caption: Three numbers.
```

:::{slide}
```{chart} data/charts.py:bars
:alt: Three bars; the middle one is the tallest.
```
:::

```{chart-table} data/charts.py:table
```
"""


def _build(project: Path, builder: str) -> subprocess.CompletedProcess:
    """Build the tiny course. It is a lesson far from the teaching standard, so the standard's
    warnings are expected; every other warning is returned as a failure."""
    result = subprocess.run(
        [str(BIN / "sphinx-build"), "-b", builder, "--keep-going", "-q", "-d", "_build/doctrees/" + builder,
         ".", "_build/" + builder],
        cwd=project, capture_output=True, text=True, env={**os.environ, "SOURCE_DATE_EPOCH": "1767225600"},
    )
    other = [line for line in result.stderr.splitlines()
             if "WARNING" in line and "[courseware.standard]" not in line or "Error" in line]
    return subprocess.CompletedProcess(result.args, result.returncode or len(other), result.stdout, "\n".join(other))


@pytest.fixture
def tiny_course(tmp_path) -> Path:
    (tmp_path / "conf.py").write_text(CONF)
    (tmp_path / "refs.bib").write_text("@misc{known, title = {A source}, url = {https://example.org/}}\n")
    (tmp_path / "index.md").write_text(PAGE)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "charts.py").write_text(TINY_CHARTS)
    (tmp_path / "data" / "numbers.csv").write_text("# Made up.\nlabel,value\nA,2\nB,5\nC,3\n")
    return tmp_path


def test_a_chart_reaches_the_html_course_and_is_redrawn_when_its_data_changes(tiny_course):
    result = _build(tiny_course, "html")
    assert result.returncode == 0, result.stderr
    html = (tiny_course / "_build/html/index.html").read_text()
    images = re.findall(r'<img[^>]*src="(_images/bars-[0-9a-f]+\.svg)"[^>]*>', html)
    assert images and 'alt="Three bars; the middle one is the tallest."' in html
    assert "add up to 10" in html and "<td><p>B</p></td>" in html.replace("\n", "")
    assert not (tiny_course / "data" / "_charts").exists() and not list(tiny_course.glob("*.svg"))
    first = (tiny_course / "_build/html" / images[0]).read_bytes()
    (tiny_course / "data" / "numbers.csv").write_text("# Made up.\nlabel,value\nA,2\nB,5\nC,9\n")
    result = _build(tiny_course, "html")
    assert result.returncode == 0, result.stderr
    html = (tiny_course / "_build/html/index.html").read_text()
    redrawn = re.findall(r'src="(_images/bars-[0-9a-f]+\.svg)"', html)
    assert "add up to 16" in html
    assert redrawn[0] != images[0] and (tiny_course / "_build/html" / redrawn[0]).read_bytes() != first


def test_a_chart_reaches_the_deck_once_per_section(tiny_course):
    result = _build(tiny_course, "revealjs")
    assert result.returncode == 0, result.stderr
    deck = (tiny_course / "_build/revealjs/index.html").read_text()
    images = re.findall(r'<img[^>]*src="(_images/bars-slide-[0-9a-f]+\.svg)"', deck)  # drawn for the slide
    assert len(images) == 1, "the slide block shows the chart; the prose chart gets no second slide"
    assert (tiny_course / "_build/revealjs" / images[0]).is_file()


def test_a_chart_reaches_the_handouts(tiny_course):
    result = _build(tiny_course, "handouts")
    assert result.returncode == 0, result.stderr
    out = tiny_course / "_build/handouts"
    markup = (out / "tiny.typ").read_text()
    images = re.findall(r'cw-image\("/(_images/bars-[0-9a-f]+\.svg)"', markup)
    assert len(images) == 1 and (out / images[0]).is_file()  # the slide block is left out of print
    assert (out / "tiny.pdf").stat().st_size > 0


def test_what_the_lesson_says_about_the_data_holds():
    """The lesson's prose and alt texts describe the data; if the data changes, they must be rewritten."""
    rows = analytics.read_rows(DATA / "outbound-oss-commits.csv")
    authored = [r for r in rows if not r.merge]
    halves = analytics.by_period(authored, analytics.half_year)
    named = {p: sorted(((n, o) for o, n in c.items() if o != analytics.INDEPENDENT), reverse=True)
             for p, c in halves.items()}
    totals = {p: sum(c.values()) for p, c in halves.items()}
    two = [round(100 * sum(n for n, _ in named[p][:2]) / totals[p]) for p in halves]
    largest = [100 * named[p][0][0] / totals[p] for p in halves]
    assert min(two) == 54 and max(two) == 71  # "from 54 to 71 percent", so the factor never rose above two
    assert all(analytics.elephant_factor(c) <= 2 for c in halves.values())
    assert all(32 <= share < 55 for share in largest)  # "between about a third and just over half"
    leaders = [named[p][0][1] for p in halves]
    assert all(a != b for a, b in zip(leaders, leaders[1:]))  # the largest changed every half-year
    last = list(halves)[-1]
    assert largest[-1] >= 50 and totals[last] < totals[list(halves)[-2]]
    overall = analytics.count_by(rows, "organisation")
    assert overall[analytics.INDEPENDENT] > sum(overall.values()) / 3  # "more than a third"
    people = {}
    for r in rows:
        people.setdefault(r.organisation, set()).add(r.contributor)
    assert all(len(p) == 1 for o, p in people.items() if o != analytics.INDEPENDENT)  # "one person" each
    with_merges = analytics.count_by(rows, "organisation", merges=True)
    assert analytics.top_share(overall)[0] == analytics.top_share(with_merges)[0]
    waybill = analytics.read_csv(DATA / "waybill-synthetic.csv")
    active = Counter()
    for r in waybill:
        if r["group"] == "outside":
            active[(int(r["month"]), r["author"])] += 1
    per_month = Counter(month for month, _ in active)
    assert per_month[1] == 1 and 15 <= max(per_month.values()) <= 25  # "from one to about twenty a month"


def test_a_drawing_is_kept_until_a_file_it_read_changes(tmp_path, monkeypatch):
    """``charts.render`` keeps each drawing on the machine (``courseware/cache.py``): drawn once for the same
    module, function, style and data, drawn again when a data file it read changes."""
    from courseware import charts

    monkeypatch.setenv("COURSEWARE_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "values.csv").write_text("label,count\na,1\nb,2\n", encoding="utf-8")
    (folder / "charts.py").write_text(
        "def bars(data, style):\n"
        "    rows = data.rows('values.csv')\n"
        "    figure, axes = style.figure(height=2)\n"
        "    axes.bar([r['label'] for r in rows], [int(r['count']) for r in rows], color=style.primary)\n"
        "    return figure\n", encoding="utf-8")
    drawn = []
    draw = charts._draw
    monkeypatch.setattr(charts, "_draw", lambda *args: drawn.append(args) or draw(*args))
    first, read = render(folder / "charts.py", "bars", Style(), "Two bars")
    again, _ = render(folder / "charts.py", "bars", Style(), "Two bars")
    assert first == again and len(drawn) == 1 and read == [(folder / "values.csv").resolve()]
    copy = shutil.copytree(folder, tmp_path / "copy")  # a copy of the course: the same drawing, its own files
    assert render(copy / "charts.py", "bars", Style(), "Two bars") == (first, [(copy / "values.csv").resolve()])
    assert len(drawn) == 1
    (folder / "values.csv").write_text("label,count\na,1\nb,5\n", encoding="utf-8")
    changed, _ = render(folder / "charts.py", "bars", Style(), "Two bars")
    assert len(drawn) == 2 and changed != first
    render(folder / "charts.py", "bars", Style(primary="#8b1a1a"), "Two bars")  # another brand: drawn again
    assert len(drawn) == 3

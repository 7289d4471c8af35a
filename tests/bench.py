# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""make bench: how long the builds take and how big the outputs are. Prints figures; asserts nothing.

On copies of the repository (with this virtual environment), in one run:

1. the cold HTML build alone (``make html``) and the cold ``make`` (every output), venv warm, in turn,
   three times each (medians: the machine's speed drifts by a fifth within minutes);
2. ``make`` again with nothing changed;
3. one word added to one lesson, then ``make`` on the copy with every output and ``make html`` on the
   copy with the HTML alone (the same edit on both), three times;
4. each output's share of a cold build (the three builds one after another, timed one by one);
5. Typst alone: every PDF's markup compiled again in this process, one at a time, in CPU seconds
   and pages a second;
6. where TeX is installed (latexmk, xelatex, rsvg-convert), the facilitator guide through the
   handouts builder against Sphinx's own LaTeX path (latex builder + latexmk -xelatex) on the same
   document, runs alternating, as a ratio;
7. pages and size of every PDF, size of the decks;
8. the test commands on this checkout: ``make check`` and ``make test``.

Goals (issue #20): cold make <= 2.5 x cold HTML; after a one-word edit, make <= 2.5 x make html;
make with nothing changed <= 0.5 x cold HTML; the handouts builder <= 0.3 x the LaTeX path.
Goals (issue #22): make check under a minute, make test at most 6 minutes.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.conftest import ROOT, copy_repository  # noqa: E402

ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}
RUNS = 3


def run(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return time.perf_counter() - start


def stop_compiler(root: Path) -> None:
    """Stop the compile server of a copy's handouts: its socket is named after the copy's Python, not this one."""
    subprocess.run([str(root / ".venv/bin/python"), "-c", "import sys; from pathlib import Path; "
                    "from courseware.handouts import compile_server; compile_server.stop(Path(sys.argv[1]))",
                    str(root / "_build/handouts")], cwd=root, check=True)


def cold(root: Path, command: list[str]) -> float:
    """``command`` on a copy with no output folder and no compile server (one would remember its PDFs)."""
    stop_compiler(root)
    shutil.rmtree(root / "_build", ignore_errors=True)
    return run(command, root)


def spread(runs: list[float]) -> str:
    return f"({min(runs):.1f} to {max(runs):.1f})"


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def edit_a_lesson(root: Path, word: str) -> Path:
    """Add one word to the first paragraph of prose of the course's first module lesson."""
    lesson = next(p for p in sorted((root / "source").glob("module*/*.md")) if "duration:" in p.read_text())
    text = lesson.read_text(encoding="utf-8")
    match = re.search(r"\n\n([A-Z][^\n]*?)\.\s", text.split("## ", 2)[1])  # a paragraph's first sentence
    assert match, lesson
    sentence = match.group(1)
    lesson.write_text(text.replace(sentence + ".", f"{sentence} {word}.", 1), encoding="utf-8")
    return lesson


def latex_available() -> bool:
    return bool(shutil.which("latexmk") and shutil.which("xelatex") and shutil.which("rsvg-convert"))


#: The same document both ways; LaTeX gets the figures as PDF through rsvg-convert, as a LaTeX user would.
LATEX_CONF = '''
courseware_handouts = [("index", "bench.pdf", "Bench", "facilitator")]
latex_engine = "xelatex"
latex_use_xindy = False
latex_documents = [("index", "bench.tex", project, author, "manual")]
# citations in figure captions: hyperref's \\hyperlink must survive LaTeX's moving arguments
latex_elements = {"preamble": r"\\usepackage{etoolbox}\\AtBeginDocument{\\robustify\\hyperlink}"}

from sphinx.transforms.post_transforms.images import ImageConverter


class SvgToPdf(ImageConverter):
    conversion_rules = [("image/svg+xml", "application/pdf")]

    def is_available(self):
        return True

    def convert(self, source, target):
        import subprocess

        subprocess.run(["rsvg-convert", "-f", "pdf", "-o", target, source], check=True)
        return True


def setup(app):
    app.add_post_transform(SvgToPdf)
'''



def compare_with_latex(root: Path) -> None:
    """The facilitator guide through the handouts builder and through latex + latexmk, alternating; and
    the reading both share (the dummy builder), to tell the print step's ratio from the whole path's."""
    conf = root / "conf.py"
    conf.write_text(conf.read_text() + LATEX_CONF)
    sphinx = str(Path(sys.executable).parent / "sphinx-build")
    ours, theirs, reading = [], [], []
    for _ in range(RUNS):
        for output in ("handouts-bench", "latex-bench", "dummy-bench", "doctrees-bench"):
            shutil.rmtree(root / "_build" / output, ignore_errors=True)
        ours.append(run([sphinx, "-b", "handouts", "-j", "auto", "-q", "-c", ".", "-d", "_build/doctrees-bench/h",
                         "source", "_build/handouts-bench"], root))
        theirs.append(run([sphinx, "-b", "latex", "-j", "auto", "-q", "-c", ".", "-d", "_build/doctrees-bench/l",
                           "source", "_build/latex-bench"], root)
                      + run(["latexmk", "-xelatex", "-interaction=nonstopmode", "-halt-on-error", "bench.tex"],
                            root / "_build" / "latex-bench"))
        reading.append(run([sphinx, "-b", "dummy", "-j", "auto", "-q", "-c", ".", "-d", "_build/doctrees-bench/d",
                            "source", "_build/dummy-bench"], root))
    a, b, r = statistics.median(ours), statistics.median(theirs), statistics.median(reading)
    print(f"{'handouts builder (median of ' + str(RUNS) + ')':<44} {a:>7.1f} s")
    print(f"{'latex + latexmk -xelatex (median of ' + str(RUNS) + ')':<44} {b:>7.1f} s")
    print(f"{'ratio handouts / LaTeX path':<44} {a / b:>7.2f}     (goal <= 0.30)")
    print(f"{'  reading the course, which both do':<44} {r:>7.1f} s   the ratio cannot go below {r / b:.2f}")
    print(f"{'  the print step alone, handouts / LaTeX':<44} {(a - r) / (b - r):>7.2f}     "
          f"({a - r:.1f} s against {b - r:.1f} s)")


def typst_alone(root: Path) -> None:
    """Compile every PDF's markup again in this process, one at a time: Typst's own cost."""
    import typst  # imported once, outside the timings
    from pypdf import PdfReader

    from courseware.handouts.pdf import PDF_STANDARDS

    out = root / "_build/handouts"
    seconds = pages = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for source in sorted(out.glob("*.typ")):
            target = Path(tmp) / source.with_suffix(".pdf").name
            start = time.process_time()
            typst.compile(str(source), output=str(target), root=str(out), font_paths=[str(root / "branding/fonts")],
                          ignore_system_fonts=True, pdf_standards=PDF_STANDARDS,
                          timestamp=int(ENV["SOURCE_DATE_EPOCH"]))
            seconds += time.process_time() - start
            pages += len(PdfReader(target).pages)
    print(f"{'Typst alone, every PDF (CPU seconds)':<44} {seconds:>7.1f}     "
          f"{pages:.0f} pages, {pages / seconds:.0f} pages/s")


def shares(root: Path) -> None:
    """Each output's cold build, one after another, and its share of their sum."""
    sphinx = str(Path(sys.executable).parent / "sphinx-build")
    options = ["-W", "--keep-going", "-n", "-q", "-c", "."]
    builds = {
        "HTML course": [sphinx, "-b", "html", "-j", "auto", *options, "-d", "_build/doctrees/course", "source",
                        "_build/html"],
        "decks": [sphinx, "-b", "revealjs", *options, "-d", "_build/doctrees/slides", "source",
                  "_build/slides"],
        "PDF handouts": [sphinx, "-b", "handouts", "-j", "auto", *options, "-d", "_build/doctrees/course",
                         "source", "_build/handouts"],
    }
    times = {name: run(command, root) for name, command in builds.items()}
    total = sum(times.values())
    for name, seconds in times.items():
        print(f"{'  ' + name + ' (cold, alone)':<44} {seconds:>7.1f}     {seconds / total:.0%} of the three")


def main() -> None:
    make = ["make", "--no-print-directory"]
    with tempfile.TemporaryDirectory() as tmp:
        html_only, every, alone = (copy_repository(Path(tmp) / name) for name in ("html", "every", "alone"))
        for root in (html_only, every, alone):
            (root / ".venv").symlink_to(ROOT / ".venv")
        print(f"{'measure (median of ' + str(RUNS) + ' runs in turn, lowest to highest)':<60} {'seconds':>9}")
        html_runs, make_runs = [], []
        for _ in range(RUNS):  # cold: no output folder, no compile server
            html_runs.append(cold(html_only, [*make, "html"]))
            make_runs.append(cold(every, make))
        html_cold, cold_make = statistics.median(html_runs), statistics.median(make_runs)
        print(f"{'cold make html':<44} {html_cold:>7.1f}     {spread(html_runs)}")
        print(f"{'cold make (venv warm)':<44} {cold_make:>7.1f}     {cold_make / html_cold:.1f} x cold HTML "
              f"(goal <= 2.5)   {spread(make_runs)}")
        idle = run(make, every)
        print(f"{'make, nothing changed':<44} {idle:>7.1f}     {idle / html_cold:.2f} x cold HTML (goal <= 0.5)")
        html_edits, make_edits = [], []
        for word in ("indeed", "truly", "really", "surely", "plainly")[:RUNS]:  # the same word added on both copies
            lesson = edit_a_lesson(every, word)
            edit_a_lesson(html_only, word)
            make_edits.append(run(make, every))
            html_edits.append(run([*make, "html"], html_only))
        edited, edited_html = statistics.median(make_edits), statistics.median(html_edits)
        print(f"{'one word added, make html (' + lesson.stem + ')':<44} {edited_html:>7.1f}     {spread(html_edits)}")
        print(f"{'one word added, make':<44} {edited:>7.1f}     {edited / edited_html:.1f} x make html "
              f"(goal <= 2.5)   {spread(make_edits)}")
        print()
        shares(alone)
        print()
        typst_alone(every)
        print()
        from pypdf import PdfReader

        for pdf in sorted((every / "_build/handouts").glob("*.pdf")):
            pages = len(PdfReader(pdf).pages)
            print(f"{pdf.name:<44} {pages:>4} pages {pdf.stat().st_size // 1024:>6} KiB")
        decks = [p for p in (every / "_build/slides").rglob("*.html") if "_static" not in p.parts]
        print(f"{'decks':<44} {len(decks):>4} decks, reveal.js and assets "
              f"{size(every / '_build/slides/_static') // 1024} KiB")
        print()
        if latex_available():
            compare_with_latex(alone)
        else:
            print("handouts vs the LaTeX path: skipped, TeX is not installed here (apt-get install latexmk "
                  "texlive-xetex texlive-latex-extra texlive-fonts-recommended fonts-freefont-otf librsvg2-bin)")
        print()
        for root in (html_only, every, alone):
            stop_compiler(root)  # the copies go; so do their compilers
        test_suite()


def test_suite() -> None:
    """The two test commands on this checkout, as a contributor runs them (issue #22's goals)."""
    make = ["make", "--no-print-directory"]
    check = run([*make, "check"], ROOT)
    print(f"{'make check':<44} {check:>7.1f}     (goal < 60)")
    everything = run([*make, "test"], ROOT)
    print(f"{'make test':<44} {everything:>7.1f}     {everything / 60:.1f} min (goal <= 6)")


if __name__ == "__main__":
    main()

# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""make bench: how long the builds take and how big the outputs are. Prints figures; asserts nothing.

On a copy of the repository (with this virtual environment):

1. cold ``make`` (every output from nothing, the virtual environment warm);
2. one lesson's text edited, then ``make`` again (what an author waits for);
3. where TeX is installed (latexmk and xelatex), the handouts builder
   against Sphinx's own LaTeX path (latex builder + latexmk -xelatex) on
   the same document, runs alternating, as a ratio;
4. pages and size of every PDF, size of the decks;
5. WeasyPrint's share: every PDF rendered again, one after another in one
   process (the build's own ``render_pdf``), in CPU seconds: the floor of
   the print stage on this machine, whatever the pipeline around it.

Goals on a 2-core machine: cold make <= 15 s, one-lesson edit <= 6 s,
handouts <= 0.8 x the LaTeX path.
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


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def edit_a_lesson(root: Path) -> Path:
    """Add a sentence to the first paragraph of prose of the course's first module lesson."""
    lesson = next(p for p in sorted((root / "source").glob("module*/*.md")) if "duration:" in p.read_text())
    text = lesson.read_text(encoding="utf-8")
    match = re.search(r"\n\n([A-Z][^\n]+\n)", text.split("## ", 2)[1])
    assert match, lesson
    paragraph = match.group(1)
    lesson.write_text(text.replace(paragraph, paragraph.rstrip("\n") + " This sentence is new.\n", 1), encoding="utf-8")
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
    """The facilitator guide through the handouts builder and through latex + latexmk, alternating."""
    conf = root / "conf.py"
    conf.write_text(conf.read_text() + LATEX_CONF)
    sphinx = str(Path(sys.executable).parent / "sphinx-build")
    ours, theirs = [], []
    for _ in range(RUNS):
        for output in ("handouts-bench", "latex-bench", "doctrees-bench"):
            shutil.rmtree(root / "_build" / output, ignore_errors=True)
        ours.append(run([sphinx, "-b", "handouts", "-j", "auto", "-q", "-c", ".", "-d", "_build/doctrees-bench/h",
                         "source", "_build/handouts-bench"], root))
        theirs.append(run([sphinx, "-b", "latex", "-q", "-c", ".", "-d", "_build/doctrees-bench/l",
                           "source", "_build/latex-bench"], root)
                      + run(["latexmk", "-xelatex", "-interaction=nonstopmode", "-halt-on-error", "bench.tex"],
                            root / "_build" / "latex-bench"))
    a, b = statistics.median(ours), statistics.median(theirs)
    print(f"{'handouts builder (median of ' + str(RUNS) + ')':<44} {a:>7.1f} s")
    print(f"{'latex + latexmk -xelatex (median of ' + str(RUNS) + ')':<44} {b:>7.1f} s")
    print(f"{'ratio handouts / LaTeX path':<44} {a / b:>7.2f}   (goal <= 0.80)")


def weasyprint_alone(root: Path) -> None:
    """Render every PDF's HTML again in this process, one at a time: WeasyPrint's own cost."""
    from pypdf import PdfReader

    from courseware.config import read_settings
    from courseware.handouts.pdf import render_pdf

    out = root / "_build/handouts"
    stylesheet = root / read_settings(root).handouts_path / "handout.css"
    import weasyprint  # noqa: F401  (imported once, outside the timings)

    seconds = pages = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for html in sorted(out.glob("*.html")):
            target = Path(tmp) / html.with_suffix(".pdf").name
            start = time.process_time()
            render_pdf(html.read_text(encoding="utf-8"), str(out) + "/", str(target), str(stylesheet))
            seconds += time.process_time() - start
            pages += len(PdfReader(target).pages)
    cores = os.cpu_count() or 1
    print(f"{'WeasyPrint alone, every PDF (CPU seconds)':<44} {seconds:>7.1f}     "
          f"{pages:.0f} pages, {pages / seconds:.1f} pages/s; on {cores} cores at least {seconds / cores:.1f} s")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = copy_repository(Path(tmp))
        (root / ".venv").symlink_to(ROOT / ".venv")
        make = ["make", "--no-print-directory"]
        print(f"{'measure':<44} {'seconds':>9}")
        cold = run(make, root)
        print(f"{'cold make (venv warm)':<44} {cold:>7.1f}     (goal <= 15)")
        lesson = edit_a_lesson(root)
        edit = run(make, root)
        print(f"{'one lesson edited, every output (' + lesson.stem + ')':<44} {edit:>7.1f}     (goal <= 6)")
        print()
        for pdf in sorted((root / "_build/handouts").glob("*.pdf")):
            from pypdf import PdfReader

            pages = len(PdfReader(pdf).pages)
            print(f"{pdf.name:<44} {pages:>4} pages {pdf.stat().st_size // 1024:>6} KiB")
        decks = [p for p in (root / "_build/slides").rglob("*.html") if "_static" not in p.parts]
        print(f"{'decks':<44} {len(decks):>4} decks, reveal.js and assets "
              f"{size(root / '_build/slides/_static') // 1024} KiB")
        print()
        weasyprint_alone(root)
        print()
        if latex_available():
            compare_with_latex(root)
        else:
            print("handouts vs the LaTeX path: skipped, TeX is not installed here "
                  "(apt-get install latexmk texlive-xetex texlive-latex-extra fonts-freefont-otf to measure it)")


if __name__ == "__main__":
    main()

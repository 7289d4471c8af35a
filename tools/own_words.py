#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Find course text that repeats the TODO Group's outbound guide, or rewords it too closely.

The course explains the guide in its own words. Two checks, on every ``.md``
file given (a folder: every ``.md`` below it):

- **Copied words**: a run of 8 words that the guide has too.
- **Close paraphrase**: a sentence whose content words (no small words, simple
  stems) follow a guide sentence's in the same order, for at least 7 of them,
  60 % of the shorter sentence and 40 % of the course's: the guide's sentence
  with a few words swapped is still the guide's sentence.

    python3 tools/own_words.py source/                  # exit 1 when something is found
    python3 tools/own_words.py --fingerprints GUIDE/content tools/data/outbound-guide.fingerprints

The guide's text is not needed to check: ``tools/data/outbound-guide.fingerprints``
holds hashes of its 8-word runs and of each sentence's content words, made
from the guide's Markdown with ``--fingerprints`` (the guide is CC BY-SA 4.0,
TODO Group and contributors, https://github.com/todogroup/outbound-oss).
Names, figures and lists of named things the course may share with the guide
are short and rarely reach either threshold; where one does, say it in other
words or quote it as a quotation with its source.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FINGERPRINTS = HERE / "data" / "outbound-guide.fingerprints"
RUN = 8  #: words in a copied run
#: A close paraphrase: at least LEAST content words in the guide's order, SHARE of the shorter sentence and
#: OWN_SHARE of the course's (a long sentence that names a few of the guide's terms is not a paraphrase).
LEAST, SHARE, OWN_SHARE = 7, 0.6, 0.4
SMALL = set("""a an the of to and or in on for is are be been being by with that this these those it its as at from
their they them we you your our can may might will would shall should must not no but which who whom what when
where why how each every all any some such than then there here into onto out over under about after before also
only other others more most much many very so if do does did done has have had having was were i he she his her
him one two three both either neither nor per via upon within without between among""".split())
WORD = re.compile(r"[a-z0-9]+")


def _hash(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=6).hexdigest()


def stem(word: str) -> str:
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ied", "ers", "er", "ed", "es", "s", "ly"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def plain(text: str) -> str:
    """Markdown as prose: no code blocks, roles, link targets or addresses."""
    text = re.sub(r"```.*?```", " ", text, flags=re.S)
    text = re.sub(r"\{[a-z-]+\}`[^`]*`", " ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return re.sub(r"https?://\S+", " ", text)


def sentences(text: str):
    """``(line, sentence)``: sentences and list items, with the line each starts on."""
    line = 1
    parts = re.split(r"((?<=[.!?])\s+|\n\s*\n|\n\s*[-*]\s|\n\s*\d+\.\s|\n#+)", text)
    for index, part in enumerate(parts):
        if index % 2 == 0 and part.strip():  # even parts are text, odd ones the separators
            yield line + len(part) - len(part.lstrip("\n")), part
        line += part.count("\n")


def content_words(sentence: str) -> list[str]:
    return [_hash(stem(w)) for w in WORD.findall(sentence.lower()) if w not in SMALL and len(w) > 1]


def runs(text: str) -> dict[str, int]:
    """Each 8-word run's hash, with the line it starts on (link targets are not prose)."""
    text = re.sub(r"\]\([^)]*\)", "]", text)
    words, where = [], []
    for lineno, line in enumerate(text.splitlines(), 1):
        for w in WORD.findall(line.lower()):
            words.append(w)
            where.append(lineno)
    found: dict[str, int] = {}
    for i in range(len(words) - RUN + 1):
        found.setdefault(_hash(" ".join(words[i:i + RUN])), where[i])
    return found


def make_fingerprints(guide: Path) -> list[str]:
    lines = ["# Fingerprints of the TODO Group's guide 'Outbound Open Source' (CC BY-SA 4.0, TODO Group and",
             "# contributors, https://github.com/todogroup/outbound-oss), made by tools/own_words.py --fingerprints.",
             "# 'r' lines: hashes of its 8-word runs; 's' lines: the hashed content words of one sentence."]
    # the guide's own table of contents lists section titles one after another: titles may be used
    sources = [p.read_text(encoding="utf-8") for p in sorted(guide.glob("*.md")) if "toc" not in p.stem]
    shingles = sorted({h for text in sources for h in runs(text)})
    texts = [plain(text) for text in sources]
    lines += [f"r {h}" for h in shingles]
    seen = set()
    for text in texts:
        for _, sentence in sentences(text):
            words = content_words(sentence)
            if len(words) >= LEAST and tuple(words) not in seen:
                seen.add(tuple(words))
                lines.append("s " + " ".join(words))
    return lines


class Guide:
    def __init__(self, path: Path = FINGERPRINTS) -> None:
        self.runs: set[str] = set()
        self.sentences: list[list[str]] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("r "):
                self.runs.add(line[2:])
            elif line.startswith("s "):
                self.sentences.append(line[2:].split())
        self.index: dict[str, set[int]] = {}
        for number, words in enumerate(self.sentences):
            for word in words:
                self.index.setdefault(word, set()).add(number)

    def paraphrased(self, words: list[str]) -> int:
        """The longest run of ``words`` in a guide sentence's order, when it is a close paraphrase; else 0."""
        shared: dict[int, int] = {}
        for word in set(words):
            for number in self.index.get(word, ()):
                shared[number] = shared.get(number, 0) + 1
        best = 0
        for number, count in shared.items():
            if count < LEAST:
                continue
            other = self.sentences[number]
            common = _in_order(words, other)
            if common >= LEAST and common >= SHARE * min(len(words), len(other)) and common >= OWN_SHARE * len(words):
                best = max(best, common)
        return best


def _in_order(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence of ``a`` and ``b``."""
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[-1]))
        previous = current
    return previous[-1]


def findings(text: str, guide: Guide) -> list[tuple[int, str]]:
    """``(line, message)`` for each copied run (one per line) and each closely paraphrased sentence."""
    found: dict[int, str] = {}
    for shingle, line in runs(text).items():
        if shingle in guide.runs:
            found.setdefault(line, "repeats 8 or more of the guide's words in a row")
    for line, sentence in sentences(plain(text)):
        words = content_words(sentence)
        if len(words) >= LEAST:
            common = guide.paraphrased(words)
            if common:
                found.setdefault(line, f"follows a guide sentence too closely ({common} of its {len(words)} content "
                                       "words in the guide's order)")
    return sorted(found.items())


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[0] == "--fingerprints":
        target = Path(argv[2])
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("\n".join(make_fingerprints(Path(argv[1]))) + "\n", encoding="utf-8")
        return 0
    if not argv or argv[0].startswith("-"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    guide = Guide()
    files = [f for a in map(Path, argv) for f in (sorted(a.rglob("*.md")) if a.is_dir() else [a])]
    count = 0
    for path in files:
        for line, message in findings(path.read_text(encoding="utf-8"), guide):
            print(f"{path}:{line}: {message}")
            count += 1
    print(f"{count} finding(s) in {len(files)} file(s)")
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""A lesson's slides as data: what each slide shows, what the presenter says, how long it takes.

One list of ``Slide`` per lesson, read from the lesson's doctree, feeds both
the decks (``shape.py`` turns each into a Reveal.js section) and the printed
slide handouts and lectern script (``handouts/layouts.py`` draws each as a
box). The order, the titles and the minutes are decided here, once:

objectives; per ``##`` section its slide (the slide block and the section's
notes), a slide per figure in its prose that the slide does not already show,
a slide per activity and per knowledge-check question; key points; further
reading, a few sources per slide.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from docutils import nodes

from ..activities import discussion, exercise
from ..agenda import format_minutes
from ..blocks import notes, slide
from ..config import settings
from ..doctree_parts import link
from ..lesson import keypoints, objectives
from ..quiz import question
from ..references import cited_keys, entry_fields
from ..structure import ancestors
from ..translations import N_, _

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

READING_PER_SLIDE = 10
FURTHER_READING = "further-reading"
#: Words a slide holds at its normal size, a little smaller (density 1), smaller still (density 2);
#: an activity longer than that continues on a second slide.
DENSITY_WORDS = (90, 125, 165)
LEAD_WORDS = 30
#: How an activity's mode (``:mode:``) reads on its slide, beside its minutes.
MODES = {"solo": N_("solo"), "pairs": N_("pairs"), "groups": N_("groups"), "plenary": N_("plenary")}


@dataclass
class Slide:
    #: "objectives", "section", "figure", "exercise", "discussion", "question", "keypoints" or "further-reading"
    kind: str
    ident: str
    title: nodes.Node | str
    body: list[nodes.Node]  #: copies: draw them as the output needs
    notes: list[nodes.Node] = field(default_factory=list)  #: copies of ``notes`` blocks
    minutes: int = 0

    @property
    def density(self) -> int:
        """0, 1 or 2: how much smaller the slide's text is set so that it fits."""
        count = sum(shown_words(node) for node in self.body)
        return sum(count > limit for limit in DENSITY_WORDS[:2])

    @property
    def title_text(self) -> str:
        return self.title if isinstance(self.title, str) else self.title.astext()


def shown_words(node: nodes.Node) -> int:
    """How much of a slide ``node`` fills, in words: what the room sees of it (not its solution, solo
    version, cuts, notes, explanation or nested questions), a table row, a line of code or an item counting
    extra."""
    if isinstance(node, nodes.Text):
        return len(node.astext().split())
    if isinstance(node, (notes, question)) and node.parent is not None:
        return 0
    if node.tagname in ("solution", "solo", "cut", "quiz_explanation", "aside"):
        return 0
    if isinstance(node, nodes.literal_block):
        return 6 * (node.astext().count("\n") + 1)
    if isinstance(node, nodes.image):
        return 60
    extra = 6 if isinstance(node, nodes.row) else 2 if isinstance(node, nodes.list_item) else 0
    return extra + sum(shown_words(child) for child in node.children)


def _pieces(node: nodes.Element) -> list[tuple[nodes.Node, int]]:
    """An activity's children, each with the words it shows (counted in place: a copy would count the notes
    it holds), a long list broken into shorter lists that keep their numbering."""
    pieces: list[tuple[nodes.Node, int]] = []
    for child in node.children:
        if isinstance(child, (nodes.bullet_list, nodes.enumerated_list)) and shown_words(child) > DENSITY_WORDS[0]:
            start = child.get("start", 1)
            for index, item in enumerate(child.children):
                part = child.copy()
                if isinstance(child, nodes.enumerated_list):
                    part["start"] = start + index
                part += item.deepcopy()
                pieces.append((part, shown_words(item)))
        else:
            pieces.append((child.deepcopy(), shown_words(child)))
    return pieces


def _units(pieces: list[tuple[nodes.Node, int]]) -> list[list[tuple[nodes.Node, int]]]:
    """Pieces that stay on one slide: a short lead with what follows it, and what the room never sees (a solo
    version, a cut, notes) with what comes before it."""
    units: list[list[tuple[nodes.Node, int]]] = []
    for piece, count in pieces:
        if units and (count == 0 or (len(units) == 1 and sum(c for _, c in units[0]) < LEAD_WORDS)):
            units[-1].append((piece, count))
        else:
            units.append([(piece, count)])
    return units


def _balanced(sizes: list[int], slides: int) -> list[int]:
    """Where to start each of ``slides`` slides over units of ``sizes`` words, so that the fullest slide holds
    as few words as it can: the starting indexes."""
    total = [0]
    for size in sizes:
        total.append(total[-1] + size)
    best: dict[tuple[int, int], tuple[int, list[int]]] = {}

    def fill(first: int, left: int) -> tuple[int, list[int]]:
        """The fullest slide and the starts, for units ``first`` onwards on ``left`` slides."""
        if (first, left) not in best:
            if left == 1:
                best[first, left] = (total[-1] - total[first], [first])
            else:
                options = []
                for end in range(first + 1, len(sizes) - left + 2):
                    fullest, starts = fill(end, left - 1)
                    options.append((max(total[end] - total[first], fullest), [first, *starts]))
                best[first, left] = min(options, key=lambda option: option[0])
        return best[first, left]

    return fill(0, slides)[1]


def split_activity(node: nodes.Element) -> list[nodes.Element]:
    """An activity too long for one slide, as several, each a shallow copy with some of its children: as few
    slides as hold it with none fuller than ``DENSITY_WORDS[1]`` (or than its largest part), filled as
    evenly as its parts allow, each break between two parts."""
    units = _units(_pieces(node))
    sizes = [sum(count for _, count in unit) for unit in units]
    slides = min(len(units), max(1, -(-sum(sizes) // DENSITY_WORDS[1])))
    starts = _balanced(sizes, slides)
    fullest = max(DENSITY_WORDS[1], *sizes)  # a part that fills a slide alone sets the bound
    while slides < len(units) and max(sum(sizes[a:b]) for a, b in zip(starts, [*starts[1:], len(units)])) > fullest:
        slides += 1
        starts = _balanced(sizes, slides)
    parts = []
    for first, end in zip(starts, [*starts[1:], len(units)]):
        current = node.copy()
        for piece, _words in (piece for unit in units[first:end] for piece in unit):
            if (isinstance(piece, nodes.enumerated_list) and len(current)
                    and isinstance(current[-1], nodes.enumerated_list)
                    and current[-1].get("start", 1) + len(current[-1].children) == piece.get("start", 1)):
                current[-1].extend(piece.children)  # items that follow each other stay one list
            else:
                current += piece
        parts.append(current)
    return parts


def within_activity(node: nodes.Node) -> bool:
    return any(isinstance(a, (exercise, discussion, question)) for a in ancestors(node))


def lesson_slides(env: BuildEnvironment, docname: str, top: nodes.section) -> list[Slide]:
    standard = settings(env.config).standard
    slides: list[Slide] = []
    for node in top.findall(objectives):
        slides.append(Slide("objectives", "objectives", _("Objectives"), [node.deepcopy()]))
        break
    questions = list(top.findall(question))
    for section in (c for c in top.children if isinstance(c, nodes.section)):
        ident = section["ids"][0] if section["ids"] else f"section-{len(slides)}"
        blocks = [n for n in section.findall(slide) if not within_activity(n)]
        if blocks:
            speaker = [n.deepcopy() for n in section.findall(notes) if not within_activity(n)]
            slides.append(Slide("section", ident, section[0].deepcopy(), [b.deepcopy() for b in blocks], speaker,
                                sum(b.get("minutes") or 0 for b in blocks)))
        shown = {i["uri"] for b in blocks for i in b.findall(nodes.image)}
        figures = [f for f in section.findall(nodes.figure)
                   if not within_activity(f) and not any(isinstance(a, slide) for a in ancestors(f))
                   and not (shown and {i["uri"] for i in f.findall(nodes.image)} <= shown)]
        for index, figure in enumerate(figures):
            slides.append(Slide("figure", f"{ident}-figure-{index}", section[0].deepcopy(), [figure.deepcopy()]))
        activities = [n for n in section.findall(lambda n: isinstance(n, (exercise, discussion)))
                      if not within_activity(n)]
        for index, node in enumerate(activities):
            line = [format_minutes(node["minutes"])] if node.get("minutes") else []
            line += [_(MODES.get(node["mode"], node["mode"]))] if node.get("mode") else []
            kept = [nodes.paragraph(text=" · ".join(line), classes=["cw-minutes"])] if line else []
            kind = "exercise" if isinstance(node, exercise) else "discussion"
            parts = split_activity(node) if shown_words(node) > DENSITY_WORDS[2] else [node.deepcopy()]
            for number, part in enumerate(parts, 1):
                title = node["label"] + (f" ({number}/{len(parts)})" if len(parts) > 1 else "")
                suffix = f"-{number}" if len(parts) > 1 else ""
                slides.append(Slide(kind, f"{ident}-activity-{index}{suffix}", title,
                                    [*(kept if number == 1 else []), part],
                                    minutes=(node.get("minutes") or 0) if number == 1 else 0))
        for node in section.findall(question):
            number = questions.index(node) + 1
            minutes = standard.minutes_per_question + (standard.quiz_minutes if number == 1 else 0)
            slides.append(Slide("question", f"{ident}-question-{number}",
                                _("Knowledge check {number}/{total}").format(number=number, total=len(questions)),
                                [node.deepcopy()], minutes=minutes))
        for node in section.findall(keypoints):
            slides.append(Slide("keypoints", "key-points", _("Key points"), [node.deepcopy()],
                                minutes=standard.keypoints_minutes))
    keys = cited_keys(env, docname)
    chunks = [keys[i:i + READING_PER_SLIDE] for i in range(0, len(keys), READING_PER_SLIDE)]
    for index, chunk in enumerate(chunks):
        items = nodes.bullet_list()
        for key in chunk:
            items += nodes.list_item("", nodes.paragraph("", "", link(*entry_fields(env, key))))
        title = (_("Further reading ({number}/{total})").format(number=index + 1, total=len(chunks))
                 if len(chunks) > 1 else _("Further reading"))
        ident = FURTHER_READING if index == 0 else f"{FURTHER_READING}-{index + 1}"
        slides.append(Slide("further-reading", ident, title, [items]))
    return slides

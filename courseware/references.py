# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""What each page cites, read from sphinxcontrib-bibtex's own records.

- ``cited_keys``: the keys a page cites, in order; decks end with a
  further-reading slide built from them (``slides.py``).
- ``coverage``: a directive that becomes two tables when the page is
  written: every guide section with the lessons that cite it, and every
  lesson with the guide sections it cites. Nothing here is kept by hand.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinxcontrib.bibtex.roles import CiteRole

from . import guide
from .directive import PlaceholderDirective, did_you_mean
from .doctree_parts import doc_link, link, table, table_row
from .outputs import SKIPPED_EVERYWHERE, add_node
from .structure import is_lesson, lessons_below
from .translations import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def cited_keys(env: BuildEnvironment, docname: str) -> list[str]:
    """Bibliography keys cited on ``docname``, first citation first, no repeats."""
    keys: list[str] = []
    for ref in env.get_domain("cite").citation_refs:
        if ref.docname == docname:
            keys.extend(t.key for t in ref.targets if t.key not in keys)
    return keys


def citations_by_doc(env: BuildEnvironment) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for ref in env.get_domain("cite").citation_refs:
        keys = result.setdefault(ref.docname, [])
        keys.extend(t.key for t in ref.targets if t.key not in keys)
    return result


def plain_title(fields, key: str) -> str:
    """An entry's title without BibTeX's braces; a title in another language says which ("(in German)")."""
    title = str(fields.get("title", key)).replace("{", "").replace("}", "")
    language = str(fields.get("language", "")).strip()
    if language and language.lower() not in ("english", "en"):
        title = _("{title} (in {language})").format(title=title, language=f"{language[:1].upper()}{language[1:]}")
    return title


def entry_fields(env: BuildEnvironment, key: str) -> tuple[str, str]:
    """(title, url) of a bibliography entry; the title says where a guide section sits."""
    section = guide.load().section(key)
    if section is not None:
        return _("Outbound Open Source guide, §{number} {title}").format(number=section.number,
                                                                         title=section.title), section.url
    entries = env.get_domain("cite").bibdata.data.entries
    if key not in entries:
        return key, ""
    fields = entries[key].fields
    return plain_title(fields, key), str(fields.get("url", ""))


def short_label(env: BuildEnvironment, key: str, width: int = 40) -> str:
    """A source named in a few words, for a slide or a printed line: "Guide §2.5"."""
    section = guide.load().section(key)
    if section is not None:
        return _("Guide §{number}").format(number=section.number)
    if key == guide.KEY_PREFIX:
        # Translators: the Outbound Open Source guide, named short (a source on a slide)
        return _("Guide")
    entries = env.get_domain("cite").bibdata.data.entries
    if key not in entries:
        return key
    fields = entries[key].fields
    text = str(fields.get("shorthand") or fields.get("title", key)).replace("{", "").replace("}", "")
    if len(text) > width:
        text = text[:width].rsplit(" ", 1)[0].rstrip(",:;") + "\u2026"
    return text


def short_link(url: str, width: int = 48) -> str:
    """A link as a person can read and type it: no scheme, no commit hashes, not too long."""
    text = url.split("://", 1)[-1].rstrip("/")
    if text.startswith("github.com/") and ("/blob/" in text or "/tree/" in text):
        text = "/".join(text.split("/")[:3])  # github.com/owner/repository
    if len(text) > width:
        text = text.split("/", 1)[0] + "/\u2026"
    return text


#: When a source was last read, as the bibliography's ``howpublished`` says it: "checked 2026", "read
#: November 2026", "consulted in 2026", "(checked August 2026)", "checked in the 2026 version".
_CHECKED = re.compile(r"\b(checked|read|consulted|accessed|retrieved)(?:\s+in)?(?:\s+the)?\s+"
                      r"((?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?\d{4})\b", re.IGNORECASE)


def checked_date(fields) -> str:
    """When the source was last read ("checked November 2026"), from ``urldate`` or the last date
    ``howpublished`` gives one; "" when the entry does not say."""
    if fields.get("urldate"):
        return _("checked {date}").format(date=fields["urldate"])
    matches = list(_CHECKED.finditer(str(fields.get("howpublished", "")).replace("{", "").replace("}", "")))
    return f"{matches[-1].group(1).lower()} {matches[-1].group(2).strip()}" if matches else ""


def _names(persons) -> str:
    """People as a reader writes them: "Victor R. Basili, Gianluigi Caldiera and H. Dieter Rombach"."""
    names = [" ".join(p.first_names + p.middle_names + p.prelast_names + p.last_names) for p in persons]
    if len(names) < 2:
        return "".join(names)
    return _("{names} and {last}").format(names=", ".join(names[:-1]), last=names[-1])


def printed_reference(env: BuildEnvironment, key: str) -> nodes.paragraph:
    """One entry of a printed reference list: publisher, title (and section), year, the whole address
    (paper cannot follow a shortened one) and when it was checked."""
    section = guide.load().section(key)
    data = guide.load()
    checked = ""
    if section is not None or key == guide.KEY_PREFIX:
        author, year, url = data.publisher, data.year, data.repository
        title = f"{data.title}" + (f", \u00a7{section.number} {section.title}" if section else "")
    else:
        entries = env.get_domain("cite").bibdata.data.entries
        fields = entries[key].fields if key in entries else {}
        persons = entries[key].persons.get("author", []) if key in entries else []
        author = str(fields.get("author", "")) or _names(persons)
        title = plain_title(fields, key)
        if fields.get("booktitle"):  # a chapter: the book it stands in, and who published it
            book = ", ".join(str(fields[f]) for f in ("booktitle", "publisher") if fields.get(f))
            title = _("{chapter}. In {book}").format(chapter=title, book=book)
        if fields.get("journal"):  # an article: the journal, its volume and issue, the pages
            issue = f"({fields['number']})" if fields.get("number") else ""
            pages = f", {fields['pages'].replace('--', chr(0x2013))}" if fields.get("pages") else ""
            title += f". {fields['journal']} {fields.get('volume', '')}{issue}{pages}".rstrip()
        year, url = str(fields.get("year", "")), str(fields.get("url", ""))
        checked = checked_date(fields)
    author = author.replace("{", "").replace("}", "")
    title = title.replace("{", "").replace("}", "")
    paragraph = nodes.paragraph()
    parts = [p for p in (author, title, year) if p]
    paragraph += nodes.Text(". ".join(parts) + ". ")
    if url:
        paragraph += nodes.reference("", url, refuri=url, internal=False, classes=["cw-url"])
        if checked:
            paragraph += nodes.Text(" ")
            paragraph += nodes.inline("", f"({checked}).", classes=["cw-unbroken"])
    return paragraph


def plain_terms(tree: nodes.Node) -> None:
    """Glossary links become plain text, for outputs without a glossary to jump to."""
    for ref in list(tree.findall(nodes.reference)):
        if any("std-term" in inline.get("classes", []) for inline in ref.findall(nodes.inline)):
            ref.replace_self(ref.children)


class coverage(nodes.General, nodes.Element):
    """Placeholder for the guide coverage tables."""


class Coverage(PlaceholderDirective):
    node_class = coverage


class FillCoverage(SphinxPostTransform):
    default_priority = 5  # before references are resolved: cells hold pending_xrefs

    def run(self, **kwargs) -> None:
        for node in list(self.document.findall(coverage)):
            node.replace_self(self.tables())

    def doc_link(self, docname: str) -> nodes.Node:
        return doc_link(self.env, self.env.docname, docname)

    def tables(self) -> list[nodes.Node]:
        data = guide.load()
        by_doc = {d: keys for d, keys in citations_by_doc(self.env).items() if is_lesson(self.env, d)}
        lessons = [row.docname for row in lessons_below(self.env, self.config.root_doc) if row.docname in by_doc]
        rows = []
        for section in data.sections:
            citing = [d for d in lessons if section.key in by_doc[d]]
            cells: list[nodes.Node] = []
            for index, docname in enumerate(citing):
                if index:
                    cells.append(nodes.Text("; "))
                cells.append(self.doc_link(docname))
            if not citing:
                cells.append(nodes.Text(_("not cited") if section.must_be_cited
                                        else _("reference material, not taught")))
            indent = "\u2003" * (section.level - 1)
            rows.append([[nodes.Text(section.number)], [nodes.Text(indent), link(section.title, section.url)], cells])
        first = self.table(["§", _("Guide section"), _("Cited by")], rows, [8, 52, 40], "cw-coverage-guide")
        lesson_rows = []
        for docname in lessons:
            sections = [data.section(k) for k in by_doc[docname] if data.section(k)]
            sections.sort(key=lambda s: data.sections.index(s))
            cells: list[nodes.Node] = []
            for index, section in enumerate(sections):
                if index:
                    cells.append(nodes.Text("; "))
                cells.append(link(f"§{section.number} {section.title}", section.url))
            lesson_rows.append([[self.doc_link(docname)], cells or [nodes.Text(_("no guide section"))]])
        second = self.table([_("Lesson"), _("Guide sections cited")], lesson_rows, [35, 65], "cw-coverage-lessons")
        cited = sum(1 for s in data.sections if s.must_be_cited and any(s.key in by_doc[d] for d in lessons))
        due = sum(1 for s in data.sections if s.must_be_cited)
        summary = nodes.paragraph(
            text=_("{cited} of the {due} teaching sections of the guide are cited by at least one lesson "
                   "(guide commit {commit}, {date}).").format(cited=cited, due=due, commit=data.commit[:7],
                                                              date=data.commit_date)
        )
        return [summary, first, second]

    @staticmethod
    def table(header: list[str], rows: list[list[list[nodes.Node]]], widths: list[int], cls: str) -> nodes.table:
        return table([(h, w, []) for h, w in zip(header, widths)], [table_row(cells) for cells in rows],
                     ["cw-coverage", cls])


class GuideRole(CiteRole):
    """``{guide}`1.2, 2.2.1``` cites guide sections by their number.

    Readable in the source, and short: the long bibliography keys of some
    sections spell out whole guide headings. It goes through the same
    bibliography as ``{cite}``, as the keys it produces are the guide's keys.
    """

    def run(self):
        numbers = [n.strip() for n in self.text.split(",") if n.strip()]
        by_number = {s.number: s.key for s in guide.load().sections}
        unknown = [n for n in numbers if n not in by_number]
        if unknown or not numbers:
            hint = "".join(did_you_mean(n, by_number) for n in unknown)
            message = self.inliner.reporter.error(
                f"guide: no section numbered {', '.join(unknown) or '(none)'}{hint}; "
                "numbers are listed on the page 'The course and the guide'",
                line=self.lineno,
            )
            return [self.inliner.problematic(self.rawtext, self.rawtext, message)], [message]
        keys = ",".join(by_number[n] for n in numbers)
        self.text = self.target = self.title = keys
        self.name = "cite"
        return super().run()


def _register_bibtex_backend() -> None:
    """Find pybtex's plain-text backend once. sphinxcontrib-bibtex asks pybtex for it at every
    citation it resolves, and pybtex looks for it in every installed package's metadata unless it is
    registered at run time (``register_plugin``): about 1.5 s of each build of this course."""
    import pybtex.plugin

    group, name = "pybtex.backends", "plaintext"
    pybtex.plugin.register_plugin(group, name, pybtex.plugin.find_plugin(group, name), force=True)


def setup_references(app: Sphinx) -> None:
    _register_bibtex_backend()
    app.add_role("guide", GuideRole())
    add_node(app, coverage, **SKIPPED_EVERYWHERE)
    app.add_directive("coverage", Coverage)
    app.add_post_transform(FillCoverage)

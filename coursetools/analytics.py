# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Commit data for the analytics lesson: extract it from git, pseudonymised, and measure it.

Run from the repository's root::

    python -m coursetools.analytics extract <git repository> <out.csv> [--url URL]

reads the history of the repository's ``HEAD`` and writes one CSV row per
commit: date (UTC, day only), a contributor label, an organisation, files
changed, lines added and removed, and whether the commit is a merge. The
lines starting with ``#`` at the top say what the data is and where it came
from. The same repository gives the same bytes: nothing depends on the
clock, the locale or the order in which git happens to list commits.

Pseudonymisation: commits are grouped into people by author name (text in
brackets ignored, case ignored) and by e-mail address, so one person with
two addresses is one contributor; people are labelled "Contributor 01",
"Contributor 02" ... in the order of their first commit. Names, e-mail
addresses, commit hashes and times of day are left out.

Organisations come from the domain of each commit's author address, and
only where the domain plainly names an organisation (``ORGANISATIONS``).
Personal mail providers, GitHub's no-reply addresses and every other
domain become ``INDEPENDENT``.

The measures the lesson teaches (``elephant_factor``, ``top_share``) and the
period tables they are computed from live here too, so the charts module,
the exercise's answer key and the tests use one implementation.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

from courseware.charts import read_csv

INDEPENDENT = "Independent or unknown"

#: E-mail domain -> organisation, only for domains that plainly name one.
#: A subdomain (``de.sap.com``) maps like its parent.
ORGANISATIONS = {
    "analog.com": "Analog Devices",
    "bosch-si.com": "Bosch",
    "bosch-si.coom": "Bosch",  # sic: one commit's address misspells bosch-si.com
    "bosch.com": "Bosch",
    "deutschebahn.com": "Deutsche Bahn",
    "sap.com": "SAP",
}

FIELDS = ("date", "contributor", "organisation", "files_changed", "lines_added", "lines_removed", "merge")

_RECORD = "\x1e"
_UNIT = "\x1f"
_FORMAT = _UNIT.join(("%H", "%at", "%ct", "%aN", "%aE", "%P"))


@dataclass(frozen=True)
class Commit:
    """One commit as git reports it, before pseudonymisation."""

    sha: str
    authored: int
    committed: int
    name: str
    email: str
    merge: bool
    files: int
    added: int
    removed: int


@dataclass(frozen=True)
class Row:
    """One commit as the CSV records it."""

    date: str
    contributor: str
    organisation: str
    files_changed: int
    lines_added: int
    lines_removed: int
    merge: bool

    def cells(self) -> list[str]:
        return [self.date, self.contributor, self.organisation, str(self.files_changed),
                str(self.lines_added), str(self.lines_removed), "yes" if self.merge else "no"]


# -- reading git -------------------------------------------------------------------


def _git(repo: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update({"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull, "LC_ALL": "C"})
    return subprocess.run(
        ["git", "-C", str(repo), *args], check=True, capture_output=True, env=env,
    ).stdout.decode("utf-8", errors="replace")


def read_commits(repo: Path, revision: str = "HEAD") -> list[Commit]:
    """Every commit reachable from ``revision``, with its numstat (merges: no diff, so zeros)."""
    out = _git(repo, "log", "--no-renames", "--no-color", "--use-mailmap", "--numstat",
               f"--format={_RECORD}{_FORMAT}", revision)
    commits = []
    for record in out.split(_RECORD)[1:]:
        head, _, stat = record.partition("\n")
        sha, authored, committed, name, email, parents = head.split(_UNIT)
        files = added = removed = 0
        for line in stat.splitlines():
            parts = line.split("\t")
            if len(parts) < 3:
                continue
            files += 1
            added += int(parts[0]) if parts[0].isdigit() else 0  # "-" for binary files
            removed += int(parts[1]) if parts[1].isdigit() else 0
        commits.append(Commit(sha, int(authored), int(committed), name, email.lower(),
                              len(parents.split()) > 1, files, added, removed))
    commits.sort(key=lambda c: (c.authored, c.committed, c.sha))
    return commits


def head_commit(repo: Path, revision: str = "HEAD") -> str:
    return _git(repo, "rev-parse", revision).strip()


# -- pseudonymisation and organisations ---------------------------------------------


def organisation(email: str) -> str:
    """The organisation an author address names, or ``INDEPENDENT``."""
    domain = email.rpartition("@")[2].strip().lower()
    while domain:
        if domain in ORGANISATIONS:
            return ORGANISATIONS[domain]
        domain = domain.partition(".")[2]
    return INDEPENDENT


def _name_key(name: str) -> str:
    return " ".join(re.sub(r"\([^)]*\)", " ", name).casefold().split())


def people(commits: Iterable[Commit]) -> dict[str, int]:
    """Map each commit's sha to a person number; one person may use several names or addresses."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    commits = list(commits)
    for c in commits:
        keys = [f"e:{c.email}"] + ([f"n:{_name_key(c.name)}"] if _name_key(c.name) else [])
        for key in keys[1:]:
            a, b = find(keys[0]), find(key)
            if a != b:
                parent[max(a, b)] = min(a, b)
    numbers: dict[str, int] = {}
    result = {}
    for c in commits:  # already in order of first commit
        root = find(f"e:{c.email}")
        numbers.setdefault(root, len(numbers) + 1)
        result[c.sha] = numbers[root]
    return result


def pseudonymise(commits: list[Commit]) -> list[Row]:
    person = people(commits)
    width = max(2, len(str(max(person.values(), default=0))))
    return [
        Row(
            date=datetime.fromtimestamp(c.authored, timezone.utc).strftime("%Y-%m-%d"),
            contributor=f"Contributor {person[c.sha]:0{width}d}",
            organisation=organisation(c.email),
            files_changed=c.files, lines_added=c.added, lines_removed=c.removed, merge=c.merge,
        )
        for c in commits
    ]


# -- the CSV -------------------------------------------------------------------------


def header(url: str, commit: str, rows: list[Row]) -> list[str]:
    first, last = (rows[0].date, rows[-1].date) if rows else ("-", "-")
    contributors = len({r.contributor for r in rows})
    named = sorted({r.organisation for r in rows} - {INDEPENDENT})
    return [
        f"Commits to {url}, one row per commit reachable from commit {commit}.",
        f"{len(rows)} commits by {contributors} contributors, authored from {first} to {last} (UTC dates).",
        "Extracted with: python -m coursetools.analytics extract <repository> <this file>",
        "Pseudonymised: contributors are labelled in order of first commit; one person with several names",
        "or addresses is one label. No names, e-mail addresses, commit hashes or times of day are kept.",
        "Organisation: from the domain of the author's e-mail address, only where it plainly names one",
        f"({', '.join(named) or 'none here'}); personal mail providers, GitHub no-reply addresses",
        f"and other domains are '{INDEPENDENT}'. Merge commits carry no diff: 0 files and lines.",
        "Fields: " + ", ".join(FIELDS) + ".",
    ]


def to_csv(rows: list[Row], comments: list[str]) -> str:
    buffer = io.StringIO()
    for line in comments:
        buffer.write(f"# {line}\n")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(FIELDS)
    for row in rows:
        writer.writerow(row.cells())
    return buffer.getvalue()


def extract(repo: Path, url: str | None = None, revision: str = "HEAD") -> str:
    """The CSV text for ``repo``."""
    commit = head_commit(repo, revision)
    rows = pseudonymise(read_commits(repo, revision))
    if url is None:
        try:
            url = _git(repo, "config", "--get", "remote.origin.url").strip()
        except subprocess.CalledProcessError:
            url = ""
    url = url or str(repo)
    return to_csv(rows, header(url, commit, rows))


def read_rows(path: Path | str) -> list[Row]:
    return [
        Row(r["date"], r["contributor"], r["organisation"], int(r["files_changed"]), int(r["lines_added"]),
            int(r["lines_removed"]), r["merge"] == "yes")
        for r in read_csv(path)
    ]


# -- measures ---------------------------------------------------------------------------


def elephant_factor(
    counts: dict[str, int], threshold: float = 0.5, exclude: Iterable[str] = (INDEPENDENT,)
) -> int | None:
    """The smallest number of organisations whose contributions reach ``threshold`` of the total.

    As CHAOSS defines it: add up the organisations' contributions, largest
    first, until the sum reaches the threshold share of all contributions.
    Contributions of ``exclude`` (no known organisation) count in the total
    but are no organisation. None when the named organisations never reach it.
    """
    total = sum(counts.values())
    if not total:
        return None
    running = 0
    ranked = sorted((n for org, n in counts.items() if org not in set(exclude)), reverse=True)
    for number, count in enumerate(ranked, 1):
        running += count
        if running >= threshold * total:
            return number
    return None


def top_share(counts: dict[str, int], exclude: Iterable[str] = (INDEPENDENT,)) -> tuple[str, float]:
    """The organisation with the most contributions and its share of all of them."""
    total = sum(counts.values())
    named = {org: n for org, n in counts.items() if org not in set(exclude)}
    if not total or not named:
        return "", 0.0
    org = min(named, key=lambda o: (-named[o], o))
    return org, named[org] / total


def count_by(rows: Iterable[Row], key: str, merges: bool = False) -> Counter:
    """Commits per value of ``key`` (``organisation`` or ``contributor``), merges left out unless asked."""
    return Counter(getattr(r, key) for r in rows if merges or not r.merge)


def half_year(date: str) -> str:
    return f"{date[:4]} H{1 if int(date[5:7]) <= 6 else 2}"


def quarter(date: str) -> str:
    return f"{date[:4]} Q{(int(date[5:7]) - 1) // 3 + 1}"


def by_period(rows: Iterable[Row], period=quarter, key: str = "organisation",
              merges: bool = False) -> dict[str, Counter]:
    """Per period (in time order), commits per value of ``key``."""
    result: dict[str, Counter] = {}
    for r in sorted(rows, key=lambda r: r.date):
        if merges or not r.merge:
            result.setdefault(period(r.date), Counter())[getattr(r, key)] += 1
    return result


# -- synthetic data for the fictional case -------------------------------------------

WAYBILL_FIELDS = ("month", "author", "group", "first_contribution", "kind", "hours_to_first_response")
WAYBILL_SEED = 2026
#: Mean number of outside people who contribute for the first time, per month after release.
WAYBILL_NEWCOMERS = (1, 2, 2, 3, 4, 5, 6, 6, 7, 8, 8, 9)


def _poisson(rng, mean: float) -> int:
    """A Poisson-distributed count (Knuth's method; the standard library has none)."""
    limit, count, product = pow(2.718281828459045, -mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


def synthetic_waybill(seed: int = WAYBILL_SEED) -> list[dict[str, str]]:
    """Twelve invented months of Waybill's public issues and pull requests after its release.

    SYNTHETIC: nothing here happened. The scenario: the five engineers of
    the Waybill team open pull requests every month; outside people arrive
    in growing numbers (``WAYBILL_NEWCOMERS``), a third of them come back in
    a later month; the team answers outside contributions more slowly as
    their number grows, and its own pull requests quickly.
    """
    import random

    rng = random.Random(seed)
    rows: list[dict[str, str]] = []
    returning: list[str] = []
    arrived = 0
    for month, newcomers in enumerate(WAYBILL_NEWCOMERS, 1):
        items: list[tuple[str, str, bool, str]] = []
        for engineer in range(1, 6):
            for _ in range(_poisson(rng, 5)):
                items.append((f"Larkspur {engineer}", "Larkspur", False, "pull request"))
        active = [(name, False) for name in returning]
        for _ in range(_poisson(rng, newcomers)):
            arrived += 1
            active.append((f"Outside {arrived:03d}", True))
        for name, first in active:
            for index in range(1 + _poisson(rng, 0.4)):
                kind = "issue" if rng.random() < 0.6 else "pull request"
                items.append((name, "outside", first and index == 0, kind))
        outside = sum(1 for item in items if item[1] == "outside")
        returning = sorted({name for name, _ in active if rng.random() < 0.35} | set(
            name for name in returning if rng.random() < 0.5))
        for name, group, first, kind in items:
            median = 3.0 if group == "Larkspur" else 8.0 + 2.5 * outside
            hours = rng.lognormvariate(0, 0.7) * median
            rows.append({
                "month": str(month), "author": name, "group": group,
                "first_contribution": "yes" if first else "no", "kind": kind,
                "hours_to_first_response": f"{hours:.1f}",
            })
    return rows


def synthetic_waybill_csv(seed: int = WAYBILL_SEED) -> str:
    rows = synthetic_waybill(seed)
    comments = [
        "SYNTHETIC DATA, invented for the course's fictional case: Waybill, Larkspur Logistics and these",
        "events do not exist. No real project, person or organisation is described here.",
        f"Twelve months after Waybill's public release (month 1 = the first month); {len(rows)} issues and",
        "pull requests, each with the hours until a maintainer first responded.",
        f"Generated with: python -m coursetools.analytics waybill <this file> (random seed {seed}).",
        "Fields: " + ", ".join(WAYBILL_FIELDS) + ".",
    ]
    buffer = io.StringIO()
    for line in comments:
        buffer.write(f"# {line}\n")
    writer = csv.DictWriter(buffer, WAYBILL_FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


# -- command line --------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coursetools.analytics", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    extract_cmd = commands.add_parser("extract", help="write the pseudonymised commit CSV of a git repository")
    extract_cmd.add_argument("repository", type=Path, help="a git repository (bare or with a work tree)")
    extract_cmd.add_argument("output", type=Path, help="the CSV to write")
    extract_cmd.add_argument("--url", help="the repository's public address, for the header "
                             "(default: its remote 'origin')")
    extract_cmd.add_argument("--revision", default="HEAD", help="the commit whose history is read (default HEAD)")
    waybill_cmd = commands.add_parser("waybill", help="write the SYNTHETIC Waybill data set of the case")
    waybill_cmd.add_argument("output", type=Path, help="the CSV to write")
    waybill_cmd.add_argument("--seed", type=int, default=WAYBILL_SEED)
    args = parser.parse_args(argv)
    if args.command == "waybill":
        text = synthetic_waybill_csv(args.seed)
    else:
        text = extract(args.repository, args.url, args.revision)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"{args.output}: {len(read_csv(args.output))} rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

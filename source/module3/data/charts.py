# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""Charts, tables and values of the lesson "Open source analytics and metrics" (module 3).

Each function receives ``data`` (reads the CSV files in this folder) and, for
charts, ``style`` (the brand's colours and font); the ``chart``,
``chart-table`` and ``chart-value`` directives of ``courseware.charts`` call
them when the course is built. The measures come from ``coursetools.analytics``.

- ``outbound-oss-commits.csv``: the real, pseudonymised history of the
  TODO Group's guide repository (``python -m coursetools.analytics extract``).
- ``waybill-synthetic.csv``: SYNTHETIC data for the fictional case
  (``python -m coursetools.analytics waybill``).
"""

from __future__ import annotations

import re
import statistics
from collections import Counter

from coursetools.analytics import (
    INDEPENDENT, by_period, count_by, elephant_factor, half_year, quarter, read_rows, top_share,
)

COMMITS = "outbound-oss-commits.csv"
WAYBILL = "waybill-synthetic.csv"
#: The two periods of the exercise.
PERIODS = ("2021", "2022")
OTHER = "Other named organisations"


def _rows(data):
    return read_rows(data.path(COMMITS))


def _authored(data):
    """Commits that change files: merge commits left out."""
    return [r for r in _rows(data) if not r.merge]


def _percent(part: float, whole: float) -> str:
    return f"{round(100 * part / whole)} %" if whole else "-"


def _quarters(rows) -> list[str]:
    first, last = min(r.date for r in rows), max(r.date for r in rows)
    labels, year, q = [], int(first[:4]), (int(first[5:7]) - 1) // 3 + 1
    while f"{year} Q{q}" <= quarter(last):
        labels.append(f"{year} Q{q}")
        year, q = (year + 1, 1) if q == 4 else (year, q + 1)
    return labels


# -- values quoted in the lesson ------------------------------------------------------


def total_commits(data) -> int:
    return len(_rows(data))


def merge_commits(data) -> int:
    return sum(r.merge for r in _rows(data))


def authored_commits(data) -> int:
    return len(_authored(data))


def contributors(data) -> int:
    return len({r.contributor for r in _rows(data)})


def first_date(data) -> str:
    return min(r.date for r in _rows(data))


def last_date(data) -> str:
    return max(r.date for r in _rows(data))


def source_commit(data) -> str:
    """The short hash of the commit the data was read from (from the CSV's first line)."""
    with open(data.path(COMMITS), encoding="utf-8") as f:
        return re.search(r"from commit ([0-9a-f]{40})", f.readline()).group(1)[:7]


def two_largest_share(data) -> str:
    counts = count_by(_authored(data), "organisation")
    named = sorted((n for org, n in counts.items() if org != INDEPENDENT), reverse=True)
    return _percent(sum(named[:2]), sum(counts.values()))


def independent_share(data) -> str:
    counts = count_by(_authored(data), "organisation")
    return _percent(counts[INDEPENDENT], sum(counts.values()))


def largest_organisation(data) -> str:
    return top_share(count_by(_authored(data), "organisation"))[0]


def largest_share_with_merges(data) -> str:
    return _percent(top_share(count_by(_rows(data), "organisation", merges=True))[1], 1)


def largest_share_without_merges(data) -> str:
    return _percent(top_share(count_by(_authored(data), "organisation"))[1], 1)


def elephant_factor_all(data) -> int:
    return elephant_factor(count_by(_authored(data), "organisation"))


def waybill_outside_first_last(data) -> str:
    """Median hours to first response for outside contributions: month 1 to 3 and month 10 to 12."""
    rows = [r for r in data.rows(WAYBILL) if r["group"] == "outside"]
    early = statistics.median(float(r["hours_to_first_response"]) for r in rows if int(r["month"]) <= 3)
    late = statistics.median(float(r["hours_to_first_response"]) for r in rows if int(r["month"]) >= 10)
    return f"about {round(early)} hours in the first three months and about {round(late)} hours in the last three"


# -- the exercise: a table to compute from, and its key ------------------------------


def _by_contributor(data) -> dict[tuple[str, str], Counter]:
    table: dict[tuple[str, str], Counter] = {}
    for r in _authored(data):
        table.setdefault((r.contributor, r.organisation), Counter())[r.date[:4]] += 1
    return table


def exercise_table(data) -> list[list[str]]:
    """Commits per contributor and organisation in 2021 and 2022 (merge commits left out)."""
    table = _by_contributor(data)
    rows = [["Contributor", "Organisation", *PERIODS]]
    for (person, org), counts in sorted(table.items()):
        rows.append([person, org, *(str(counts[p]) for p in PERIODS)])
    rows.append(["All contributors", "", *(str(sum(c[p] for c in table.values())) for p in PERIODS)])
    return rows


def key_values(data) -> dict[str, dict[str, object]]:
    """Every value of the exercise's answer, per period."""
    rows = _authored(data)
    values = {}
    for period in PERIODS:
        selected = [r for r in rows if r.date.startswith(period)]
        orgs = count_by(selected, "organisation")
        people = count_by(selected, "contributor")
        total = sum(orgs.values())
        person, person_share = top_share(people, exclude=())
        values[period] = {
            "total": total,
            "half": total / 2,
            "organisations": sorted(((n, o) for o, n in orgs.items() if o != INDEPENDENT), reverse=True),
            "independent": orgs[INDEPENDENT],
            "elephant_factor": elephant_factor(orgs),
            "top_contributor": person,
            "top_contributor_commits": people[person],
            "top_contributor_share": person_share,
            "contributors": len(people),
        }
    return values


def exercise_key(data) -> list[list[str]]:
    """The answer key, computed from the same data as the table."""
    v = key_values(data)
    a, b = (v[p] for p in PERIODS)

    def orgs(x):
        return ", ".join(f"{o} {n}" for n, o in x["organisations"])

    def half(x):
        return f"{x['half']:g}"

    def running(x):
        sums, total = [], 0
        for n, _ in x["organisations"]:
            total += n
            sums.append(str(total))
            if 2 * total >= x["total"]:
                break
        return ", then ".join(sums) + f" (reaches {half(x)})"

    def top(x):
        return f"{x['top_contributor']}: {x['top_contributor_commits']} of {x['total']} = " \
               f"{_percent(x['top_contributor_commits'], x['total'])}"

    points = round(100 * b["top_contributor_share"]) - round(100 * a["top_contributor_share"])
    return [
        ["Measure", PERIODS[0], PERIODS[1], "Change"],
        ["Commits", str(a["total"]), str(b["total"]), f"{b['total'] - a['total']:+d}"],
        ["Half of the commits", half(a), half(b), ""],
        ["Named organisations, largest first", orgs(a), orgs(b), ""],
        [f"{INDEPENDENT} (counts in the total only)", str(a["independent"]), str(b["independent"]),
         f"{_percent(a['independent'], a['total'])} to {_percent(b['independent'], b['total'])} of all commits"],
        ["Running total, largest organisation first", running(a), running(b), ""],
        ["Elephant factor", str(a["elephant_factor"]), str(b["elephant_factor"]),
         "none" if a["elephant_factor"] == b["elephant_factor"]
         else f"{b['elephant_factor'] - a['elephant_factor']:+d}"],
        ["Largest contributor's share", top(a), top(b), f"{points:+d} percentage points"],
        ["Contributors with at least one commit", str(a["contributors"]), str(b["contributors"]),
         f"{b['contributors'] - a['contributors']:+d}"],
    ]


# -- charts ----------------------------------------------------------------------------


def commits_by_organisation(data, style):
    """Small multiples: commits per quarter for each organisation (merge commits left out)."""
    rows = _authored(data)
    quarters = _quarters(rows)
    per = by_period(rows, quarter)
    counts = count_by(rows, "organisation")
    named = [o for o, _ in sorted(counts.items(), key=lambda i: (-i[1], i[0])) if o != INDEPENDENT]
    groups = [(o, [o]) for o in named[:2]] + [(OTHER, named[2:])] + [(INDEPENDENT, [INDEPENDENT])]
    total = sum(counts.values())
    figure, axes = style.figure(height=6.4, nrows=len(groups), sharex=True, sharey=True)
    peak = max(sum(per.get(q, Counter())[o] for o in members) for q in quarters for _, members in groups)
    for ax, (label, members), fill in zip(axes, groups, style.fills):
        values = [sum(per.get(q, Counter())[o] for o in members) for q in quarters]
        ax.bar(range(len(quarters)), values, width=0.7, linewidth=1.2, **fill)
        for x, value in enumerate(values):
            if value:
                ax.text(x, value + peak * 0.04, str(value), ha="center", va="bottom", fontsize=style.small,
                        color=style.ink)
        name = label if label != OTHER else f"{OTHER} ({', '.join(members)})"
        share = sum(counts[o] for o in members)
        ax.set_title(f"{name}: {share} of {total} commits ({_percent(share, total)})", loc="left",
                     fontsize=style.size, fontweight="semibold", color=style.ink, pad=4)
        ax.set_ylim(0, peak * 1.3)
        ax.set_yticks([])
        ax.spines["left"].set_visible(False)
    axes[-1].set_xticks(range(len(quarters)), [q.replace(" ", "\n") for q in quarters])
    axes[-1].tick_params(axis="x", length=0)
    return figure


def _spread(values: list[float], gap: float) -> list[float]:
    """Label positions near ``values``, at least ``gap`` apart, in the same order."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    placed = [0.0] * len(values)
    previous = None
    for i in order:
        placed[i] = values[i] if previous is None else max(values[i], previous + gap)
        previous = placed[i]
    return placed


def concentration_by_half_year(data, style):
    """Per half-year: the share of the two largest organisations, the largest, and of no known organisation."""
    rows = _authored(data)
    orgs = by_period(rows, half_year)
    periods = list(orgs)
    two, largest, unknown = [], [], []
    for p in periods:
        counts, total = orgs[p], sum(orgs[p].values())
        named = sorted((n for o, n in counts.items() if o != INDEPENDENT), reverse=True)
        two.append(100 * sum(named[:2]) / total)
        largest.append(100 * named[0] / total)
        unknown.append(100 * counts[INDEPENDENT] / total)
    series = [("Two largest organisations", two), ("Largest organisation", largest),
              ("No known organisation", unknown)]
    figure, ax = style.figure(height=4.4)
    x = list(range(len(periods)))
    ax.axhline(50, color=style.rule, linewidth=1.5, zorder=0)
    ax.text(-0.25, 51.5, "half of all commits", color=style.muted, fontsize=style.small, va="bottom")
    ends = _spread([values[-1] for _, values in series], gap=7)
    for (label, values), line, end in zip(series, style.lines, ends):
        ax.plot(x, values, markersize=8, **line)
        for xi, value in zip(x, values):
            ax.annotate(f"{round(value)} %", (xi, value), textcoords="offset points", xytext=(0, 9),
                        ha="center", fontsize=style.small, color=line["color"])
        ax.annotate(label, (x[-1] + 0.25, end), va="center", fontsize=style.size, color=line["color"],
                    fontweight="semibold")
    ax.set_xticks(x, [f"{p}\n{sum(orgs[p].values())} commits" for p in periods])
    ax.set_xlim(-0.3, len(periods) - 1 + 1.9)
    ax.set_ylim(0, 100)
    ax.set_yticks([0, 25, 50, 75, 100], ["0 %", "25 %", "50 %", "75 %", "100 %"])
    ax.tick_params(axis="x", length=0)
    ax.set_ylabel("Share of the half-year's commits")
    return figure


def waybill_first_year(data, style):
    """SYNTHETIC: outside contributors arriving, and how long they wait for a first response."""
    rows = data.rows(WAYBILL)
    months = sorted({int(r["month"]) for r in rows})
    outside = [r for r in rows if r["group"] == "outside"]
    new = [len({r["author"] for r in outside if int(r["month"]) == m and r["first_contribution"] == "yes"})
           for m in months]
    active = [len({r["author"] for r in outside if int(r["month"]) == m}) for m in months]
    returning = [a - n for a, n in zip(active, new)]

    def median(group, m):
        hours = [float(r["hours_to_first_response"]) for r in rows if r["group"] == group and int(r["month"]) == m]
        return statistics.median(hours) if hours else None

    waits = [median("outside", m) for m in months]
    own = [median("Larkspur", m) for m in months]
    figure, (top, bottom) = style.figure(height=6.6, nrows=2, sharex=True)
    first, second = style.fills[0], style.fills[1]
    top.bar(months, new, width=0.7, linewidth=1.2, **first)
    top.bar(months, returning, bottom=new, width=0.7, linewidth=1.2, **second)
    top.set_title("Outside contributors active each month", loc="left", fontweight="semibold", fontsize=style.size)
    top.text(months[0] - 0.35, max(active) * 1.05, "SYNTHETIC DATA: an invented scenario", fontsize=style.size,
             color=style.ink, fontweight="semibold", va="bottom")
    last = months[-1]
    top.annotate("new", (last + 0.4, new[-1] / 2), fontsize=style.small, va="center", color=style.ink)
    top.annotate("returning", (last + 0.4, new[-1] + returning[-1] / 2), fontsize=style.small, va="center",
                 color=style.ink)
    top.set_ylim(0, max(active) * 1.2)
    top.set_ylabel("People")
    line, dashed = style.lines[0], style.lines[1]
    bottom.plot(months, waits, markersize=7, **line)
    bottom.plot(months, own, markersize=7, **dashed)
    bottom.annotate("outside contributions", (last, waits[-1]), textcoords="offset points", xytext=(10, 4),
                    fontsize=style.small, color=line["color"], fontweight="semibold")
    bottom.annotate("the team's own", (last, own[-1]), textcoords="offset points", xytext=(10, 3),
                    fontsize=style.small, color=dashed["color"], fontweight="semibold", va="bottom")
    bottom.axhline(48, color=style.rule, linewidth=1.5, zorder=0)
    bottom.text(months[0] - 0.35, 50, "48 hours", color=style.muted, fontsize=style.small, va="bottom")
    bottom.set_title("Median hours to a first response", loc="left", fontweight="semibold", fontsize=style.size)
    bottom.set_ylabel("Hours")
    bottom.set_xticks(months)
    bottom.set_xlabel("Month after the release")
    bottom.set_xlim(0.4, last + 2.6)
    return figure

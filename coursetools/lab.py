# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""The practice repository of Module 2's release-readiness lab.

    python -m coursetools.lab [--fixed] [--zip ZIP] TARGET_DIR

writes a real git repository of Waybill (``source/case/waybill.md``) as it
stood before its release: a small Python package with fourteen commits from
2021 to 2026 and the defects the case names. ``--fixed`` writes the state
after the audit's fixes, with a fresh one-commit history. ``--zip`` also
packs the repository into one zip, as the classroom kit carries it.

Same input, same repository: authors, committers, dates and git's settings
are fixed and the user's and system's git configuration are shut out, so the
commit hashes are the same on every machine.

``FINDINGS`` is the lab's answer key: for each finding, the exact commands a
learner runs from the repository's root, what they show and the fix. The
lesson (``source/module2/release-lab.md``) prints the same commands and the
tests (``tests/test_lab.py``) run them on both variants.

Everything in the repository is invented for the course: the people, the
carriers, the key and the password, and the consignees in the test fixtures,
whose phone numbers come from ranges reserved for drama and fiction
(Ofcom's drama numbers in the United Kingdom, 555-0100 to 555-0199 in North
America) and whose streets do not exist.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from courseware.cache import own_part
from courseware.zips import write_zip

ROOT = Path(__file__).resolve().parent.parent
BRANCH = "main"

# The two secrets are fakes, assembled here so that scanners of this course's
# own repository do not report them as real ones.
SANDBOX_KEY = "spk_sandbox_" + "7Qm2Rx9TfW4kLp8ZcN3vB6yH"  # pragma: allowlist secret
SINK_PASSWORD = "Hj4mW9pQz" + "-Wb2022-kafka"  # pragma: allowlist secret

PEOPLE = {
    "ana": ("Ana Ferreira", "ana.ferreira@larkspur.example"),
    "mateus": ("Mateus Costa", "mateus.costa@larkspur.example"),
    "ines": ("Inês Carvalho", "ines.carvalho@larkspur.example"),
    "tiago": ("Tiago Moreira", "tiago.moreira@larkspur.example"),
    "lukas": ("Lukas Brandt", "lukas.brandt@larkspur.example"),
    "rui": ("Rui Pacheco", "rui.pacheco@atlantico-software.example"),
}


#: Waybill's files as templates, one a file: the practice repository's text as Waybill held it. A few take
#: values with ``str.format`` ("{version}"), and double their literal braces for it.
FILES = Path(__file__).resolve().parent / "lab_files"


def _file(name: str) -> str:
    return (FILES / name).read_text(encoding="utf-8")


# ---------------------------------------------------------------------------
# Waybill's files, as the internal repository held them
# ---------------------------------------------------------------------------

def pyproject(version: str, deps: list[str], vendor: bool, scripts: bool, licence: bool = False) -> str:
    lines = [
        "[build-system]",
        'requires = ["setuptools>=77"]' if licence else 'requires = ["setuptools>=61"]',
        'build-backend = "setuptools.build_meta"',
        "",
        "[project]",
        'name = "waybill"',
        f'version = "{version}"',
        'description = "Carrier tracking events (EDIFACT IFTSTA and carrier JSON) in one common format"',
    ]
    if licence:
        lines += ['license = "Apache-2.0"', 'license-files = ["LICENSES/*.txt"]']
    lines += ['requires-python = ">=3.10"', "dependencies = ["]
    lines += [f'    "{d}",' for d in deps]
    lines += ["]"]
    if len(deps) >= 6:
        lines += [
            "",
            "[project.optional-dependencies]",
            "# Mateus Costa's date-parsing library (MIT) reads the odd date formats of two",
            "# carriers. It is optional and installed separately.",
            "test = [",
            '    "pytest>=7",',
            "]",
        ]
    if scripts:
        lines += ["", "[project.scripts]", 'waybill = "waybill.cli:main"']
    include = '["waybill*", "vendor*"]' if vendor else '["waybill*"]'
    lines += ["", "[tool.setuptools.packages.find]", f"include = {include}", ""]
    return "\n".join(lines)


DEPS_2021 = ["pydantic>=2"]
DEPS_PYCOUNTRY = [*DEPS_2021, "pycountry>=22.3"]
DEPS_CLI = [*DEPS_PYCOUNTRY, "click>=8"]
DEPS_FORWARD = [*DEPS_CLI, "requests>=2.27"]
DEPS_ALL = [*DEPS_FORWARD, "python-dateutil>=2.8", "lxml>=4.9"]

GITIGNORE = _file("gitignore.txt")

README_2021 = _file("readme-2021.md")

README_2025 = _file("readme-2025.md")


def init_py(version: str, header: str = "") -> str:
    return header + _file("init.py").format(version=version)


EVENTS_2021 = _file("events-2021.py")


EVENTS_2022 = EVENTS_2021.replace(
    "from pydantic import BaseModel\n",
    "import pycountry\nfrom pydantic import BaseModel, field_validator\n",
).replace(
    "    phone: str | None = None\n",
    "    phone: str | None = None\n"
    "\n"
    '    @field_validator("country")\n'
    "    @classmethod\n"
    "    def known_country(cls, value: str | None) -> str | None:\n"
    '        """Carriers send alpha-2 or alpha-3 codes; keep alpha-2."""\n'
    "        if value is None:\n"
    "            return None\n"
    "        code = value.upper()\n"
    "        country = pycountry.countries.get(alpha_2=code) or pycountry.countries.get(alpha_3=code)\n"
    "        if country is None:\n"
    '            raise ValueError(f"unknown country code {value!r}")\n'
    "        return country.alpha_2\n",
)


def events(header: str = "") -> str:
    """events.py from November 2021 on: country codes checked with pycountry."""
    return header + EVENTS_2022


# REUSE-IgnoreStart
# (The vendored file carries the notice a real GPL file carries; the course's
# own licence check must not read it as a statement about this file.)
GPL_NOTICE = _file("gpl-notice.txt")

VENDOR_HEADER = (
    "# edifact_tokenizer: split UN/EDIFACT interchanges into segments.\n"
    "# Copyright (C) 2018-2020 The edifact_tokenizer authors\n#\n" + GPL_NOTICE + "\n"
)


def reuse_header(holder: str, years: str, comment: str = "#") -> str:
    return (
        f"{comment} SPDX-FileCopyrightText: {years} {holder}\n"
        f"{comment} SPDX-License-Identifier: Apache-2.0\n"
    )


REUSE_TOML = _file("reuse-toml.toml")
# REUSE-IgnoreEnd

TOKENIZER_BODY = _file("tokenizer-body.py")

#: The repaired Waybill's tokenizer: written for Waybill from the EDIFACT syntax rules (ISO 9735), not from
#: the vendored GPL code above. One pass over the characters; the same results on every fixture.
OWN_TOKENIZER = _file("own-tokenizer.py")

#: The repaired Waybill's record of where each part comes from and on what rights it is published:
#: what no scanner sees, and what a release review must still establish.
PROVENANCE = _file("provenance.md")

VENDOR_README = _file("vendor-readme.md")


def edifact(tokenizer_import: str, header: str = "") -> str:
    return header + _file("edifact.py").format(tokenizer_import=tokenizer_import)


TOKENIZER_IMPORT_VENDOR = "from vendor.edifact_tokenizer import segments  # GPL-3.0-or-later, see vendor/"
TOKENIZER_IMPORT_OWN = "from .tokenizer import segments"

VENDOR_INIT = VENDOR_HEADER + _file("vendor-init.py")

NORDRAIL = _file("nordrail.py")

#: Planted where no step of the lab points: a module copied from another project (a fictional MPL-2.0
#: one) whose licence header was deleted; the module's metadata still names its licence and holder,
#: which only a scanner that reads the files' contents reports. Waybill's code never imports it.
CALENDARS = _file("calendars.py")

NORDRAIL_2025 = NORDRAIL.replace(
    'NORDRAIL_CODES = {"24": Status.OUT_FOR_DELIVERY}',
    'NORDRAIL_CODES = {"11": Status.EXCEPTION, "24": Status.OUT_FOR_DELIVERY}',
)


def swiftparcel(exceptions: bool, confidential: bool, header: str = "") -> str:
    doc = (
        "Field names and codes follow SwiftParcel's Tracking API specification\n"
        "v2.3 (confidential: shared with Larkspur under NDA, do not publish)."
        if confidential
        else "Field names and codes follow SwiftParcel's Tracking API, version 2."
    )
    codes = '    "PUP": Status.PICKED_UP,\n    "TRN": Status.IN_TRANSIT,\n    "OFD": Status.OUT_FOR_DELIVERY,\n'
    codes += '    "DLV": Status.DELIVERED,\n'
    if exceptions:
        codes += '    "EXC": Status.EXCEPTION,\n    "NHM": Status.EXCEPTION,\n'
    return header + _file("swiftparcel.py").format(doc=doc, codes=codes)


def settings_internal(swiftparcel_url: bool) -> str:
    text = _file("settings-internal.py").format(SINK_PASSWORD=SINK_PASSWORD)
    if swiftparcel_url:
        text += '\nSWIFTPARCEL_API_URL = "https://api.swiftparcel.example/v2"\n'
    return text


SETTINGS_PUBLIC = _file("settings-public.py")


def cli(stage: int, header: str = "") -> str:
    """The command-line tool: 1 convert IFTSTA (2022), 2 forward (2022), 3 both carriers (2023)."""
    imports = ["import click", ""]
    if stage >= 2:
        imports = ["import json", "", "import click", "import requests", ""]
    if stage >= 3:
        imports += ["from .adapters import nordrail, swiftparcel"]
    else:
        imports += ["from .edifact import read_iftsta"]
    if stage >= 2:
        imports += ["from .settings import EVENT_SINK_PASSWORD, EVENT_SINK_URL, EVENT_SINK_USER"]
    head = '"""The waybill command."""\n\n' + "\n".join(imports) + "\n"
    if stage >= 3:
        head += '\nPARSERS = {"nordrail": nordrail.parse, "swiftparcel": swiftparcel.parse}\n'
        read = _file("cli-1.py")
        option = '@click.option("--carrier", type=click.Choice(sorted(PARSERS)), required=True)\n'
    else:
        read = _file("cli-2.py")
        option = '@click.option("--carrier", required=True, help="Name of the carrier that sent the file.")\n'
    body = _file("cli-3.py").format(option=option)
    if stage >= 2:
        body += "\n\n" + _file("cli-4.txt").format(option=option)
    return header + head + "\n\n" + read + "\n\n" + body


# Hamburg's files carried the group's usual notice for internal code.
# REUSE-IgnoreStart
HAMBURG_NOTICE = "# Copyright (c) 2022 Larkspur Logistics GmbH. All rights reserved.\n\n"
# REUSE-IgnoreEnd

ADAPTERS_INIT = '"""One adapter per carrier: parse(text) -> list of TrackingEvent."""\n'

# --- tests and fixtures -----------------------------------------------------

TEST_EDIFACT_2021 = _file("test-edifact-2021.py")


def test_edifact(own_tokenizer: bool, header: str = "") -> str:
    text = TEST_EDIFACT_2021
    if own_tokenizer:
        text = text.replace("from vendor.edifact_tokenizer import segments", "from waybill.tokenizer import segments")
    return header + text


TEST_CLI = _file("test-cli.py")

TEST_SANDBOX = _file("test-sandbox.py")

SANDBOX_CONFIG = _file("sandbox-config.toml").format(SANDBOX_KEY=SANDBOX_KEY)

TEST_NORDRAIL = _file("test-nordrail.py")


def test_swiftparcel(exceptions: bool) -> str:
    text = _file("test-swiftparcel-1.py")
    if exceptions:
        text += "\n\n" + _file("test-swiftparcel-2.py")
    return text


# The fixtures the team copied from production in June 2022 (invented people,
# streets that do not exist, phone numbers from ranges reserved for fiction).
REAL_PEOPLE = {
    "nordrail-0612": ("Hollins Garden Supplies Ltd", "Gareth Pimblett", "Unit 4 Brackenby Trading Estate",
                      "Leeds", "GB", "00441134960512"),
    "nordrail-0619": ("Marlow and Quist Distribution", "Priyanka Haldane", "Wharf 9 Cordell Quay",
                      "London", "GB", "00442079460173"),
    "sp-delivered": ("Eleanor Brackwater", "41 Tamsin Row", "London", "GB", "+44 7700 900318", "E. Brackwater"),
    "sp-ofd": ("Marguerite Oduya", "1280 Quillan Avenue, Apt 5", "Toronto", "CA", "+1 416 555 0147", None),
    "sp-exception": ("Tobias Wrenfield", "77 Harrowgate Terrace", "Newark", "US", "+1 973 555 0186", None),
}
SYNTHETIC_PEOPLE = {
    "nordrail-0612": ("Test Consignee A Ltd", "Test Contact A", "1 Example Road", "Testtown", "GB", "0000000001"),
    "nordrail-0619": ("Test Consignee B Ltd", "Test Contact B", "2 Example Road", "Testtown", "GB", "0000000002"),
    "sp-delivered": ("Test Recipient C", "3 Example Road", "Testtown", "GB", "+00 0000 000003", "Test Signatory C"),
    "sp-ofd": ("Test Recipient D", "4 Example Road", "Testtown", "CA", "+00 0000 000004", None),
    "sp-exception": ("Test Recipient E", "5 Example Road", "Testtown", "US", "+00 0000 000005", None),
}


def iftsta(ref: str, people: dict, statuses: list[tuple[str, str, str]], interchange: str) -> str:
    name, contact, street, city, country, phone = people[ref]
    day = ref[-4:]
    lines = [
        "UNA:+.? '",
        f"UNB+UNOC:3+NORDRAILCARGO+LARKSPUR+22{day}:0630+{interchange}'",
        "UNH+1+IFTSTA:D:01B:UN'",
        f"BGM+23+NRC22{day}07+9'",
        f"CNI+1+NRC77{day}04'",
        f"NAD+CN+++{name}+{street}+{city}+++{country}'",
        f"CTA+IC+:{contact}'",
        f"COM+{phone}:TE'",
    ]
    for code, stamp, where in statuses:
        lines += [f"STS+1+{code}'", f"DTM+334:2022{day}{stamp}:203'", f"LOC+175+:::{where}'"]
    count = len(lines) - 2 + 1  # UNH to UNT, without UNA and UNB
    lines += [f"UNT+{count}+1'", f"UNZ+1+{interchange}'"]
    return "\n".join(lines) + "\n"


def nordrail_fixtures(people: dict) -> dict[str, str]:
    return {
        "tests/fixtures/nordrail/iftsta-0612.edi": iftsta(
            "nordrail-0612", people, [("5", "0812", "Leeds"), ("21", "1447", "Leeds")], "000471"
        ),
        "tests/fixtures/nordrail/iftsta-0619.edi": iftsta(
            "nordrail-0619", people,
            [("1", "0540", "Hamburg Billwerder"), ("5", "1310", "Rotterdam"), ("24", "2355", "London")], "000488",
        ),
    }


def parcel(ref: str, number: str, people: dict, events: list[dict]) -> str:
    import json

    name, street, city, country, phone, signatory = people[ref]
    for event in events:
        if event["code"] == "DLV" and signatory:
            event["signatory"] = signatory
    message = {
        "trackingNumber": number,
        "service": "SP-STANDARD",
        "recipient": {"name": name, "addressLine": street, "city": city, "countryCode": country, "phone": phone},
        "events": events,
    }
    return json.dumps(message, indent=2, ensure_ascii=False) + "\n"


def swiftparcel_fixtures(people: dict, exceptions: bool) -> dict[str, str]:
    files = {
        "tests/fixtures/swiftparcel/delivered-4410029384.json": parcel("sp-delivered", "4410029384", people, [
            {"code": "TRN", "timestamp": "2022-06-13T21:40:00+01:00", "depot": "Daventry hub"},
            {"code": "OFD", "timestamp": "2022-06-14T07:05:00+01:00", "depot": "London East"},
            {"code": "DLV", "timestamp": "2022-06-14T11:32:00+01:00", "depot": "London East"},
        ]),
        "tests/fixtures/swiftparcel/out-for-delivery-4410031177.json": parcel("sp-ofd", "4410031177", people, [
            {"code": "TRN", "timestamp": "2022-06-15T02:10:00-04:00", "depot": "Mississauga hub"},
            {"code": "OFD", "timestamp": "2022-06-15T08:20:00-04:00", "depot": "Toronto Central"},
        ]),
    }
    if exceptions:
        files["tests/fixtures/swiftparcel/exception-4410035502.json"] = parcel("sp-exception", "4410035502", people, [
            {"code": "OFD", "timestamp": "2022-06-16T08:02:00-04:00", "depot": "Newark"},
            {"code": "NHM", "timestamp": "2022-06-16T13:45:00-04:00", "depot": "Newark",
             "reason": "Recipient not at home; card left"},
        ])
    return files


# --- files of the released variant only -------------------------------------

README_PUBLIC = _file("readme-public.md")

CONTRIBUTING = _file("contributing.md")

CODE_OF_CONDUCT = _file("code-of-conduct.md")

SECURITY = _file("security.md")

FIXTURES_README = _file("fixtures-readme.md")


def licence_text() -> str:
    return (ROOT / "LICENSES" / "Apache-2.0.txt").read_text(encoding="utf-8")


# ---------------------------------------------------------------------------
# The two histories
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Commit:
    date: str
    author: str
    message: str
    files: dict[str, str | None] = field(default_factory=dict)  # None deletes


def practice_history() -> list[Commit]:
    """Waybill's internal history, 2021-2026, shortened to fourteen commits."""
    return [
        Commit("2021-03-08T10:14:00+00:00", "ana", "Start Waybill: a common event model for tracking events", {
            ".gitignore": GITIGNORE,
            "README.md": README_2021,
            "pyproject.toml": pyproject("0.1.0", DEPS_2021, vendor=False, scripts=False),
            "waybill/__init__.py": init_py("0.1.0"),
            "waybill/events.py": EVENTS_2021,
        }),
        Commit("2021-05-19T16:02:00+01:00", "ana", "Read IFTSTA messages with a vendored EDIFACT tokenizer", {
            "pyproject.toml": pyproject("0.1.0", DEPS_2021, vendor=True, scripts=False),
            "vendor/__init__.py": "",
            "vendor/edifact_tokenizer/__init__.py": VENDOR_INIT,
            "vendor/edifact_tokenizer/tokenizer.py": VENDOR_HEADER + TOKENIZER_BODY,
            "vendor/edifact_tokenizer/README.md": VENDOR_README,
            "waybill/edifact.py": edifact(TOKENIZER_IMPORT_VENDOR),
            "tests/test_edifact.py": test_edifact(own_tokenizer=False),
        }),
        Commit("2021-11-03T11:47:00+00:00", "ines", "Check country codes with pycountry", {
            "pyproject.toml": pyproject("0.2.0", DEPS_PYCOUNTRY, vendor=True, scripts=False),
            "waybill/events.py": events(),
        }),
        Commit("2022-02-14T14:25:00+01:00", "lukas", "Command-line tool: waybill convert", {
            "pyproject.toml": pyproject("0.3.0", DEPS_CLI, vendor=True, scripts=True),
            "waybill/cli.py": cli(1, HAMBURG_NOTICE),
        }),
        Commit("2022-04-05T09:31:00+01:00", "tiago", "Try SwiftParcel's sandbox for tracking events", {
            "tests/config/swiftparcel-sandbox.toml": SANDBOX_CONFIG,
            "tests/test_sandbox.py": TEST_SANDBOX,
        }),
        Commit("2022-04-12T17:58:00+01:00", "tiago", "Remove the SwiftParcel sandbox test", {
            "tests/config/swiftparcel-sandbox.toml": None,
            "tests/test_sandbox.py": None,
        }),
        Commit("2022-06-20T15:10:00+01:00", "ines",
               "Test fixtures: carrier messages copied from production, June 2022", {
            **nordrail_fixtures(REAL_PEOPLE),
            **swiftparcel_fixtures(REAL_PEOPLE, exceptions=True),
            "tests/test_cli.py": TEST_CLI,
        }),
        Commit("2022-10-11T10:40:00+02:00", "lukas", "Forward events to the Kafka REST proxy; default settings", {
            "pyproject.toml": pyproject("0.4.0", DEPS_FORWARD, vendor=True, scripts=True),
            "waybill/settings.py": settings_internal(swiftparcel_url=False),
            "waybill/cli.py": cli(2, HAMBURG_NOTICE),
        }),
        Commit("2023-03-22T13:05:00+00:00", "rui", "NordRail Cargo adapter: status codes and terminals", {
            "waybill/adapters/__init__.py": ADAPTERS_INIT,
            "waybill/adapters/nordrail.py": NORDRAIL,
            "tests/test_nordrail.py": TEST_NORDRAIL,
        }),
        Commit("2023-09-27T16:30:00+01:00", "mateus",
               "SwiftParcel adapter, from SwiftParcel's API specification v2.3", {
            "pyproject.toml": pyproject("0.6.0", DEPS_ALL, vendor=True, scripts=True),
            "waybill/settings.py": settings_internal(swiftparcel_url=True),
            "waybill/adapters/swiftparcel.py": swiftparcel(exceptions=False, confidential=True),
            "waybill/cli.py": cli(3, HAMBURG_NOTICE),
            "tests/test_swiftparcel.py": test_swiftparcel(exceptions=False),
        }),
        Commit("2024-05-16T11:12:00+01:00", "mateus", "SwiftParcel: delivery exceptions (NHM, EXC)", {
            "waybill/adapters/swiftparcel.py": swiftparcel(exceptions=True, confidential=True),
            "tests/test_swiftparcel.py": test_swiftparcel(exceptions=True),
        }),
        Commit("2024-09-03T14:40:00+01:00", "lukas", "Working days per country for delivery promises", {
            "waybill/calendars.py": CALENDARS,
        }),
        Commit("2025-02-04T09:55:00+00:00", "ines", "NordRail: code 11 (wagon held at a terminal) is an exception", {
            "waybill/adapters/nordrail.py": NORDRAIL_2025,
        }),
        Commit("2025-11-18T15:20:00+00:00", "ana", "README: how to run Waybill at Larkspur", {
            "README.md": README_2025,
        }),
        Commit("2026-01-26T10:00:00+00:00", "ana", "Version 0.9.0", {
            "pyproject.toml": pyproject("0.9.0", DEPS_ALL, vendor=True, scripts=True),
            "waybill/__init__.py": init_py("0.9.0"),
        }),
    ]


def fixed_history() -> list[Commit]:
    """The state after the audit's fixes, published with a fresh history."""
    core = "Larkspur Tecnologia, Unipessoal Lda"
    py = {
        "waybill/__init__.py": init_py("1.0.0", reuse_header(core, "2021-2026")),
        "waybill/events.py": events(reuse_header(core, "2021-2026")),
        "waybill/tokenizer.py": reuse_header(core, "2026") + OWN_TOKENIZER,
        "waybill/edifact.py": edifact(TOKENIZER_IMPORT_OWN, reuse_header(core, "2021-2026")),
        "waybill/settings.py": reuse_header("Larkspur Logistics GmbH", "2022-2026") + SETTINGS_PUBLIC,
        "waybill/cli.py": cli(3, reuse_header("Larkspur Logistics GmbH", "2022-2026")),
        "waybill/adapters/__init__.py": reuse_header(core, "2023") + ADAPTERS_INIT,
        "waybill/adapters/nordrail.py": reuse_header("Atlântico Software Lda", "2023") + NORDRAIL_2025,
        "waybill/adapters/swiftparcel.py": swiftparcel(exceptions=True, confidential=False,
                                                       header=reuse_header(core, "2023-2024")),
        "tests/test_edifact.py": test_edifact(own_tokenizer=True, header=reuse_header(core, "2021-2026")),
        "tests/test_cli.py": reuse_header("Larkspur Logistics GmbH", "2022") + TEST_CLI,
        "tests/test_nordrail.py": reuse_header("Atlântico Software Lda", "2023") + TEST_NORDRAIL,
        "tests/test_swiftparcel.py": reuse_header(core, "2023-2024") + test_swiftparcel(exceptions=True),
        "pyproject.toml": reuse_header(core, "2021-2026")
        + pyproject("1.0.0", DEPS_ALL, vendor=False, scripts=True, licence=True),
    }
    files = {
        ".gitignore": GITIGNORE,
        "LICENSE": licence_text(),
        "LICENSES/Apache-2.0.txt": licence_text(),
        "REUSE.toml": REUSE_TOML,
        "README.md": README_PUBLIC,
        "PROVENANCE.md": PROVENANCE,
        "CONTRIBUTING.md": CONTRIBUTING,
        "CODE_OF_CONDUCT.md": CODE_OF_CONDUCT,
        "SECURITY.md": SECURITY,
        "tests/fixtures/README.md": FIXTURES_README,
        **nordrail_fixtures(SYNTHETIC_PEOPLE),
        **swiftparcel_fixtures(SYNTHETIC_PEOPLE, exceptions=True),
        **py,
    }
    message = _file("fixed-history.txt")
    return [Commit("2026-05-20T10:00:00+01:00", "ana", message, files)]


# ---------------------------------------------------------------------------
# Writing the repository
# ---------------------------------------------------------------------------

GIT_SETTINGS = [
    "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false",
    "-c", "core.autocrlf=false", "-c", "core.eol=lf", "-c", "core.filemode=true",
    "-c", "core.hooksPath=.git/no-hooks", "-c", "i18n.commitEncoding=UTF-8",
    "-c", f"init.defaultBranch={BRANCH}", "-c", "user.useConfigOnly=false",
]


def _git(repo: Path, home: Path, *args: str, who: str | None = None, date: str | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update({
        "HOME": str(home), "XDG_CONFIG_HOME": str(home),
        "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_SYSTEM": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
        "LC_ALL": "C", "TZ": "UTC",
    })
    if who:
        name, email = PEOPLE[who]
        env.update({
            "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email, "GIT_AUTHOR_DATE": date or "",
            "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email, "GIT_COMMITTER_DATE": date or "",
        })
    result = subprocess.run(["git", *GIT_SETTINGS, *args], cwd=repo, env=env, capture_output=True, text=True)
    if result.returncode:
        raise RuntimeError(f"git {' '.join(args)} failed in {repo}:\n{result.stderr}")
    return result.stdout


def write_repository(target: Path, fixed: bool = False) -> list[str]:
    """Write the practice (or fixed) repository into ``target``; return its commit hashes, oldest first."""
    target = Path(target)
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as home:
        home = Path(home)
        _git(target, home, "init", "-q")
        _git(target, home, "symbolic-ref", "HEAD", f"refs/heads/{BRANCH}")
        for sample in (target / ".git" / "hooks").glob("*"):
            sample.unlink()
        for commit in fixed_history() if fixed else practice_history():
            for name, text in commit.files.items():
                path = target / name
                if text is None:
                    path.unlink()
                    continue
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(text.encode("utf-8"))  # bytes: the same line endings everywhere
            _git(target, home, "add", "-A")
            _git(target, home, "commit", "-q", "--no-verify", "-m", commit.message,
                 who=commit.author, date=commit.date)
        return _git(target, home, "rev-list", "--reverse", "HEAD").split()


def zip_repository(repo: Path, target: Path, top: str | None = None) -> None:
    """Pack ``repo`` (work tree and .git) into ``target``, with sorted names, fixed times and a normalised index."""
    repo, target = Path(repo), Path(target)
    top = top or repo.name

    def entries():
        for path in sorted(p for p in repo.rglob("*") if p.is_file()):
            name = path.relative_to(repo).as_posix()
            data = path.read_bytes()
            yield f"{top}/{name}", normalised_index(data) if name == ".git/index" else data

    write_zip(target, entries())


def normalised_index(data: bytes) -> bytes:
    """Git's index without the file system's stat data (times, device, inode, owner).

    Those fields differ between two writes of the same repository; git only
    uses them to skip hashing unchanged files, and hashes the files again
    when they do not match, so ``git status`` is clean after unzipping.
    Index versions 2 and 3 (what ``git add`` writes): each entry is 62 bytes
    of fields, the path, and NUL padding to a multiple of 8.
    """
    if data[:4] != b"DIRC" or int.from_bytes(data[4:8], "big") not in (2, 3):
        return data
    out = bytearray(data[:-20])
    offset = 12
    for _ in range(int.from_bytes(data[8:12], "big")):
        out[offset:offset + 24] = bytes(24)  # ctime, mtime, dev, ino
        out[offset + 28:offset + 36] = bytes(8)  # uid, gid (mode at +24 and size at +36 stay)
        flags = int.from_bytes(data[offset + 60:offset + 62], "big")
        extended = 2 if flags & 0x4000 else 0
        length = 62 + extended + (flags & 0xFFF)
        offset += (length + 8) // 8 * 8
    return bytes(out) + hashlib.sha1(out).digest()


def practice_zip(cache: Path) -> Path:
    """The practice repository's zip, written once per version of this module, its files and git into ``cache``
    (git writes the repository's index and objects: another git, perhaps other bytes)."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(subprocess.run(["git", "--version"], capture_output=True, check=True).stdout)
    for path in sorted(path for path in FILES.iterdir() if path.is_file()):  # not a __pycache__ compileall left
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    version = digest.hexdigest()[:16]
    target = Path(cache) / f"waybill-practice-{version}.zip"
    if not target.exists():  # builds side by side may all make it at once: each its own part, moved whole
        part = own_part(target)
        with tempfile.TemporaryDirectory() as work:
            write_repository(Path(work) / "waybill-practice")
            zip_repository(Path(work) / "waybill-practice", part)
        part.replace(target)
    return target


# ---------------------------------------------------------------------------
# The answer key
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Finding:
    """One row of the audit: the commands that find it, what they show, the fix.

    ``commands`` run one after the other from the repository's root, in a
    folder that also holds ``waybill-env`` (a virtual environment with
    Waybill installed). ``finds`` are patterns the output shows on the
    practice repository; for a ``defect``, ``clean`` (default: ``finds``) are
    patterns the output must not show on the fixed repository.
    """

    key: str
    title: str
    kind: str  # "defect" or "question"
    commands: tuple[str, ...]
    finds: tuple[str, ...]
    shows: str
    fix: str
    clean: tuple[str, ...] = ()
    #: The words by which the course names the finding: the lab's key, the module's worksheet (memo, checklist,
    #: audit table, release gate) and the capstone's rubric all use them, so every finding carries through.
    named: str = ""
    #: A line the output holds whether or not the learner has understood it yet: the lesson shows it
    #: after the step, so that a reader alone knows the command ran as it should.
    on_track: str = ""

    @property
    def clean_patterns(self) -> tuple[str, ...]:
        return self.clean or self.finds


SANDBOX_KEY_HASH = hashlib.sha1(SANDBOX_KEY.encode()).hexdigest()
SINK_PASSWORD_HASH = hashlib.sha1(SINK_PASSWORD.encode()).hexdigest()

FINDINGS: tuple[Finding, ...] = (
    Finding(
        key="licence-information",
        on_track='your project is not compliant with version 3.3 of the REUSE Specification',
        named="licence headers",
        title="Files without licence or copyright information",
        kind="defect",
        commands=("reuse lint",),
        finds=(r"no copyright and licensing information", r"\* waybill/events\.py", r"\* waybill/settings\.py"),
        clean=(r"not compliant", r"MISSING"),
        shows="Every file of Waybill's own is listed as having no copyright and licensing information; "
              "the vendored tokenizer has a copyright line but no licence tag, and there is no LICENSES/ folder.",
        fix="Choose the outbound licence (Apache-2.0), add SPDX headers or REUSE.toml entries naming the right "
            "copyright holder per file, add LICENSES/Apache-2.0.txt, and run reuse lint in CI.",
    ),
    Finding(
        key="copied-code",
        on_track='"path": "waybill-practice",',
        named="calendar module",
        title="A module copied from another project, its licence notice deleted",
        kind="defect",
        commands=(
            "scancode --license --copyright -n 2 --quiet --ignore build \\\n"
            '    --ignore "*.egg-info" --json-pp ../scan.json .',
            "grep -E '\"(path|detected_license_expression_spdx|holder)\"' ../scan.json",
        ),
        finds=(r'"path": "[^"]*waybill/calendars\.py",\n\s*"detected_license_expression_spdx": "MPL-2\.0"',
               r'"holder": "Kestrel Freight',  # ScanCode shortens the holder's name
               r'"path": "[^"]*vendor/edifact_tokenizer/tokenizer\.py",\n\s*"detected_license_expression_spdx": '
               r'"GPL-3\.0-or-later"',
               r'"path": "[^"]*waybill/edifact\.py",\n\s*"detected_license_expression_spdx": "GPL-3\.0-or-later"'),
        clean=(r"calendars\.py", r"Kestrel", r"vendor/edifact_tokenizer",
               r'waybill/edifact\.py",\n\s*"detected_license_expression_spdx": "GPL'),
        shows="The content scan lists a licence for waybill/calendars.py, a file of Waybill's own that reuse lint "
              "reports as having none: MPL-2.0, with Kestrel Freight Tools contributors as copyright holder. The "
              "module was copied from that project and its licence header deleted; the metadata lines near the "
              "top still say where it came from. The scan also reads the GPL notice of the vendored tokenizer, "
              "and gives waybill/edifact.py GPL-3.0-or-later for the comment on its import of that tokenizer.",
        fix="Restore the MPL-2.0 notice and keep the file under MPL-2.0 (the MPL applies file by file), or leave "
            "it out and write the feature anew; record the decision in the provenance record. Nothing imports "
            "it, so the fixed variant leaves it out.",
    ),
    Finding(
        key="vendored-gpl",
        on_track='vendor/edifact_tokenizer/__init__.py:',
        named="tokenizer",
        title="Vendored GPL-3.0-or-later tokenizer",
        kind="defect",
        commands=('git grep -n -I -i "general public license"',
                  "ls vendor/edifact_tokenizer",
                  'git grep -n "vendor" -- pyproject.toml'),
        finds=(r"vendor/edifact_tokenizer/tokenizer\.py:\d+:.*General Public License",
               r"(?m)^README\.md\n__init__\.py\ntokenizer\.py$",
               r'pyproject\.toml:\d+:include = \["waybill\*", "vendor\*"\]'),
        clean=(r"General Public License", r"tokenizer\.py", r"vendor\*"),
        shows="vendor/edifact_tokenizer/ carries the GPL-3.0-or-later notice (in tokenizer.py and __init__.py); "
              "the folder holds no copy of the licence text, which the GPL requires to travel with the code; and "
              "pyproject.toml packages vendor* beside waybill*, so the wheel installs the GPL code as a top-level "
              "package named vendor.",
        fix="Decide with legal counsel: replace the tokenizer (a rewrite by people who have not copied it, or a "
            "permissively licensed library), or release Waybill under GPL-3.0-or-later. Either way, package "
            "only waybill*. The fixed variant replaces it with Waybill's own tokenizer.",
    ),
    Finding(
        key="live-secret",
        on_track='"version": "1.5.0",',
        named="Kafka password",
        title="A live password in the default settings",
        kind="defect",
        commands=("detect-secrets scan -n",),
        finds=(r'"waybill/settings\.py"', r'"type": "Secret Keyword"', SINK_PASSWORD_HASH),
        clean=(r'"hashed_secret"',),
        shows="One result in waybill/settings.py, type Secret Keyword: the password of the service account that "
              "posts events to the Kafka REST proxy.",
        fix="Rita Santos's team rotates the password first; then the settings read it from the environment and "
            "the history that holds it is not published.",
    ),
    Finding(
        key="history-secret",
        on_track='"history.patch": [',
        named="sandbox key",
        title="SwiftParcel sandbox key in the history",
        kind="defect",
        commands=(
            "git log -p --all > ../history.patch\n(cd .. && detect-secrets scan -n history.patch)",
            'grep -n -B1 "api_key" ../history.patch',
            'git log --all --date=short --format="%h %ad %an: %s" -S spk_sandbox_',
        ),
        finds=(SANDBOX_KEY_HASH, r'\+api_key = "spk_sandbox_', r'\+account = "LARKSPUR-PT-TEST"',
               r"2022-04-05 Tiago Moreira: Try SwiftParcel's sandbox",
               r"2022-04-12 Tiago Moreira: Remove the SwiftParcel sandbox test"),
        clean=(SANDBOX_KEY_HASH, r"api_key = ", r'"hashed_secret"', r"Tiago"),
        shows="The scan of the history finds the sandbox key (and the Kafka password again); grep shows the line "
              "that added it to tests/config/swiftparcel-sandbox.toml, below Larkspur's sandbox account name "
              "(LARKSPUR-PT-TEST); git log -S shows the commit of 5 April 2022 "
              "that added it and the one of 12 April 2022 that removed it.",
        fix="Ask SwiftParcel to revoke the key and confirm it; then publish a fresh history or rewrite it "
            "(git filter-repo) and check again.",
    ),
    Finding(
        key="personal-data",
        on_track='tests/fixtures/nordrail/iftsta-0612.edi:',
        named="fixtures",
        title="Personal data in the test fixtures",
        kind="defect",
        commands=(
            'git grep -n -I -E "([+]|00)[1-9][0-9 ]{8,}" -- tests/fixtures',
            'git log --date=short --format="%h %ad %an: %s" -- tests/fixtures',
        ),
        finds=(r"tests/fixtures/swiftparcel/delivered-4410029384\.json:\d+:.*\+44 7700 900318",
               r"tests/fixtures/nordrail/iftsta-0612\.edi:\d+:COM\+00441134960512",
               r"copied from production"),
        clean=(r"tests/fixtures/\S+:\d+:", r"copied from production"),
        shows="Phone numbers in all five fixtures, next to names and street addresses; the fixtures' history says "
              "they were copied from production in June 2022.",
        fix="Replace the fixtures with synthetic ones, do not publish the history that holds the real ones, and "
            "tell Lena Hoffmann (data protection officer).",
    ),
    Finding(
        key="internal-hosts",
        on_track='README.md:',
        named="host names",
        title="Internal host names, accounts and contacts",
        kind="defect",
        commands=('git grep -n -I -i -E "\\.internal|slack|svc-"',),
        finds=(r"waybill/settings\.py:\d+:.*kafka-01\.hh\.larkspur\.internal",
               r"README\.md:\d+:.*wiki\.larkspur\.internal",
               r"README\.md:\d+:Internal use only\. Questions: #waybill on Slack, or Ana Ferreira\.",
               r'waybill/settings\.py:\d+:EVENT_SINK_USER = "svc-waybill"'),
        clean=(r"\.internal", r"Slack", r"svc-waybill"),
        shows="waybill/settings.py names two Kafka REST proxies in Hamburg (kafka-01 and kafka-02.hh.larkspur."
              "internal) and the service account svc-waybill; the README links the internal wiki and sends "
              "questions to an internal Slack channel and to Ana Ferreira by name.",
        fix="Read the hosts and the account from the environment with neutral defaults (localhost, none); rewrite "
            "the README for outside users, with the project's public channels instead of a colleague's name.",
    ),
    Finding(
        key="health-files",
        on_track='missing: LICENSE',
        named="health files",
        title="Missing health files",
        kind="defect",
        commands=(
            'for f in LICENSE CONTRIBUTING.md CODE_OF_CONDUCT.md SECURITY.md\ndo test -e "$f" || '
            'echo "missing: $f"; done',
        ),
        finds=(r"missing: LICENSE\b", r"missing: CONTRIBUTING\.md", r"missing: CODE_OF_CONDUCT\.md",
               r"missing: SECURITY\.md"),
        clean=(r"missing:",),
        shows="All four are missing.",
        fix="Add LICENSE, CONTRIBUTING.md (with the DCO sign-off), CODE_OF_CONDUCT.md (with a contact) and "
            "SECURITY.md (private reporting).",
    ),
    Finding(
        key="dependency-licences",
        on_track='License',
        named="pycountry",
        title="Dependency licences",
        kind="question",
        commands=("pip-licenses --python ../waybill-env/bin/python --order=license",),
        finds=(r"pycountry\s+\S+\s+LGPL-2\.1-only",),
        shows="pycountry is LGPL-2.1-only; certifi (needed by requests) is MPL-2.0; Waybill itself shows UNKNOWN, "
              "because its packaging file declares no licence; the rest are permissive.",
        fix="Record them, and ask legal counsel to confirm that using pycountry and certifi unmodified, as separately "
            "installed packages, fits an Apache-2.0 release; declare Waybill's licence in pyproject.toml.",
    ),
    Finding(
        key="contributors",
        on_track='Ana Ferreira <ana.ferreira@larkspur.example>',
        named="NordRail adapter",
        title="Who wrote the code",
        kind="question",
        commands=("git shortlog -sne --all",),
        finds=(r"Rui Pacheco <rui\.pacheco@atlantico-software\.example>",),
        shows="Six authors; one, Rui Pacheco, writes from atlantico-software.example: the contractor who wrote "
              "the NordRail adapter.",
        fix="Legal counsel checks the contract's clause on rights in the code before the adapter is published.",
    ),
    Finding(
        key="confidential",
        on_track='waybill/adapters/swiftparcel.py:',
        named="SwiftParcel adapter",
        title="Confidential material in the code",
        kind="question",
        commands=('git grep -n -I -i -w -E "confidential|NDA"',),
        finds=(r"waybill/adapters/swiftparcel\.py:\d+:.*NDA",),
        shows="The SwiftParcel adapter says it follows a specification shared under a non-disclosure agreement.",
        fix="Ask SwiftParcel whether the adapter may be published; until it agrees, keep the adapter private.",
    ),
)

#: The audit tools, as learners install them into their own environment (the lesson shows the line).
#: ScanCode's plugin loader finds no hooks with pluggy 1.6 or later, hence the pin; pytest needs 1.6, so
#: the tests run the tools from an environment of their own too (make lab-tools).
TOOLS = ("reuse==6.2.0", "detect-secrets==1.5.0", "pip-licenses==5.5.5", "scancode-toolkit-mini==32.5.0",
         "pluggy==1.5.0")

# What learners run before and at the start of the lab (the lesson shows each verbatim).
SETUP = (
    "mkdir waybill-lab && cd waybill-lab",
    "unzip /path/to/waybill-practice.zip",
    "python3 -m venv tools",
    "tools/bin/pip install " + " ".join(TOOLS[:3]) + " \\\n    " + " ".join(TOOLS[3:]),
    "python3 -m venv waybill-env",
    "waybill-env/bin/pip install ./waybill-practice",
    "cd waybill-practice",
    "source ../tools/bin/activate",
    "git log --oneline",
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coursetools.lab", description=__doc__.split("\n\n")[0])
    parser.add_argument("target", type=Path, help="folder to write the repository into (replaced if it exists)")
    parser.add_argument("--fixed", action="store_true", help="write the state after the audit's fixes")
    parser.add_argument("--zip", type=Path, help="also pack the repository into this zip file")
    args = parser.parse_args(argv)
    hashes = write_repository(args.target, fixed=args.fixed)
    commits = f"{len(hashes)} commit" + ("s" if len(hashes) > 1 else "")
    print(f"wrote {args.target} ({commits}, HEAD {hashes[-1][:12]})")
    if args.zip:
        zip_repository(args.target, args.zip)
        print(f"wrote {args.zip}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

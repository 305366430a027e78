"""The hand-maintained suites of expectations/ (the source of truth; GX never rewrites them).

A suite file is readable JSON in Great Expectations' own shape (name, expectations with
type, kwargs, description, meta) plus the version and the table the suite validates:

    {"name": "narrative_identities", "version": "1.0.0", "data_asset": "audit.identity_checks",
     "expectations": [{"type": "unexpected_rows_expectation",
                       "description": "N1 收入总计 = …",
                       "kwargs": {"unexpected_rows_query": "select * from {batch} where …"},
                       "meta": {"identity_id": "N1", "severity": "critical"}}]}
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

SEVERITIES = ("critical", "warning")


@dataclass(frozen=True)
class SuiteExpectation:
    type: str
    description: str
    kwargs: dict
    identity_id: str
    severity: str


@dataclass(frozen=True)
class Suite:
    name: str
    version: str
    description: str
    data_asset: str  # the schema-qualified table or view the suite validates
    expectations: tuple[SuiteExpectation, ...]
    path: Path


class SuiteError(Exception):
    """A suite file that is not well formed; names the file and the expectation."""


def load_suites(directory: Path) -> list[Suite]:
    paths = sorted(directory.glob("*.json"))
    if not paths:
        raise SuiteError(f"no suites (*.json) in {directory}")
    return [load_suite(path) for path in paths]


def load_suite(path: Path) -> Suite:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise SuiteError(f"{path.name}: not JSON ({error})") from None
    expectations = []
    for number, item in enumerate(data.get("expectations", []), start=1):
        meta = item.get("meta", {})
        where = f"{path.name}, expectation {number}"
        if meta.get("severity") not in SEVERITIES:
            raise SuiteError(f"{where}: meta.severity must be one of {SEVERITIES}")
        if not meta.get("identity_id") or not item.get("description"):
            raise SuiteError(f"{where}: needs meta.identity_id and a description")
        expectations.append(
            SuiteExpectation(
                type=item["type"],
                description=item["description"],
                kwargs=item.get("kwargs", {}),
                identity_id=meta["identity_id"],
                severity=meta["severity"],
            )
        )
    if not expectations:
        raise SuiteError(f"{path.name}: no expectations")
    return Suite(
        name=data["name"],
        version=data["version"],
        description=data.get("description", ""),
        data_asset=data["data_asset"],
        expectations=tuple(expectations),
        path=path,
    )

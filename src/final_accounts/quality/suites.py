"""The suites of expectations/, generated from the check registry (seeds/reference: ref_checks,
ref_check_instances, ref_check_suites), and read back for Great Expectations.

A suite file is readable JSON in Great Expectations' own shape (name, expectations with
type, kwargs, description, meta) plus the version and the table the suite validates:

    {"name": "narrative_identities", "version": "…", "data_asset": "audit.identity_results",
     "expectations": [{"type": "unexpected_rows_expectation",
                       "description": "N1: 收入总计 = …",
                       "kwargs": {"unexpected_rows_query": "select … from {batch} where …"},
                       "meta": {"identity_id": "N1", "severity": "critical"}}]}

Every build generates the suites from its registry and validates with them; the committed files
are the same generation (`final-accounts suites` writes them, a test keeps them in step). The
version is a hash of the suite's expectations, so a changed check is a new version in
audit.validation_runs.
"""

from __future__ import annotations

import csv
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import duckdb

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


class SuiteError(Exception):
    """A suite that is not well formed; names the suite and the expectation."""


@dataclass(frozen=True)
class Registry:
    """The rows of the check registry the suites are generated from."""

    checks: list[dict]  # ref_checks
    instances: list[dict]  # ref_check_instances
    suites: list[dict]  # ref_check_suites


REGISTRY_TABLES = ("ref_checks", "ref_check_instances", "ref_check_suites")


def read_registry(reference: Path) -> Registry:
    """The registry as committed (the CSVs of a seeds folder)."""
    return Registry(*(_read(reference / f"{table}.csv") for table in REGISTRY_TABLES))


def warehouse_registry(database: Path) -> Registry:
    """The registry a warehouse was built with (its reference schema), so that a warehouse is
    validated against its own checks."""
    with duckdb.connect(str(database), read_only=True) as connection:
        tables = []
        for table in REGISTRY_TABLES:
            cursor = connection.execute(f"select * from reference.{table}")
            names = [d[0] for d in cursor.description]
            tables.append(
                [
                    {k: "" if v is None else str(v) for k, v in zip(names, row, strict=True)}
                    for row in cursor.fetchall()
                ]
            )
    return Registry(*tables)


def registry_suites(registry: Registry) -> list[Suite]:
    """The suites of a registry, ready for the gate."""
    return [parse_suite(data) for data in generate_suites(registry).values()]


def parse_suite(data: dict) -> Suite:
    expectations = []
    for number, item in enumerate(data.get("expectations", []), start=1):
        meta = item.get("meta", {})
        where = f"suite {data.get('name')}, expectation {number}"
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
        raise SuiteError(f"suite {data.get('name')}: no expectations")
    return Suite(
        name=data["name"],
        version=data["version"],
        description=data.get("description", ""),
        data_asset=data["data_asset"],
        expectations=tuple(expectations),
    )


DATA_ASSET = "audit.identity_results"
# What an expectation reports of each failing row (decimals as text: GX converts each Decimal
# it serialises with a stack inspection, which at a province's scale takes minutes).
_FAILING_ROWS = (
    "select identity_check_id, document_id, instance, left_label, left_value::varchar as "
    "left_value, right_label, right_value::varchar as right_value, difference::varchar as "
    "difference, envelope::varchar as envelope, source_lines from {{batch}} "
    "where identity_id = '{check}' and suite = '{suite}' and outcome = 'fail'"
)


def generate_suites(registry: Registry) -> dict[str, dict]:
    """Each suite of the registry as its JSON document: one expectation per check it judges,
    then its coverage and not_evaluable-reason expectations."""
    checks = {row["check_id"]: row for row in registry.checks}
    instances = registry.instances
    suites = {}
    for row in sorted(registry.suites, key=lambda r: r["suite"]):
        name = row["suite"]
        judged = sorted({i["check_id"] for i in instances if i["suite"] == name}, key=_check_order)
        expectations = [_check_expectation(checks[check], name) for check in judged]
        expectations += [_coverage_expectation(name), _reason_expectation(name)]
        body = json.dumps(expectations, ensure_ascii=False, sort_keys=True)
        suites[name] = {
            "name": name,
            "version": hashlib.sha256(body.encode()).hexdigest()[:12],
            "description": row["description"],
            "data_asset": DATA_ASSET,
            "expectations": expectations,
        }
    return suites


def write_suites(suites: dict[str, dict], directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, suite in suites.items():
        path = directory / f"{name}.json"
        path.write_text(json.dumps(suite, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        paths.append(path)
    for stale in directory.glob("*.json"):
        if stale not in paths:
            stale.unlink()
    return paths


def _check_expectation(check: dict, suite: str) -> dict:
    return {
        "type": "unexpected_rows_expectation",
        "description": f"{check['check_id']}: {check['description']}",
        "kwargs": {
            "unexpected_rows_query": _FAILING_ROWS.format(check=check["check_id"], suite=suite)
        },
        "meta": {"identity_id": check["check_id"], "severity": check["severity"]},
    }


def _coverage_expectation(suite: str) -> dict:
    return {
        "type": "unexpected_rows_expectation",
        "description": (
            "Coverage: every check of the suite has at least one row for every document it "
            "applies to (evaluated, or not_evaluable with the reason), so none is silently "
            "skipped (audit.check_coverage)."
        ),
        "kwargs": {
            "unexpected_rows_query": (
                "select coverage.suite, coverage.check_id, coverage.document_id "
                f"from audit.check_coverage as coverage where coverage.suite = '{suite}' "
                "and not exists (select 1 from {batch} where suite = coverage.suite "
                "and identity_id = coverage.check_id and document_id = coverage.document_id)"
            )
        },
        "meta": {"identity_id": "coverage", "severity": "critical"},
    }


def _reason_expectation(suite: str) -> dict:
    return {
        "type": "unexpected_rows_expectation",
        "description": (
            "Every not_evaluable row says why (which input is not disclosed or not printed, "
            "or why the percentage is undefined)."
        ),
        "kwargs": {
            "unexpected_rows_query": (
                "select identity_check_id from {batch} where suite = "
                f"'{suite}' and outcome = 'not_evaluable' and not_evaluable_reason is null"
            )
        },
        "meta": {"identity_id": "not_evaluable_reason", "severity": "critical"},
    }


def _check_order(check_id: str) -> tuple[str, int]:
    digits = check_id.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return check_id[: len(check_id) - len(digits)], int(digits) if digits.isdigit() else 0


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))

"""The gate: run the suites of the check registry, decide by severity and by document, record
the run.

- Each document gets its status (audit.document_status): an unacknowledged failure of a
  `critical` check makes it `failed_checks`, an accepted one `certified_with_acknowledgements`;
  a file that could not be read is `rejected_input`. One document's failure does not keep the
  others out: the build publishes every readable document and exits 1 when any document
  failed or was rejected (`--strict`: nothing is published unless every one is certified).
  A failed `warning` is reported and judges nothing. GX stores severity but does not
  enforce it, so this module does.
- A failed expectation of the registry's own consistency (a check that did not run on a
  document it applies to, a not_evaluable row without its reason) or one that could not run
  is the warehouse's defect, not a document's: the gate fails and the build does not publish.
- The outcomes are dbt's (audit.identity_results, one row per check × document × instance,
  with the final outcome: a failure accepted in ref_identity_acknowledgements is
  `acknowledged`, and the suites' queries do not count it).
- audit.validation_runs (one row per run, history kept from the previously published
  warehouse) is written in the database being built: the run is GX's, after dbt.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from .gx_runner import ExpectationResult, run_suites
from .suites import Suite, registry_suites, warehouse_registry

OUTCOMES = ("pass", "rounding", "fail", "acknowledged", "not_evaluable")
# The statuses of a document, best first; the first two are certified.
STATUSES = ("certified", "certified_with_acknowledgements", "failed_checks", "rejected_input")
CERTIFIED = frozenset(STATUSES[:2])
# Expectations about the registry's own consistency, not about a document's figures.
SYSTEM_CHECKS = frozenset({"coverage", "not_evaluable_reason"})


@dataclass
class GateReport:
    run_id: str
    run_at: dt.datetime
    suites: list[Suite]
    results: list[ExpectationResult]
    counts: Counter[str]  # identity rows by final outcome
    checks: list[dict]  # the rows of audit.identity_results that did not simply pass
    documents: list[str]
    statuses: list[dict] = field(default_factory=list)  # the rows of audit.document_status
    # audit.findings that are failed, acknowledged or within rounding
    findings: list[dict] = field(default_factory=list)
    data_docs: Path | None = None
    history: list[dict] = field(default_factory=list)

    @property
    def critical_failures(self) -> list[ExpectationResult]:
        return [r for r in self.results if not r.success and r.severity == "critical"]

    @property
    def warnings(self) -> list[ExpectationResult]:
        return [r for r in self.results if not r.success and r.severity == "warning"]

    @property
    def system_failures(self) -> list[ExpectationResult]:
        """Failed expectations that are the warehouse's defect, not a document's."""
        return [r for r in self.critical_failures if r.error or r.identity_id in SYSTEM_CHECKS]

    @property
    def passed(self) -> bool:
        """No critical expectation failed: every document is certified."""
        return not self.critical_failures

    @property
    def all_certified(self) -> bool:
        return not self.system_failures and all(row["status"] in CERTIFIED for row in self.statuses)

    def outcome_counts(self) -> Counter[str]:
        return self.counts


def evaluate(database: Path, *, read_only: bool) -> GateReport:
    """Run every suite of the warehouse's own check registry over it and gather the identity
    rows they judged."""
    suites = registry_suites(warehouse_registry(database))
    results = run_suites(database, suites, read_only=read_only)
    with duckdb.connect(str(database), read_only=True) as connection:
        counts = Counter(
            dict(
                connection.execute(
                    "select outcome, count(*) from audit.identity_results group by all"
                ).fetchall()
            )
        )
        # Only what did not simply pass comes into memory: at a province's scale the passes
        # are hundreds of thousands of rows, read where they are.
        cursor = connection.execute(
            "select * from audit.identity_results where outcome <> 'pass' "
            "order by document_id, identity_check_id"
        )
        columns = [d[0] for d in cursor.description]
        checks = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
        documents = [
            row[0]
            for row in connection.execute(
                "select document_id from marts.dim_document order by document_id"
            ).fetchall()
        ]
        cursor = connection.execute(
            "select * from audit.document_status order by status <> 'rejected_input', "
            "document_id, source_file"
        )
        columns = [d[0] for d in cursor.description]
        statuses = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
        cursor = connection.execute(
            "select * from audit.findings where outcome in ('fail', 'acknowledged', 'rounding') "
            "order by document_id, outcome = 'rounding', severity, finding_id"
        )
        columns = [d[0] for d in cursor.description]
        findings = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    return GateReport(
        run_id=f"{now:%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:6]}",
        run_at=now,
        suites=suites,
        results=results,
        counts=counts,
        checks=checks,
        documents=documents,
        statuses=statuses,
        findings=findings,
    )


def record(report: GateReport, database: Path, previous: Path | None) -> None:
    """Write audit.identity_results and audit.validation_runs into the new warehouse,
    keeping the run history of the previously published one (attached read-only)."""
    counts = report.outcome_counts()
    with duckdb.connect(str(database)) as connection:
        connection.execute("create schema if not exists audit")
        connection.execute(
            """
            create or replace table audit.validation_runs (
                run_id varchar primary key, run_at timestamp, documents varchar[],
                suite_versions varchar, pass_count integer, rounding_count integer,
                fail_count integer, acknowledged_count integer, not_evaluable_count integer,
                critical_failures varchar[], warnings varchar[], gate_passed boolean,
                data_docs varchar
            )
            """
        )
        if previous is not None and previous.exists():
            _copy_history(connection, previous)
        connection.execute(
            "insert into audit.validation_runs values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                report.run_id,
                report.run_at.replace(tzinfo=None),
                report.documents,
                json.dumps({s.name: s.version for s in report.suites}, ensure_ascii=False),
                *(counts.get(outcome, 0) for outcome in OUTCOMES),
                [_failure_key(r) for r in report.critical_failures],
                [_failure_key(r) for r in report.warnings],
                report.passed,
                str(report.data_docs) if report.data_docs else None,
            ],
        )
        _comment_columns(connection)
        connection.execute(
            "comment on table audit.validation_runs is 'One row per quality-gate run: when, "
            "which documents, which suite versions, counts by outcome, failures, and whether "
            "the gate passed.'"
        )


# Columns of audit.validation_runs (written here, not by dbt), described in the catalog.
_RUN_COLUMNS = {
    "run_id": "Id of the run: its UTC time and a random suffix.",
    "run_at": "When the suites ran (UTC).",
    "documents": "The document ids in the warehouse that was validated.",
    "suite_versions": "JSON object: suite name → version (a hash of its expectations).",
    "pass_count": "Identity rows that hold exactly.",
    "rounding_count": "Identity rows that hold within the rounding envelope.",
    "fail_count": "Identity rows that fail and are not acknowledged.",
    "acknowledged_count": "Failing identity rows accepted as the publisher's error.",
    "not_evaluable_count": "Identity rows whose inputs a document does not print.",
    "critical_failures": "suite:identity of each failed critical expectation.",
    "warnings": "suite:identity of each failed warning expectation.",
    "gate_passed": "True when no critical expectation failed (the build could publish).",
    "data_docs": "Path of the run's Data Docs page.",
}


def _comment_columns(connection: duckdb.DuckDBPyConnection) -> None:
    for column, text in _RUN_COLUMNS.items():
        quoted = text.replace("'", "''")
        connection.execute(f"comment on column audit.validation_runs.{column} is '{quoted}'")


def _copy_history(connection: duckdb.DuckDBPyConnection, previous: Path) -> None:
    try:
        connection.execute(f"attach '{previous}' as previous (read_only)")
    except duckdb.Error:
        return  # an older warehouse without history, or unreadable: start a new history
    try:
        tables = connection.execute(
            "select 1 from duckdb_tables() where database_name = 'previous' "
            "and schema_name = 'audit' and table_name = 'validation_runs'"
        ).fetchall()
        if tables:
            connection.execute(
                "insert into audit.validation_runs by name "
                "select * from previous.audit.validation_runs"
            )
    finally:
        connection.execute("detach previous")


def _failure_key(result: ExpectationResult) -> str:
    return f"{result.suite}:{result.identity_id}"


# What the summary prints per document before it points to audit.findings for the rest, and
# how many certified documents it lists (every document that failed or was rejected is listed).
FINDINGS_PER_DOCUMENT = 25
CERTIFIED_DOCUMENTS_LISTED = 20
_STATUS_ORDER = ("rejected_input", "failed_checks", "certified_with_acknowledgements", "certified")


def describe_statuses(report: GateReport, *, limited: bool = False) -> list[str]:
    """Each document's status, then its findings (failures, acknowledged errors, gaps within
    rounding): one line each, with pages and lines; the documents that were rejected or
    failed first. limited: at most FINDINGS_PER_DOCUMENT findings per document and
    CERTIFIED_DOCUMENTS_LISTED certified documents, each cut said with where the rest is."""
    lines = []
    findings: dict[str, list[dict]] = {}
    for finding in report.findings:
        findings.setdefault(finding["document_id"], []).append(finding)
    statuses = sorted(report.statuses, key=lambda row: _STATUS_ORDER.index(row["status"]))
    certified_listed = 0
    for row in statuses:
        if row["status"] == "rejected_input":
            lines.append(f"rejected_input  {row['source_file']}: {row['error_message']}")
            continue
        if row["status"].startswith("certified"):
            certified_listed += 1
            if limited and certified_listed > CERTIFIED_DOCUMENTS_LISTED:
                continue
        counts = (
            f"{row['critical_failures']} critical failure(s), {row['acknowledged']} "
            f"acknowledged, {row['warnings']} warning(s), {row['rounding']} within rounding, "
            f"{row['not_evaluable']} not evaluable"
        )
        lines.append(
            f"{row['status']:<15} {row['document_id']} {row['department_name']} "
            f"({row['source_file']}): {counts}"
        )
        shown = findings.get(row["document_id"], [])
        if limited and len(shown) > FINDINGS_PER_DOCUMENT:
            rest = len(shown) - FINDINGS_PER_DOCUMENT
            shown = shown[:FINDINGS_PER_DOCUMENT]
        else:
            rest = 0
        for finding in shown:
            label = finding["severity"] if finding["outcome"] == "fail" else finding["outcome"]
            lines.append(f"    {label:<12} {finding['message']}")
        if rest:
            lines.append(f"    … and {rest} more finding(s) of this document (audit.findings)")
    if limited and certified_listed > CERTIFIED_DOCUMENTS_LISTED:
        rest = certified_listed - CERTIFIED_DOCUMENTS_LISTED
        lines.append(f"… and {rest} more certified document(s) (audit.document_status)")
    return lines


def describe_failures(report: GateReport) -> list[str]:
    """One line per failing identity instance: identity, document, both sides, the
    difference, the envelope and the source lines."""
    return describe_failures_of(report.critical_failures + report.warnings)


def describe_failures_of(results: list[ExpectationResult]) -> list[str]:
    lines = []
    for result in results:
        label = "CRITICAL" if result.severity == "critical" else "warning"
        if result.error:
            lines.append(f"{label} {result.identity_id}: the check could not run: {result.error}")
        if not result.unexpected_rows and not result.error:
            lines.append(f"{label} {result.identity_id}: {result.unexpected_count} failing rows")
        for row in result.unexpected_rows:
            if "left_value" not in row:
                lines.append(f"{label} {result.identity_id}: {row}")
                continue
            lines.append(
                f"{label} {result.identity_id} [{row['document_id']}] {row['instance']}: "
                f"{row['left_label']} = {row['left_value']} vs {row['right_label']} = "
                f"{row['right_value']}, difference {row['difference']}, envelope "
                f"{row['envelope']} (source lines {row['source_lines']})"
            )
    return lines

"""The gate: run the suites, decide by severity, record the results in schema audit.

- A failed `critical` expectation fails the gate (the build does not publish; `validate`
  exits non-zero); a failed `warning` is reported and does not block. GX stores severity
  but does not enforce it, so this module does.
- An identity failure accepted in ref_identity_acknowledgements is reported as
  `acknowledged` and does not fail its expectation (the suites' queries exclude it).
- audit.identity_results (one row per identity × document × instance, with the final
  outcome and severity) and audit.validation_runs (one row per run, history kept from the
  previously published warehouse) are written in the database being built.
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
from .suites import Suite, load_suites

OUTCOMES = ("pass", "rounding", "fail", "acknowledged", "not_evaluable")
_FINAL_OUTCOME = (
    "case when outcome = 'fail' and is_acknowledged then 'acknowledged' else outcome end"
)


@dataclass
class GateReport:
    run_id: str
    run_at: dt.datetime
    suites: list[Suite]
    results: list[ExpectationResult]
    counts: Counter[str]  # identity rows by final outcome
    checks: list[dict]  # the rows of audit.identity_checks that did not simply pass
    severities: dict[str, str]  # identity id → severity, from the suites
    documents: list[str]
    data_docs: Path | None = None
    history: list[dict] = field(default_factory=list)

    @property
    def critical_failures(self) -> list[ExpectationResult]:
        return [r for r in self.results if not r.success and r.severity == "critical"]

    @property
    def warnings(self) -> list[ExpectationResult]:
        return [r for r in self.results if not r.success and r.severity == "warning"]

    @property
    def passed(self) -> bool:
        return not self.critical_failures

    def outcome_counts(self) -> Counter[str]:
        return self.counts


def evaluate(database: Path, suites_dir: Path, *, read_only: bool) -> GateReport:
    """Run every suite over the warehouse and gather the identity rows they judged."""
    suites = load_suites(suites_dir)
    results = run_suites(database, suites, read_only=read_only)
    severities = {e.identity_id: e.severity for s in suites for e in s.expectations}
    with duckdb.connect(str(database), read_only=True) as connection:
        counts = Counter(
            dict(
                connection.execute(
                    f"select {_FINAL_OUTCOME} as outcome, count(*) from audit.identity_checks "
                    "group by all"
                ).fetchall()
            )
        )
        # Only what did not simply pass comes into memory: at a province's scale the passes
        # are hundreds of thousands of rows, read where they are.
        cursor = connection.execute(
            "select * from audit.identity_checks where outcome <> 'pass' "
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
    for check in checks:
        check["severity"] = severities.get(check["identity_id"], "critical")
        acknowledged = check["outcome"] == "fail" and check["is_acknowledged"]
        check["final_outcome"] = "acknowledged" if acknowledged else check["outcome"]
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    return GateReport(
        run_id=f"{now:%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:6]}",
        run_at=now,
        suites=suites,
        results=results,
        counts=counts,
        checks=checks,
        severities=severities,
        documents=documents,
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
        severities = sorted(report.severities.items())
        connection.execute(
            "create or replace temp table identity_severities (identity_id varchar, "
            "severity varchar)"
        )
        if severities:
            connection.executemany("insert into identity_severities values (?, ?)", severities)
        # Computed where the data is: one statement over the view, however many documents.
        connection.execute(
            """
            create or replace table audit.identity_results as
            select
                ? as run_id,
                checks.identity_check_id,
                checks.identity_id,
                checks.document_id,
                checks.instance,
                severities.severity,
                case when checks.outcome = 'fail' and checks.is_acknowledged
                    then 'acknowledged' else checks.outcome end as outcome,
                checks.check_kind,
                checks.left_label,
                checks.left_value,
                checks.right_label,
                checks.right_value,
                checks.difference,
                checks.envelope,
                checks.not_evaluable_reason,
                checks.acknowledgement_evidence,
                checks.source_lines
            from audit.identity_checks as checks
            left join identity_severities as severities using (identity_id)
            """,
            [report.run_id],
        )
        _comment_columns(connection)
        connection.execute(
            "comment on table audit.identity_results is 'Outcome of every accounting identity "
            "× document × instance at the last validation run: pass, rounding, fail, "
            "acknowledged or not_evaluable, with both sides, the difference, the envelope, "
            "the severity and the source lines.'"
        )
        connection.execute(
            "comment on table audit.validation_runs is 'One row per quality-gate run: when, "
            "which documents, which suite versions, counts by outcome, failures, and whether "
            "the gate passed.'"
        )


# Columns the runner adds; the others take their description from audit.identity_checks.
_RESULT_COLUMNS = {
    "run_id": "The validation run (audit.validation_runs.run_id) that judged the row.",
    "severity": "critical (a failure stops the build) or warning (reported only), from the suite.",
    "outcome": "pass, rounding, fail, acknowledged (a failure accepted as the publisher's "
    "error) or not_evaluable.",
}
_RUN_COLUMNS = {
    "run_id": "Id of the run: its UTC time and a random suffix.",
    "run_at": "When the suites ran (UTC).",
    "documents": "The document ids in the warehouse that was validated.",
    "suite_versions": "JSON object: suite name → version of expectations/*.json.",
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
    described = dict(
        connection.execute(
            "select column_name, comment from duckdb_columns() where schema_name = 'audit' "
            "and table_name = 'identity_checks' and comment is not null"
        ).fetchall()
    )
    for table, columns in (
        ("identity_results", {**described, **_RESULT_COLUMNS}),
        ("validation_runs", _RUN_COLUMNS),
    ):
        present = {
            row[0]
            for row in connection.execute(
                "select column_name from duckdb_columns() where schema_name = 'audit' "
                "and table_name = ?",
                [table],
            ).fetchall()
        }
        for column, text in columns.items():
            if column not in present:
                continue
            quoted = text.replace("'", "''")
            connection.execute(f"comment on column audit.{table}.{column} is '{quoted}'")


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


def describe_failures(report: GateReport) -> list[str]:
    """One line per failing identity instance: identity, document, both sides, the
    difference, the envelope and the source lines."""
    lines = []
    for result in report.critical_failures + report.warnings:
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

"""Run the suites with Great Expectations over a DuckDB warehouse, queries pushed down.

Two known problems of GX 1.x with DuckDB through SQLAlchemy are handled here:
- GX closes the connection after executing a metric query and before fetching its rows, and
  DuckDB drops a pending result with its connection, so every metric comes back empty
  (upstream issues 11579 and 10738). GX keeps one persistent connection for the dialects in
  _PERSISTED_CONNECTION_DIALECTS; duckdb is added to them.
- Suites registered through a file context are rewritten (ids, escaped Chinese), so the
  context here is ephemeral and the suites are built from expectations/ on every run.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from .suites import Suite

os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")


@dataclass(frozen=True)
class ExpectationResult:
    suite: str
    suite_version: str
    identity_id: str
    severity: str
    description: str
    success: bool
    unexpected_count: int
    unexpected_rows: tuple[dict, ...]
    error: str | None


class _DialectName(str):
    """A dialect name that also answers .value, as GX's GXSqlDialect members do."""

    @property
    def value(self) -> str:
        return str(self)


def _keep_duckdb_connection_open() -> None:
    from great_expectations.execution_engine import sqlalchemy_execution_engine as engine

    if "duckdb" not in engine._PERSISTED_CONNECTION_DIALECTS:
        engine._PERSISTED_CONNECTION_DIALECTS = (
            *engine._PERSISTED_CONNECTION_DIALECTS,
            _DialectName("duckdb"),
        )


def import_great_expectations() -> None:
    """Import GX (~3 s: it imports scipy, altair and pandas), for run_suites to find it
    imported; the build does it in a thread while dbt builds."""
    import great_expectations  # noqa: F401


def run_suites(database: Path, suites: list[Suite], *, read_only: bool) -> list[ExpectationResult]:
    """Validate every suite against the warehouse file; one result per expectation."""
    import great_expectations as gx

    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    _keep_duckdb_connection_open()
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = {"globally": False, "metric_calculations": False}
    source = context.data_sources.add_sql(
        name="warehouse",
        connection_string=f"duckdb:///{database}",
        kwargs={"connect_args": {"read_only": read_only}},
    )
    results = []
    try:
        for suite in suites:
            results += _validate(gx, context, source, suite)
    finally:  # release the persisted connection before anyone else opens the file
        source.get_execution_engine().close()
        source.get_engine().dispose()
    return results


def _validate(gx, context, source, suite: Suite) -> list[ExpectationResult]:
    """One suite: a query asset over its table, the expectations, one validation run."""
    asset = source.add_query_asset(name=suite.name, query=f"select * from {suite.data_asset}")
    batch = asset.add_batch_definition_whole_table(f"{suite.name}_all")
    gx_suite = context.suites.add(
        gx.ExpectationSuite(
            name=suite.name,
            expectations=[_expectation(gx, expectation) for expectation in suite.expectations],
        )
    )
    definition = context.validation_definitions.add(
        gx.ValidationDefinition(name=f"{suite.name}_validation", data=batch, suite=gx_suite)
    )
    outcome = definition.run(result_format="COMPLETE")
    # GX does not keep the suite's order in its results: match them by the id in their meta.
    by_id = {result.expectation_config.meta["identity_id"]: result for result in outcome.results}
    results = []
    for expectation in suite.expectations:
        result = by_id[expectation.identity_id]
        details = result.result.get("details") or {}
        rows = tuple(details.get("unexpected_rows") or ())
        error = _exception_message(result.exception_info or {})
        results.append(
            ExpectationResult(
                suite=suite.name,
                suite_version=suite.version,
                identity_id=expectation.identity_id,
                severity=expectation.severity,
                description=expectation.description,
                success=bool(result.success),
                unexpected_count=int(result.result.get("observed_value") or len(rows)),
                unexpected_rows=rows,
                error=error,
            )
        )
    return results


def _exception_message(info: dict) -> str | None:
    """The message of an exception GX caught while validating an expectation: at the top of
    its exception_info, or in the entry of the metric that raised it."""
    if info.get("raised_exception"):
        return info.get("exception_message")
    nested = (v for v in info.values() if isinstance(v, dict) and v.get("raised_exception"))
    return next((v.get("exception_message") for v in nested), None)


def _expectation(gx, expectation):
    """The GX expectation object for a suite entry (`unexpected_rows_expectation` →
    UnexpectedRowsExpectation, `expect_table_row_count_to_equal` → ExpectTable…)."""
    class_name = "".join(part.capitalize() for part in expectation.type.split("_"))
    expectation_class = getattr(gx.expectations, class_name)
    return expectation_class(
        **expectation.kwargs,
        description=expectation.description,
        meta={"identity_id": expectation.identity_id, "severity": expectation.severity},
    )

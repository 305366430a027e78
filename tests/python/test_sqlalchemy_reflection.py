"""A BI tool reflecting the published warehouse (SQLAlchemy + duckdb-engine) while a build
replaces it: every round reads the old warehouse or the new one, whole, and never fails.

The BI tool is another process (tests/python/bi_tool.py), as it would be: in this process
duckdb would hand back the database instance it already has open for the same path. The
session's rebuild (conftest.py) runs it while the warehouse is rebuilt with a second document.
"""

from __future__ import annotations

from sqlalchemy import create_engine, inspect

from final_accounts.cli import EXIT_OK

# Regression: SQLAlchemy 2.0.45 added a pg_catalog.pg_collation subquery to the column
# reflection duckdb-engine inherits, and DuckDB has that table only from 1.5 on
# (duckdb/duckdb#22160; Mause/duckdb_engine#1379, #1391), so get_columns raised "Table with
# name pg_collation does not exist". pyproject.toml pins SQLAlchemy 2.0.44 for DuckDB 1.4.


def _state(round_: dict) -> tuple:
    return (round_["tables"], round_["columns"], round_["counts"], round_["runs"])


def test_the_rebuild_succeeded_and_changed_the_marts(rebuild):
    assert rebuild.run.exit_code == EXIT_OK, rebuild.run.stderr
    assert rebuild.rows_before != rebuild.rows_after
    assert rebuild.rows_after["dim_document"] == rebuild.rows_before["dim_document"] + 1


def test_no_reflection_round_fails(rebuild):
    failed = [r for r in rebuild.rounds if "error" in r]
    assert not failed, f"{len(failed)} of {len(rebuild.rounds)} rounds failed: {failed[0]}"


def test_rounds_ran_during_the_rebuild(rebuild):
    during = [
        r
        for r in rebuild.rounds
        if r["started"] >= rebuild.build_started and r["ended"] <= rebuild.build_ended
    ]
    assert len(during) >= 3, f"only {len(during)} rounds ran during the rebuild"


def test_every_round_saw_the_old_or_the_new_warehouse_whole(rebuild):
    rounds = [r for r in rebuild.rounds if "error" not in r]
    old, new = _state(rounds[0]), _state(rounds[-1])
    # The first round ran before the build, the last after it.
    assert rounds[0]["ended"] <= rebuild.build_started
    assert rounds[-1]["started"] >= rebuild.build_ended
    assert old[2] == rebuild.rows_before and new[2] == rebuild.rows_after
    assert new[3] == old[3] + 1  # the new warehouse added its validation run to the history
    assert old[0] == len(rebuild.rows_before) == new[0]  # every mart, before and after
    for round_ in rounds:
        # Tables, their columns, their counts and the audit history all of one warehouse.
        assert round_["tables"] == len(round_["counts"])
        assert _state(round_) in (old, new), f"round {round_['round']} mixed the two"
    # Once a round saw the new warehouse, no later round saw the old one.
    seen = [_state(r) == new for r in rounds]
    assert seen == sorted(seen)


def test_bi_tools_can_reflect_columns_with_the_pinned_versions(published):
    # Without the stand-in: what a BI tool gets from the versions pyproject.toml installs.
    engine = create_engine(f"duckdb:///{published}", connect_args={"read_only": True})
    try:
        inspector = inspect(engine)
        columns = inspector.get_columns("fct_functional_expenditure", schema="marts")
    finally:
        engine.dispose()
    types = {c["name"]: str(c["type"]) for c in columns}
    assert types["amount_wan_yuan"] == "NUMERIC(18, 2)"

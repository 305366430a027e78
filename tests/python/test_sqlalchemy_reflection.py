"""A BI tool reflecting the published warehouse (SQLAlchemy + duckdb-engine) while a build
replaces it: every round reads the old warehouse or the new one, whole, and never fails.

The BI tool is another process, as it would be: in this process duckdb would hand back
the database instance it already has open for the same path. It opens the engine the
way the README tells (read_only), reflects schema marts table by table the way BI tools
do (get_table_names, get_columns), counts each table's rows, and disposes of the engine;
one JSON line per round into a file.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect
from support import DOCUMENT_FILE, DOCUMENT_PATH, second_document_lines, write_lines

from final_accounts.build import mart_row_counts
from final_accounts.cli import EXIT_OK, run_build

# Regression: SQLAlchemy 2.0.45 added a pg_catalog.pg_collation subquery to the column
# reflection duckdb-engine inherits, and DuckDB has that table only from 1.5 on
# (duckdb/duckdb#22160; Mause/duckdb_engine#1379, #1391), so get_columns raised "Table with
# name pg_collation does not exist". pyproject.toml pins SQLAlchemy 2.0.44 for DuckDB 1.4.

# A round costs seconds of CPU (duckdb-engine reflects each table's columns through DuckDB's
# pg_catalog views, ~0.15 s a table), so the build runs slower beside it. (At a lower
# priority, on a loaded machine, the BI process got too few rounds in.)
_BI_TOOL = """
import hashlib, json, sys, time
from pathlib import Path
from sqlalchemy import create_engine, inspect, text

warehouse, stop = sys.argv[1], Path(sys.argv[2])
number = 0
while True:
    last = stop.exists()
    started = time.time()
    try:
        engine = create_engine(f"duckdb:///{warehouse}", connect_args={"read_only": True})
        try:
            inspector = inspect(engine)
            tables = inspector.get_table_names(schema="marts")
            columns = {
                t: [[c["name"], str(c["type"])] for c in inspector.get_columns(t, schema="marts")]
                for t in tables
            }
            with engine.connect() as connection:
                counts = {
                    t: connection.execute(text(f'select count(*) from marts."{t}"')).scalar_one()
                    for t in tables
                }
                runs = connection.execute(
                    text("select count(*) from audit.validation_runs")
                ).scalar_one()
        finally:
            engine.dispose()
        digest = hashlib.sha256(json.dumps(columns, sort_keys=True).encode()).hexdigest()
        record = {"tables": len(tables), "columns": digest, "counts": counts, "runs": runs}
    except Exception as error:
        record = {"error": f"{type(error).__name__}: {error}"[:2000]}
    record.update(round=number, started=started, ended=time.time())
    print(json.dumps(record), flush=True)
    number += 1
    if last:
        break
"""


@dataclass
class Reflection:
    rounds: list[dict]
    build_started: float
    build_ended: float
    exit_code: int
    stderr: str
    before: dict[str, int]  # rows per mart of the old warehouse
    after: dict[str, int]  # and of the new one


def _read_rounds(path: Path) -> list[dict]:
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    return [json.loads(line) for line in text.splitlines() if line.endswith("}")]


@pytest.fixture(scope="module")
def reflection(clean_build, tmp_path_factory) -> Reflection:
    """The published warehouse copied here, then rebuilt with a second document beside the
    bundled one (so the old and new marts differ) while the BI process reflects it."""
    assert clean_build.exit_code == EXIT_OK, clean_build.stderr
    root = tmp_path_factory.mktemp("reflection")
    warehouse = root / "warehouse" / clean_build.warehouse.name
    warehouse.parent.mkdir()
    shutil.copy2(clean_build.warehouse, warehouse)
    documents = root / "documents"
    documents.mkdir()
    shutil.copy2(DOCUMENT_PATH, documents / DOCUMENT_FILE)
    write_lines(documents / "urumqi_finance_2024_final_accounts.txt", second_document_lines())
    before = mart_row_counts(warehouse)

    output, stop = root / "rounds.jsonl", root / "stop"
    with output.open("w", encoding="utf-8") as out:
        bi_tool = subprocess.Popen(
            [sys.executable, "-c", _BI_TOOL, str(warehouse), str(stop)],
            stdout=out,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            deadline = time.time() + 60
            while not _read_rounds(output) and bi_tool.poll() is None and time.time() < deadline:
                time.sleep(0.1)  # the first round, on the old warehouse
            build_started = time.time()
            out_text, err_text = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out_text), contextlib.redirect_stderr(err_text):
                code = run_build(documents, warehouse, None)
            build_ended = time.time()
            stop.touch()  # one more round, on the new warehouse, then the BI process ends
            _, bi_errors = bi_tool.communicate(timeout=120)
        finally:
            if bi_tool.poll() is None:
                bi_tool.kill()
                bi_tool.wait()
    assert bi_tool.returncode == 0, bi_errors
    after = mart_row_counts(warehouse)
    return Reflection(
        _read_rounds(output), build_started, build_ended, code, err_text.getvalue(), before, after
    )


def _state(round_: dict) -> tuple:
    return (round_["tables"], round_["columns"], round_["counts"], round_["runs"])


def test_the_rebuild_succeeded_and_changed_the_marts(reflection):
    assert reflection.exit_code == EXIT_OK, reflection.stderr
    assert reflection.before != reflection.after
    assert reflection.after["dim_document"] == reflection.before["dim_document"] + 1


def test_no_reflection_round_fails(reflection):
    failed = [r for r in reflection.rounds if "error" in r]
    assert not failed, f"{len(failed)} of {len(reflection.rounds)} rounds failed: {failed[0]}"


def test_rounds_ran_during_the_rebuild(reflection):
    during = [
        r
        for r in reflection.rounds
        if r["started"] >= reflection.build_started and r["ended"] <= reflection.build_ended
    ]
    assert len(during) >= 3, f"only {len(during)} rounds ran during the rebuild"


def test_every_round_saw_the_old_or_the_new_warehouse_whole(reflection):
    rounds = [r for r in reflection.rounds if "error" not in r]
    old, new = _state(rounds[0]), _state(rounds[-1])
    # The first round ran before the build, the last after it.
    assert rounds[0]["ended"] <= reflection.build_started
    assert rounds[-1]["started"] >= reflection.build_ended
    assert old[2] == reflection.before and new[2] == reflection.after
    assert new[3] == old[3] + 1  # the new warehouse added its validation run to the history
    assert old[0] == len(reflection.before) == new[0]  # every mart, before and after
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

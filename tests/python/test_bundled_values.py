"""The real values of the bundled documents, asserted by the dbt tests of tests/bundled/ on
the session's build of them, and the SQL unit tests. A production build runs neither (selector
warehouse_build): it judges every document by its identities, so a changed figure fails there
on the identity it breaks, not on a fixture; the unit tests test the code with fixed inputs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from support import copy_of_the_build

from final_accounts.dbt_runner import copy_dbt_project, run_dbt

BUNDLED_TESTS = 16
SQL_UNIT_TESTS = 17


def test_the_bundled_documents_carry_their_real_values(clean_build, tmp_path):
    project, warehouse = copy_of_the_build(clean_build, tmp_path)

    results = run_dbt(project, warehouse, ["test", "--selector", "bundled_documents"])

    assert results.count("test", "pass") == BUNDLED_TESTS
    assert results.count("test") == BUNDLED_TESTS


def test_the_sql_unit_tests_pass(clean_build, tmp_path):
    project, warehouse = copy_of_the_build(clean_build, tmp_path)

    results = run_dbt(project, warehouse, ["test", "--selector", "sql_unit_tests"])

    assert results.count("unit_test", "pass") == SQL_UNIT_TESTS
    assert results.count("unit_test") == SQL_UNIT_TESTS


def test_a_production_build_runs_none_of_them(clean_build, tmp_path):
    copy_dbt_project(tmp_path)
    production = _names(tmp_path, "warehouse_build")
    bundled = _names(tmp_path, "bundled_documents")
    unit = _names(tmp_path, "sql_unit_tests")
    assert len(bundled) == BUNDLED_TESTS
    assert len(unit) == SQL_UNIT_TESTS
    assert not production & (bundled | unit)
    # every test the build ran is one of the production selection's
    ran = int(clean_build.stdout.split(" tests passed")[0].rsplit(" ", 1)[1])
    assert ran == len(production)


def _names(project, selector: str) -> set[str]:
    """The tests (data and unit) a selector selects, by dbt ls."""
    completed = subprocess.run(
        [str(Path(sys.executable).with_name("dbt")), "ls", "--selector", selector,
         "--resource-type", "test", "--resource-type", "unit_test", "--output", "name",
         "--project-dir", str(project), "--profiles-dir", str(project), "--quiet"],
        env={**os.environ, "FINAL_ACCOUNTS_DUCKDB": "scratch.duckdb"},
        cwd=project, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return {line.strip() for line in completed.stdout.splitlines() if line.strip()}

"""The real values of the bundled documents, asserted by the dbt tests of tests/bundled/ on
the session's build of them. A production build never runs these (selector warehouse_build):
it judges every document by its identities, so a changed figure fails there on the identity it
breaks, not on a fixture."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from final_accounts.dbt_runner import copy_dbt_project, run_dbt

BUNDLED_TESTS = 16


def test_the_bundled_documents_carry_their_real_values(clean_build, tmp_path):
    assert clean_build.exit_code == 0, clean_build.stderr
    project = tmp_path / "project"
    project.mkdir()
    copy_dbt_project(project)
    warehouse = tmp_path / clean_build.warehouse.name
    shutil.copy2(clean_build.warehouse, warehouse)

    results = run_dbt(project, warehouse, ["test", "--selector", "bundled_documents"])

    assert results.count("test", "pass") == BUNDLED_TESTS
    assert results.count("test") == BUNDLED_TESTS


def test_a_production_build_runs_none_of_them(clean_build, tmp_path):
    copy_dbt_project(tmp_path)
    production = _names(tmp_path, "warehouse_build")
    bundled = _names(tmp_path, "bundled_documents")
    assert len(bundled) == BUNDLED_TESTS
    assert not production & bundled
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

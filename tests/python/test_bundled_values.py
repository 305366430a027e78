"""The real values of the bundled documents, asserted by the dbt tests of tests/bundled/ on
the session's build of them. A production build never runs these (selector warehouse_build):
it judges every document by its identities, so a changed figure fails there on the identity it
breaks, not on a fixture."""

from __future__ import annotations

import shutil

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


def test_a_production_build_runs_none_of_them(clean_build):
    # 545 tests of the warehouse itself; the 16 of tests/bundled/ are not among them
    assert "545 tests passed" in clean_build.stdout

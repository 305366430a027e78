"""The column_rules test of a model (macros/tests/column_rules.sql) holds every column rule of
that model in one query: each kind of rule bites, and the build's error names the rule, the
column and the value that broke it (dbt_runner reads the failing test's first rows).

Rules are broken in a copy of the session's build, on tables (a view cannot be changed)."""

from __future__ import annotations

import re

import duckdb
import pytest
from support import REAL_DOCUMENT_ID, copy_of_the_build

from final_accounts.dbt_runner import run_dbt
from final_accounts.errors import BuildError

BROKEN = {
    "unique": (
        "insert into marts.dim_document select * from marts.dim_document where document_id = $id"
    ),
    "not_null": (
        "update marts.dim_document_section set section_code = null "
        "where document_id = $id and section_seq = 1"
    ),
    "accepted_values": (
        "update marts.dim_document_section set section_kind = 'appendix' "
        "where document_id = $id and section_seq = 2"
    ),
    "relationships": (
        "update marts.dim_document_section set document_id = '2024_consolidated_0000000000' "
        "where document_id = $id and section_seq = 3"
    ),
    "unique_combination": (
        "insert into intermediate.int_checks__sums "
        "select * from intermediate.int_checks__sums where document_id = $id limit 1"
    ),
}
TESTS = [
    "column_rules_dim_document",
    "column_rules_dim_document_section",
    "column_rules_int_checks__sums",
]


def test_every_kind_of_rule_fails_naming_its_column_and_value(clean_build, tmp_path):
    project, warehouse = copy_of_the_build(clean_build, tmp_path)
    with duckdb.connect(str(warehouse)) as connection:
        for statement in BROKEN.values():
            connection.execute(statement, {"id": REAL_DOCUMENT_ID})

    with pytest.raises(BuildError) as failure:
        run_dbt(project, warehouse, ["test", "--select", *TESTS])

    message = str(failure.value)
    assert f"rule=unique, column_name=document_id, value={REAL_DOCUMENT_ID}, failing_rows=2" in (
        message
    )
    assert "rule=not_null, column_name=section_code, value=None, failing_rows=1" in message
    assert "rule=accepted_values, column_name=section_kind, value=appendix, failing_rows=1" in (
        message
    )
    assert (
        "rule=relationships, column_name=document_id → dim_document.document_id, "
        "value=2024_consolidated_0000000000, failing_rows=1"
    ) in message
    assert "rule=unique_combination, column_name=identity_id, document_id, instance, " in message
    assert f"| {REAL_DOCUMENT_ID} | " in message
    for test in TESTS:
        assert re.search(rf"test\.final_accounts\.{test}\.[0-9a-f]+: Got \d+ results?", message)

"""The export for engines that read files: the published warehouse of the session's clean
build, exported to Parquet and to CSV, read back with DuckDB, must be the same tables:
same columns, same types (DECIMAL(18,2) included), same rows."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from final_accounts.export import AUDIT_TABLES, SCHEMA_FILE, export_marts, read_csv_sql


@dataclass
class Export:
    warehouse: Path
    out_dir: Path
    files: list[Path]
    schema: dict


@pytest.fixture(scope="module")
def exports(clean_build, tmp_path_factory) -> dict[str, Export]:
    assert clean_build.exit_code == 0, f"the clean build failed:\n{clean_build.stderr}"
    root = tmp_path_factory.mktemp("export")
    result = {}
    for fmt in ("parquet", "csv"):
        files = export_marts(clean_build.warehouse, root / fmt, fmt)
        schema = json.loads((root / fmt / SCHEMA_FILE).read_text(encoding="utf-8"))
        result[fmt] = Export(clean_build.warehouse, root / fmt, files, schema)
    return result


@pytest.fixture
def warehouse_tables(published) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(schema, table) → [(column, DuckDB type)] of every table the export should hold."""
    with duckdb.connect(str(published), read_only=True) as connection:
        rows = connection.execute(
            """
            select schema_name, table_name, column_name, data_type
            from duckdb_columns()
            join duckdb_tables() using (database_name, schema_name, table_name)
            where schema_name = 'marts'
               or (schema_name = 'audit' and table_name in ('identity_results', 'validation_runs'))
            order by schema_name, table_name, column_index
            """
        ).fetchall()
    tables: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for schema, table, column, data_type in rows:
        tables.setdefault((schema, table), []).append((column, data_type))
    return tables


def _reader(export: Export, table: dict) -> str:
    path = export.out_dir / table["file"]
    if export.schema["format"] == "parquet":
        return f"read_parquet('{path}')"
    return read_csv_sql(path, table["columns"])


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_every_mart_and_audit_table_is_exported(exports, warehouse_tables, fmt):
    export = exports[fmt]
    listed = {(t["schema"], t["name"]) for t in export.schema["tables"]}
    assert listed == set(warehouse_tables)
    assert {("audit", name) for name in AUDIT_TABLES} <= listed
    assert ("marts", "fct_functional_expenditure") in listed
    # The views of schema audit (identity_checks) are not exported.
    assert ("audit", "identity_checks") not in listed
    assert export.files[-1] == export.out_dir / SCHEMA_FILE
    assert sorted(export.files[:-1]) == sorted(
        export.out_dir / t["file"] for t in export.schema["tables"]
    )
    assert all(path.is_file() and path.suffix == f".{fmt}" for path in export.files[:-1])


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_round_trip_keeps_columns_types_and_values(exports, warehouse_tables, fmt):
    export = exports[fmt]
    connection = duckdb.connect()
    connection.execute(f"attach '{export.warehouse}' as warehouse (read_only)")
    try:
        for table in export.schema["tables"]:
            reader = _reader(export, table)
            original = f'warehouse."{table["schema"]}"."{table["name"]}"'
            where = f"{table['schema']}.{table['name']} ({fmt})"
            read_back = [
                (name, column_type)
                for name, column_type, *_ in connection.execute(
                    f"describe select * from {reader}"
                ).fetchall()
            ]
            assert read_back == warehouse_tables[(table["schema"], table["name"])], where
            assert [(c["name"], c["type"]) for c in table["columns"]] == read_back, where
            for left, right in ((original, reader), (reader, original)):
                (missing,) = connection.execute(
                    f"select count(*) from (select * from {left} except all select * from {right})"
                ).fetchone()
                assert missing == 0, f"{where}: {missing} rows of {left} not in {right}"
            (rows,) = connection.execute(f"select count(*) from {reader}").fetchone()
            assert rows == table["rows"], where
    finally:
        connection.close()


def test_amounts_stay_decimal_in_parquet(exports):
    # Money is DECIMAL(18,2) in the warehouse; a Parquet reader must see a decimal, not a
    # double (the physical type in the file is a Parquet DECIMAL logical type).
    export = exports["parquet"]
    path = export.out_dir / "marts" / "fct_functional_expenditure.parquet"
    with duckdb.connect() as connection:
        described = connection.execute(f"describe select * from read_parquet('{path}')")
        types = {name: column_type for name, column_type, *_ in described.fetchall()}
        schema = connection.execute(
            f"select name, logical_type::varchar from parquet_schema('{path}') "
            "where name like '%_wan_yuan'"
        ).fetchall()
    amounts = {name: t for name, t in types.items() if name.endswith("_wan_yuan")}
    assert amounts and set(amounts.values()) == {"DECIMAL(18,2)"}
    assert schema and all("Decimal" in logical for _, logical in schema), schema


def test_the_round_trip_covers_the_awkward_types(exports):
    # Decimals of several scales, a timestamp, lists and booleans are all in the export,
    # so the round-trip test above proves them, not only text and integers.
    types = {c["type"] for t in exports["csv"].schema["tables"] for c in t["columns"]}
    assert {"DECIMAL(18,2)", "DECIMAL(9,3)", "DECIMAL(21,6)", "TIMESTAMP", "VARCHAR[]"} <= types
    assert "BOOLEAN" in types
    assert "DOUBLE" not in types


def test_schema_json_carries_the_descriptions(exports):
    tables = {(t["schema"], t["name"]): t for t in exports["csv"].schema["tables"]}
    functional = tables[("marts", "fct_functional_expenditure")]
    assert functional["description"]
    assert all(c["description"] for c in functional["columns"]), "a column lost its comment"
    text = (exports["csv"].out_dir / SCHEMA_FILE).read_text(encoding="utf-8")
    assert "部门决算报表" in text  # Chinese kept as text, not \\u escapes
    assert exports["csv"].schema["csv"]["encoding"] == "utf-8"
    assert "csv" not in exports["parquet"].schema


def test_csv_files_are_utf8_with_a_header(exports, warehouse_tables):
    export = exports["csv"]
    for table in export.schema["tables"]:
        first = (export.out_dir / table["file"]).read_bytes().split(b"\n", 1)[0]
        assert not first.startswith(b"\xef\xbb\xbf")  # no BOM
        header = first.decode("utf-8").split(",")
        assert header == [c for c, _ in warehouse_tables[(table["schema"], table["name"])]]


def test_export_opens_the_warehouse_read_only(published, tmp_path):
    # In one process DuckDB shares a database between connections of the same
    # configuration and refuses a read-write one while a read-only one is open.
    with duckdb.connect(str(published), read_only=True):
        files = export_marts(published, tmp_path / "out", "parquet")
    assert files


def test_unknown_format_is_refused(published, tmp_path):
    with pytest.raises(ValueError, match="unknown export format"):
        export_marts(published, tmp_path, "xlsx")


def test_csv_keeps_empty_strings_nulls_and_awkward_text(tmp_path):
    # Not in the bundled document's marts today, but text can hold them: an empty string
    # is not NULL, and quotes, commas and line breaks in text or lists survive.
    warehouse = tmp_path / "snippet.duckdb"
    with duckdb.connect(str(warehouse)) as connection:
        connection.execute("create schema marts")
        connection.execute(
            """
            create table marts.fct_snippet as select * from (values
                ('', null, 'a "quoted", b' || chr(10) || '第二行', ['', null, 'x, y', 'NULL'],
                 1.50::decimal(18, 2)),
                (null, '', '', [], -0.01::decimal(18, 2))
            ) as v(empty_text, null_text, awkward_text, names, amount_wan_yuan)
            """
        )
    export_marts(warehouse, tmp_path / "csv", "csv")
    schema = json.loads((tmp_path / "csv" / SCHEMA_FILE).read_text(encoding="utf-8"))
    (table,) = schema["tables"]
    with duckdb.connect() as connection:
        connection.execute(f"attach '{warehouse}' as warehouse (read_only)")
        reader = read_csv_sql(tmp_path / "csv" / table["file"], table["columns"])
        original = "warehouse.marts.fct_snippet"
        for left, right in ((original, reader), (reader, original)):
            (missing,) = connection.execute(
                f"select count(*) from (select * from {left} except all select * from {right})"
            ).fetchone()
            assert missing == 0

"""Export the analyst tables for engines that read files: Parquet or CSV, plus schema.json.

Every table of schema marts, and the quality-gate results (audit.identity_results,
audit.validation_runs), is copied out of the published warehouse, opened read-only, one
file per table: `<out_dir>/<schema>/<table>.parquet` or `.csv`. Parquet keeps the DuckDB
types (DECIMAL(18,2) stays a Parquet decimal, VARCHAR[] a list); CSV keeps only text, so
`schema.json` beside the files gives each table's columns with their DuckDB types and the
descriptions dbt wrote into the catalog (persist_docs), and the CSV dialect to read them
back with (`read_csv_sql` builds that statement for DuckDB).
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

FORMATS = {"parquet": "parquet", "csv": "csv"}  # format → file extension
# Exported beside the marts: what the quality gate judged, and the history of its runs.
AUDIT_TABLES = ("identity_results", "validation_runs")
SCHEMA_FILE = "schema.json"

# How the CSV files are written, and must be read. DuckDB writes NULL as an empty field
# and an empty string as `""`; a reader must not take `""` for NULL (in DuckDB:
# allow_quoted_nulls=false). Lists (VARCHAR[]) are written as DuckDB list literals,
# e.g. ['a', 'b, c'], which a cast to VARCHAR[] reads back.
CSV_DIALECT = {
    "encoding": "utf-8",
    "header": True,
    "delimiter": ",",
    "quote": '"',
    "escape": '"',
    "null": 'empty unquoted field (an empty string is written as "")',
    "lists": "DuckDB list literal, e.g. ['a', 'b, c']; cast to the column's type",
}


def export_marts(warehouse: Path, out_dir: Path, fmt: str) -> list[Path]:
    """Write every exported table of `warehouse` into `out_dir` as `fmt` (parquet or csv),
    and schema.json; returns the table files in schema.json's order, then schema.json."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if not warehouse.is_file():
        raise FileNotFoundError(f"no warehouse at {warehouse}")
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = []
    written = []
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        for schema, name, comment in exported_tables(connection):
            relative = Path(schema) / f"{name}.{FORMATS[fmt]}"
            path = out_dir / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            (rows,) = connection.execute(  # COPY answers the number of rows written
                f"copy (select * from {_quote(schema)}.{_quote(name)}) "
                f"to {_literal(str(path))} ({_copy_options(fmt)})"
            ).fetchone()
            tables.append(
                {
                    "schema": schema,
                    "name": name,
                    "file": relative.as_posix(),
                    "rows": rows,
                    "description": comment,
                    "columns": _columns(connection, schema, name),
                }
            )
            written.append(path)
    description = {
        "warehouse": warehouse.name,
        "format": fmt,
        **({"csv": CSV_DIALECT} if fmt == "csv" else {}),
        "tables": tables,
    }
    schema_file = out_dir / SCHEMA_FILE
    schema_file.write_text(
        json.dumps(description, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return [*written, schema_file]


def exported_tables(connection: duckdb.DuckDBPyConnection) -> list[tuple[str, str, str | None]]:
    """(schema, table, description) of every table to export: the marts tables (views and
    anything else in the schema are not analyst tables), then the audit tables present."""
    rows = connection.execute(
        """
        select schema_name, table_name, comment
        from duckdb_tables()
        where database_name = current_database()
          and (schema_name = 'marts' or (schema_name = 'audit' and list_contains(?, table_name)))
        order by schema_name = 'audit', table_name
        """,
        [list(AUDIT_TABLES)],
    ).fetchall()
    return [(schema, name, comment) for schema, name, comment in rows]


def read_csv_sql(path: Path, columns: list[dict]) -> str:
    """A DuckDB `read_csv(...)` expression reading an exported CSV file back with the
    column types of schema.json (`columns` is one table's "columns" list)."""
    types = ", ".join(f"{_literal(c['name'])}: {_literal(c['type'])}" for c in columns)
    return (
        f"read_csv({_literal(str(path))}, header = true, auto_detect = false, "
        f"delim = ',', quote = '\"', escape = '\"', allow_quoted_nulls = false, "
        f"columns = {{{types}}})"
    )


def _columns(connection: duckdb.DuckDBPyConnection, schema: str, name: str) -> list[dict]:
    rows = connection.execute(
        """
        select column_name, data_type, is_nullable, comment
        from duckdb_columns()
        where database_name = current_database() and schema_name = ? and table_name = ?
        order by column_index
        """,
        [schema, name],
    ).fetchall()
    return [
        {"name": column, "type": data_type, "nullable": nullable, "description": comment}
        for column, data_type, nullable, comment in rows
    ]


def _copy_options(fmt: str) -> str:
    if fmt == "parquet":
        return "format parquet"
    return "format csv, header true, delimiter ',', quote '\"', escape '\"'"


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"

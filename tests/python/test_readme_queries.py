"""Every SQL block of the README runs on a fresh build of the bundled documents (what `make
build` builds) and returns the table printed under it, so the README cannot go stale."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

README = Path(__file__).resolve().parents[2] / "README.md"
# A ```sql block, then (after blank lines) the markdown table of its result.
_QUERY_AND_RESULT = re.compile(r"```sql\n(?P<sql>.*?)```\n\n(?P<table>(?:\|[^\n]*\|\n)+)", re.S)


def readme_queries() -> list[tuple[str, str]]:
    return [(m["sql"], m["table"]) for m in _QUERY_AND_RESULT.finditer(README.read_text())]


def render(columns: list[str], rows: list[tuple]) -> str:
    """A result as the README prints it: a markdown table, NULL as an empty cell."""
    lines = ["| " + " | ".join(columns) + " |", "| " + " | ".join("---" for _ in columns) + " |"]
    for row in rows:
        cells = ["" if value is None else str(value) for value in row]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def test_the_readme_has_its_example_queries():
    assert len(readme_queries()) == 13


@pytest.mark.parametrize("number", range(len(readme_queries())))
def test_readme_query_returns_what_the_readme_says(number, bundled_build):
    assert bundled_build.exit_code == 0, bundled_build.stdout + bundled_build.stderr
    sql, expected = readme_queries()[number]
    with duckdb.connect(str(bundled_build.warehouse), read_only=True) as connection:
        cursor = connection.execute(sql)
        columns = [d[0] for d in cursor.description]
        actual = render(columns, cursor.fetchall())
    assert actual.replace("|  |", "| |") == expected.replace("|  |", "| |"), sql

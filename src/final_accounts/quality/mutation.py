"""Mutations of a built warehouse: does an accounting identity catch a changed figure?

Everything happens in a copy of the warehouse. Each mutation becomes a document of its own:
every raw row of the original document is copied under a new id (`<id>~m<n>`) and one value
is changed in the copy. One run of the identity models (dbt selector identity_evaluation,
tables computed from the views over the raw seeds) then judges all of them at once. A
mutation is caught when its document fails an identity instance that the original does not
fail (the original's own publisher errors, acknowledged for its id only, do not count).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import duckdb

from ..dbt_runner import copy_dbt_project, run_dbt

# The changes the sweep tries on each amount, smallest first: a cent, then larger ones (a
# figure that only a larger change reveals is covered, within a wide rounding envelope).
DELTAS = (Decimal("0.01"), Decimal("1.00"), Decimal("10.00"))
# Mutated documents judged by one evaluation in the sweep.
SWEEP_BATCH = 200


@dataclass(frozen=True)
class Mutation:
    """Add delta to the value of the raw row of table whose key columns have these values."""

    document_id: str
    table: str
    key: tuple[tuple[str, object], ...]  # (column, value) pairs naming one row
    value_column: str
    delta: Decimal
    label: str  # what was changed, for reports


def mutated_id(document_id: str, number: int) -> str:
    return f"{document_id}~m{number}"


@contextmanager
def warehouse_copy(warehouse: Path) -> Iterator[Path]:
    """A scratch copy of a warehouse under the same file name (DuckDB names a file's catalog
    after it, and the views refer to their tables through that name)."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / warehouse.name
        shutil.copy2(warehouse, copy)
        yield copy


def apply_mutations(database: Path, mutations: list[Mutation]) -> dict[str, Mutation]:
    """Copy each mutation's document under a new id with the one change; returns the new ids."""
    by_id = {mutated_id(m.document_id, n): m for n, m in enumerate(mutations, start=1)}
    with duckdb.connect(str(database)) as connection:
        connection.execute("set enable_progress_bar = false")
        tables = [
            name
            for (name,) in connection.execute(
                "select table_name from duckdb_columns() where schema_name = 'raw' "
                "and column_name = 'document_id' order by table_name"
            ).fetchall()
        ]
        connection.execute(
            "create temp table mutated_documents (new_id varchar, document_id varchar)"
        )
        connection.executemany(
            "insert into mutated_documents values (?, ?)",
            [(new_id, m.document_id) for new_id, m in by_id.items()],
        )
        for table in tables:
            connection.execute(
                f"insert into raw.{table} select rows.* replace (mutated.new_id as document_id) "
                f"from raw.{table} as rows join mutated_documents as mutated using (document_id)"
            )
        for new_id, mutation in by_id.items():
            where = " and ".join(f"{column} = ?" for column, _ in mutation.key)
            changed = connection.execute(
                f"update raw.{mutation.table} set {mutation.value_column} = "
                f"{mutation.value_column} + ? where document_id = ? and {where}",
                [mutation.delta, new_id, *(value for _, value in mutation.key)],
            ).fetchone()[0]
            if changed != 1:
                raise ValueError(f"{mutation.label}: {changed} rows match, not 1")
    return by_id


def reevaluate_identities(database: Path) -> None:
    """Recompute the identity tables of a (copied) warehouse from its raw tables."""
    with tempfile.TemporaryDirectory() as root:
        copy_dbt_project(Path(root))
        run_dbt(Path(root), database, ["run", "--selector", "identity_evaluation"])


_NEW_FAILURES = """
select mutated.identity_id, mutated.instance, mutated.source_lines
from audit.identity_checks as mutated
where mutated.document_id = ? and mutated.outcome = 'fail' and not mutated.is_acknowledged
    and not exists (
        select 1 from audit.identity_checks as original
        where original.document_id = ? and original.outcome = 'fail'
            and original.identity_id = mutated.identity_id
            and original.instance = mutated.instance
    )
order by mutated.identity_id, mutated.instance
"""


def new_failures(database: Path, mutations: dict[str, Mutation]) -> dict[str, list[tuple]]:
    """For each mutated document: the (identity, instance, source lines) it fails that its
    original does not."""
    with duckdb.connect(str(database), read_only=True) as connection:
        return {
            new_id: connection.execute(_NEW_FAILURES, [new_id, m.document_id]).fetchall()
            for new_id, m in mutations.items()
        }


@dataclass(frozen=True)
class SweepTarget:
    """One printed amount the sweep changes: a narrative figure (万元) or a statement cell."""

    kind: str  # narrative or statement
    document_id: str
    table: str
    key: tuple[tuple[str, object], ...]
    place: str  # the section, or the statement and page
    line_item: str
    measure: str
    value: Decimal
    source_line: int


# The amounts the sweep changes, with where each is printed.
_TARGETS = (
    (
        "narrative",
        "raw_disclosed_figures",
        "figure_seq",
        "select document_id, figure_seq, section_code, line_item, measure, value, source_line "
        "from raw.raw_disclosed_figures where unit = '万元' order by document_id, figure_seq",
    ),
    (
        "statement",
        "raw_statement_cells",
        "cell_seq",
        "select document_id, cell_seq, '表' || statement_no || ' page ' || page, "
        "coalesce(row_code || ' ', '') || coalesce(row_label, ''), column_label, value, "
        "source_line from raw.raw_statement_cells order by document_id, cell_seq",
    ),
)


@dataclass(frozen=True)
class SweepResult:
    target: SweepTarget
    caught_at: Decimal | None  # the smallest change some identity caught, None if none did


def sweep_targets(warehouse: Path) -> list[SweepTarget]:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return [
            SweepTarget(kind, row[0], table, ((key, row[1]),), *row[2:])
            for kind, table, key, query in _TARGETS
            for row in connection.execute(query).fetchall()
        ]


def sweep(warehouse: Path) -> list[SweepResult]:
    """Every narrative amount (万元) and every statement cell changed by each delta, up and
    down: SWEEP_BATCH mutated documents at a time, each batch in one copy judged by one
    evaluation (a batch stays within DuckDB's memory cap)."""
    targets = sweep_targets(warehouse)
    mutations = [
        Mutation(
            document_id=target.document_id,
            table=target.table,
            key=target.key,
            value_column="value",
            delta=sign * delta,
            label=f"{target.kind} {target.key[0][1]} {sign * delta:+}",
        )
        for target in targets
        for delta in DELTAS
        for sign in (1, -1)
    ]
    smallest: dict[tuple[str, str, object], Decimal] = {}
    for start in range(0, len(mutations), SWEEP_BATCH):
        with warehouse_copy(warehouse) as copy:
            applied = apply_mutations(copy, mutations[start : start + SWEEP_BATCH])
            reevaluate_identities(copy)
            caught = new_failures(copy, applied)
        for new_id, mutation in applied.items():
            if caught[new_id]:
                key = (mutation.document_id, mutation.table, mutation.key)
                size = abs(mutation.delta)
                smallest[key] = min(smallest.get(key, size), size)
    return [
        SweepResult(target, smallest.get((target.document_id, target.table, target.key)))
        for target in targets
    ]


def score_report(results: list[SweepResult]) -> list[str]:
    """The score by size of change, for the narrative's amounts and the statements' cells,
    and the amounts no check covers, as printable lines."""
    lines = []
    for kind, what in (("narrative", "narrative amounts"), ("statement", "statement cells")):
        own = [r for r in results if r.target.kind == kind]
        if not own:
            continue
        for delta in DELTAS:
            caught = sum(1 for r in own if r.caught_at is not None and r.caught_at <= delta)
            lines.append(f"{what} changed by ±{delta} 万元: {caught}/{len(own)} caught by a check")
    lines.append(
        "(a one-cent change of a figure is often inside the rounding envelope of the identities "
        "that use it; the larger changes show which figures an identity covers at all)"
    )
    uncovered = [r for r in results if r.caught_at is None]
    lines.append(f"not covered by any check ({len(uncovered)}):")
    lines += [
        f"  line {r.target.source_line} {r.target.place} {r.target.line_item} "
        f"{r.target.measure} = {r.target.value}"
        for r in uncovered
    ]
    return lines

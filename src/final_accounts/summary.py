"""The build summary of each document, read from the published warehouse: how many figures
its text gave, why the other numeric tokens are not figures, and how completely its
self-evaluation tables were read (for a build of a few documents, the tables with missing
cells, conflicts or a flagged name are listed one by one; raw.raw_performance_quality has
them all)."""

from __future__ import annotations

from pathlib import Path

import duckdb

_DOCUMENTS = """
select documents.document_id, documents.source_file,
       (select count(*) from raw.raw_disclosed_figures as f
         where f.document_id = documents.document_id) as figures,
       (select string_agg(reason || ' ' || n, ', ' order by reason) from (
            select reason, count(*) as n from raw.raw_unparsed_tokens as u
            where u.document_id = documents.document_id group by reason)) as unparsed,
       (select count(*) from raw.raw_unparsed_tokens as u
         where u.document_id = documents.document_id) as unparsed_count
from raw.raw_documents as documents
order by documents.document_id
"""

_PERFORMANCE = """
select quality.document_id, quality.table_id, quality.expected_cells, quality.extracted_cells,
       quality.recovered_cells, quality.missing_cells, quality.conflicts,
       coalesce(tables.name, tables.name_raw) as name, tables.name_quality
from raw.raw_performance_quality as quality
left join raw.raw_performance_tables as tables using (document_id, table_id)
order by quality.document_id, tables.table_seq nulls first, quality.table_id
"""


# Builds of at most this many documents list the self-evaluation tables one by one.
TABLE_DETAIL_DOCUMENTS = 3


def document_summaries(warehouse: Path) -> list[str]:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        documents = connection.execute(_DOCUMENTS).fetchall()
        tables = connection.execute(_PERFORMANCE).fetchall()
    lines = []
    for document_id, source_file, figures, unparsed, unparsed_count in documents:
        lines.append(
            f"{document_id} ({source_file}): {figures} figures, {unparsed_count} unparsed "
            f"tokens ({unparsed or 'none'})"
        )
        own = [t for t in tables if t[0] == document_id]
        if own:
            lines += _performance_lines(own, detail=len(documents) <= TABLE_DETAIL_DOCUMENTS)
    return lines


def _performance_lines(tables: list[tuple], *, detail: bool) -> list[str]:
    expected, extracted, recovered, missing, conflicts = (
        sum(t[i] for t in tables) for i in (2, 3, 4, 5, 6)
    )
    lines = [
        f"  performance tables: {len(tables)}, cells {extracted}/{expected}, recovered "
        f"{recovered}, missing {missing}, conflicts {conflicts}"
    ]
    if not detail:
        return lines
    for _, table_id, expected, extracted, recovered, missing, conflicts, name, quality in tables:
        flagged = quality not in (None, "clean")
        if missing or conflicts or flagged:
            flag = f" [{quality}]" if flagged else ""
            lines.append(
                f"    {table_id:<4} cells {extracted:>3}/{expected:<3} recovered {recovered:<2} "
                f"missing {missing:<2} conflicts {conflicts:<2} {str(name or '')[:28]}{flag}"
            )
    return lines

"""The HTML report of a built warehouse: `<document_id>.html` per document, `index.html`, and
one local copy of Plotly's JavaScript that the pages load (nothing from the network).

Read-only on the warehouse; the same warehouse gives byte-identical pages.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import duckdb
from plotly.offline import get_plotlyjs

from .data import document_ids, read_document
from .page import PLOTLY_SCRIPT, document_page, index_page

INDEX = "index.html"

_INDEX_ROWS = """
select documents.document_id, documents.department_name, documents.fiscal_year,
       documents.caliber, documents.status, summary.current_year_income_wan_yuan,
       summary.current_year_expenditure_wan_yuan,
       (select count(*) from marts.dim_project as projects
         where projects.document_id = documents.document_id) as projects,
       (select count(*) from audit.identity_results as results
         where results.document_id = documents.document_id and results.outcome = 'fail'
           and results.severity = 'critical') as critical_fail,
       (select count(*) from audit.identity_results as results
         where results.document_id = documents.document_id and results.outcome = 'fail'
           and results.severity = 'warning') as warning_fail
from marts.dim_document as documents
left join marts.fct_income_expenditure_summary as summary
  on summary.document_id = documents.document_id and summary.figure_source = 'narrative'
order by documents.fiscal_year desc, documents.document_id
"""


def documents_href_for(documents: Path, reports: Path) -> str:
    """The documents folder as the pages published in reports link to it (relative)."""
    return Path(os.path.relpath(documents, reports)).as_posix()


# Below this many documents the pages are written in this process (a pool costs more).
POOL_MIN_DOCUMENTS = 8


def write_reports(
    database: Path,
    out_dir: Path,
    *,
    workers: int | None = None,
    documents_href: str | None = None,
) -> list[Path]:
    """Write one page per document, the index and the one copy of Plotly's JavaScript the
    pages load into out_dir; returns the pages written (the index last). The pages are
    independent: several processes write them, each reading the warehouse read-only.
    documents_href (the documents folder, relative to where the pages are published) makes
    every cited page a link into its PDF (`<file>.pdf#page=N`)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / PLOTLY_SCRIPT).write_text(get_plotlyjs(), "utf-8")
    with duckdb.connect(str(database), read_only=True) as connection:
        ids = document_ids(connection)
        cursor = connection.execute(_INDEX_ROWS)
        names = [d[0] for d in cursor.description]
        documents = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    workers = min(workers or os.cpu_count() or 1, len(ids))
    if workers <= 1 or len(ids) < POOL_MIN_DOCUMENTS:
        written = _write_pages(database, out_dir, ids, documents_href)
    else:
        chunks = [ids[n::workers] for n in range(workers)]
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            parts = pool.map(
                _write_pages, [database] * workers, [out_dir] * workers, chunks,
                [documents_href] * workers,
            )  # fmt: skip
            written = sorted((page for part in parts for page in part), key=_ids_order(ids))
    index = out_dir / INDEX
    index.write_text(index_page(documents), "utf-8")
    return [*written, index]


def _write_pages(
    database: Path, out_dir: Path, ids: list[str], documents_href: str | None = None
) -> list[Path]:
    written = []
    with duckdb.connect(str(database), read_only=True) as connection:
        for document_id in ids:
            page = out_dir / f"{document_id}.html"
            data = read_document(connection, document_id, documents_href)
            page.write_text(document_page(data), "utf-8")
            written.append(page)
    return written


def _ids_order(ids: list[str]):
    position = {f"{document_id}.html": n for n, document_id in enumerate(ids)}
    return lambda page: position[page.name]

"""The HTML report of a built warehouse: `<document_id>.html` per document, `index.html`, and
one local copy of Plotly's JavaScript that the pages load (nothing from the network).

Read-only on the warehouse; the same warehouse gives byte-identical pages.

A page is a function of its document's data and of the report's code, so a rebuild renders
only the pages whose inputs changed: `pages.json`, written beside the pages, holds each
page's input key (a hash of the data read for it and of the report's version) and the
SHA-256 of the page; a page of the previous report whose key is the same and whose bytes are
intact is copied instead of rendered (rendering is ~70% of a page's cost, reading its data
the rest).
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import duckdb
import plotly
from plotly.offline import get_plotlyjs

from ..cache import source_version
from .data import DocumentData, document_ids, read_document
from .page import PLOTLY_SCRIPT, document_page, index_page

INDEX = "index.html"
PAGE_KEYS = "pages.json"

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
    previous: Path | None = None,
) -> Report:
    """Write one page per document, the index and the one copy of Plotly's JavaScript the
    pages load into out_dir. The pages are independent: several processes write them, each
    reading the warehouse read-only. documents_href (the documents folder, relative to where
    the pages are published) makes every cited page a link into its PDF (`<file>.pdf#page=N`).
    previous is the folder of the last report: its pages whose inputs are unchanged are
    copied, not rendered again."""
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / PLOTLY_SCRIPT).write_text(get_plotlyjs(), "utf-8")
    with duckdb.connect(str(database), read_only=True) as connection:
        ids = document_ids(connection)
        cursor = connection.execute(_INDEX_ROWS)
        names = [d[0] for d in cursor.description]
        documents = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    known = _page_keys(previous)
    workers = min(workers or os.cpu_count() or 1, len(ids))
    if workers <= 1 or len(ids) < POOL_MIN_DOCUMENTS:
        written = _write_pages(database, out_dir, ids, documents_href, previous, known)
    else:
        chunks = [ids[n::workers] for n in range(workers)]
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            parts = pool.map(
                _write_pages, [database] * workers, [out_dir] * workers, chunks,
                [documents_href] * workers, [previous] * workers, [known] * workers,
            )  # fmt: skip
            written = sorted((page for part in parts for page in part), key=_ids_order(ids))
    keys = {page.document_id: {"inputs": page.inputs, "sha256": page.sha256} for page in written}
    (out_dir / PAGE_KEYS).write_text(json.dumps(keys, indent=1, sort_keys=True) + "\n", "utf-8")
    index = out_dir / INDEX
    index.write_text(index_page(documents), "utf-8")
    return Report(
        pages=[*(page.path for page in written), index],
        reused=sum(page.reused for page in written),
    )


@dataclass(frozen=True)
class Report:
    pages: list[Path]  # one per document, then the index
    reused: int  # document pages copied from the previous report


@dataclass(frozen=True)
class _Page:
    document_id: str
    path: Path
    inputs: str  # the key of what the page shows and the report's version
    sha256: str
    reused: bool


def _report_version() -> str:
    """The report's code (this package's modules) and Plotly's version."""
    return f"plotly {plotly.__version__}, {source_version(Path(__file__).parent, excluded=())}"


def _inputs_key(data: DocumentData, version: str) -> str:
    # the dataclass's repr spells out every value read for the page (rows are lists of
    # dicts in query order, amounts Decimal), so equal reprs render equal pages
    return hashlib.sha256(f"{version}\0{data!r}".encode()).hexdigest()


def _page_keys(previous: Path | None) -> dict[str, dict[str, str]]:
    """Document id → {inputs, sha256} of the previous report's pages (none when its
    pages.json is missing or unreadable)."""
    try:
        entries = json.loads((previous / PAGE_KEYS).read_text("utf-8")) if previous else {}
    except (OSError, ValueError):
        return {}
    return {
        document_id: entry
        for document_id, entry in entries.items()
        if isinstance(entry, dict) and {"inputs", "sha256"} <= entry.keys()
    }


def _write_pages(
    database: Path,
    out_dir: Path,
    ids: list[str],
    documents_href: str | None = None,
    previous: Path | None = None,
    known: dict[str, dict[str, str]] | None = None,
) -> list[_Page]:
    written = []
    version = _report_version()
    with duckdb.connect(str(database), read_only=True) as connection:
        for document_id in ids:
            data = read_document(connection, document_id, documents_href)
            key = _inputs_key(data, version)
            content = _unchanged_page(previous, (known or {}).get(document_id), document_id, key)
            reused = content is not None
            if content is None:
                content = document_page(data).encode("utf-8")
            page = out_dir / f"{document_id}.html"
            page.write_bytes(content)
            digest = hashlib.sha256(content).hexdigest()
            written.append(_Page(document_id, page, key, digest, reused))
    return written


def _unchanged_page(
    previous: Path | None, entry: dict[str, str] | None, document_id: str, key: str
) -> bytes | None:
    """The previous report's page of the document when its inputs had the same key and its
    bytes are the ones recorded for them; else None."""
    if previous is None or entry is None or entry["inputs"] != key:
        return None
    path = previous / f"{document_id}.html"
    content = path.read_bytes() if path.is_file() else b""
    return content if hashlib.sha256(content).hexdigest() == entry["sha256"] else None


def _ids_order(ids: list[str]):
    position = {document_id: n for n, document_id in enumerate(ids)}
    return lambda page: position[page.document_id]

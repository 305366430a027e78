"""The build: extract → seed → dbt build (and docs) → quality gate → report → publish, each
stage a function of a workspace.

A build runs in its own workspace (a temporary folder beside the warehouse holding a copy
of the dbt project, the raw seeds of the documents and a new DuckDB file). Only when every
stage passed is the new file moved over the published one with os.replace, which is
atomic: a reader holding the old file keeps reading the old warehouse, and a failed build
leaves the published warehouse as it was. A document that could not be read, or whose
checks fail, does not keep the others out (its status says so): the build publishes the
warehouse of every readable document, unless it is strict.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import tempfile
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from .cache import ExtractionCache
from .corpus import (
    CorpusExtract,
    document_paths,
    extract_corpus,
    rejection_error,
    write_corpus_seeds,
)
from .dbt_docs import GENERATE as GENERATE_DOCS
from .dbt_docs import publish_static_docs
from .dbt_runner import DbtResults, copy_dbt_project, run_dbt
from .errors import BuildError, InputErrors
from .quality.data_docs import write_data_docs
from .quality.gate import (
    STATUSES,
    GateReport,
    describe_failures_of,
    describe_statuses,
    evaluate,
    record,
)
from .quality.gx_runner import import_great_expectations
from .report import INDEX as REPORT_INDEX
from .report import documents_href_for, write_reports

MARTS_SCHEMA = "marts"


@dataclass
class Workspace:
    """The folder a build works in, and what its stages learned."""

    root: Path
    documents: Path
    warehouse: Path
    seeds_out: Path | None  # where to refresh the committed seeds, if anywhere
    strict: bool = False  # publish only when every document is certified
    dbt_results: DbtResults = field(default_factory=DbtResults)
    gate: GateReport | None = None

    @property
    def reports(self) -> Path:
        """The new report pages, published beside the warehouse with it."""
        return self.root / "reports"

    @property
    def published_reports(self) -> Path:
        return self.warehouse.parent / "reports"

    @property
    def cache(self) -> ExtractionCache:
        """Extraction results by document hash and extractor version, kept across builds."""
        return ExtractionCache(self.warehouse.parent / "extract_cache")

    @property
    def corpus(self) -> CorpusExtract:
        """The documents the extract stage found (kept in the workspace, so that every stage
        reads what it needs from files)."""
        return CorpusExtract.load(self.root / "corpus.json", self.cache)

    @property
    def dbt_state(self) -> Path:
        """dbt's partial-parse state, kept across builds (beside the warehouse)."""
        return self.warehouse.parent / "dbt_state"

    @property
    def database(self) -> Path:
        # Named as the published file: DuckDB names a file's catalog after it, and dbt's
        # views refer to their tables through that catalog name.
        return self.root / self.warehouse.name


def new_workspace(
    documents: Path, warehouse: Path, seeds_out: Path | None, *, strict: bool = False
) -> Workspace:
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    root = Path(tempfile.mkdtemp(prefix=".build-", dir=warehouse.parent))
    copy_dbt_project(root)
    return Workspace(
        root=root, documents=documents, warehouse=warehouse, seeds_out=seeds_out, strict=strict
    )


def discard(workspace: Workspace) -> None:
    shutil.rmtree(workspace.root, ignore_errors=True)


def stage_extract(workspace: Workspace) -> str:
    """Every document from the extraction cache or extracted anew, one process per core. A
    file that cannot be read is rejected and the others go on; with none readable, or with
    any rejected under --strict, the build stops here (bad input)."""
    corpus = extract_corpus(document_paths(workspace.documents), workspace.cache)
    if not corpus.documents or (workspace.strict and corpus.rejected):
        raise InputErrors([rejection_error(r) for r in corpus.rejected])
    corpus.save(workspace.root / "corpus.json")
    rejected = f", {len(corpus.rejected)} rejected" if corpus.rejected else ""
    return (
        f"{len(corpus.documents)} document(s): {corpus.extracted} extracted, "
        f"{corpus.cached} from the cache{rejected}"
    )


def stage_seed(workspace: Workspace) -> str:
    """The documents' rows concatenated into the raw seed files (and the committed seeds,
    if asked)."""
    paths = write_corpus_seeds(workspace.corpus, workspace.root / "seeds" / "raw")
    if workspace.seeds_out is not None:
        write_seeds_copy(paths, workspace.seeds_out)
    size = sum(path.stat().st_size for path in paths)
    return f"{len(paths)} raw seed files, {size / 1e6:.1f} MB"


def write_seeds_copy(paths: list[Path], directory: Path) -> None:
    """The committed seeds refreshed from the workspace's (an unchanged file is left as is)."""
    for path in paths:
        target = directory / path.name
        if not (target.exists() and filecmp.cmp(path, target, shallow=False)):
            shutil.copyfile(path, target)


def stage_dbt_build(workspace: Workspace) -> str:
    """One `dbt build`: seeds loaded, then models and their tests in DAG order (a failing
    test stops what depends on it), on every core; then dbt docs as one static page, on the
    same parse. The tests of the bundled documents' real values are not part of it (selector
    warehouse_build): a document is judged by its identities."""
    results = run_dbt(
        workspace.root,
        workspace.database,
        ["build", "--selector", "warehouse_build"],
        GENERATE_DOCS,
        parse_state=workspace.dbt_state,
    )
    workspace.dbt_results = results
    warned = f", {results.tests_warned} warnings" if results.tests_warned else ""
    return (
        f"{results.count('seed', 'success')} seeds, {results.count('model', 'success')} models, "
        f"{results.tests_passed} tests passed{warned}; dbt docs generated"
    )


def stage_quality_gate(workspace: Workspace) -> str:
    """The Great Expectations suites of the check registry over the identity results; Data
    Docs for the run; the run into audit.validation_runs; each document's status. The build
    stops here when the registry itself is inconsistent, or under --strict when a document
    is not certified."""
    report = evaluate(workspace.database, read_only=False)
    report.data_docs = write_data_docs(report, workspace.warehouse.parent / "data_docs")
    record(report, workspace.database, previous=workspace.warehouse)
    workspace.gate = report
    if report.system_failures or (workspace.strict and not report.all_certified):
        failures = report.system_failures or report.critical_failures
        raise BuildError(
            "the quality gate failed:\n  "
            + "\n  ".join(describe_failures_of(failures) + describe_statuses(report, limited=True))
            + f"\n  Data Docs: {report.data_docs}"
        )
    counts = report.outcome_counts()
    statuses = Counter(row["status"] for row in report.statuses)
    return (
        ", ".join(f"{statuses[s]} {s}" for s in STATUSES if statuses[s])
        + "; checks: "
        + ", ".join(
            f"{counts.get(o, 0)} {o}"
            for o in ("pass", "rounding", "acknowledged", "not_evaluable", "fail")
        )
    )


def stage_report(workspace: Workspace) -> str:
    """The HTML report (charts and tables per document, and an index) from the new
    warehouse; published with it. A figure's page links into its PDF (`<file>.pdf#page=N`).
    A published page whose inputs did not change is copied, not rendered again."""
    documents_href = documents_href_for(workspace.documents, workspace.published_reports)
    report = write_reports(
        workspace.database,
        workspace.reports,
        documents_href=documents_href,
        previous=workspace.published_reports,
    )
    return (
        f"{len(report.pages) - 1} document report(s) ({report.reused} unchanged, copied) "
        f"and {REPORT_INDEX}"
    )


def stage_publish(workspace: Workspace) -> str:
    """Move the new warehouse over the published one, atomically."""
    wal = workspace.database.with_name(workspace.database.name + ".wal")
    if wal.exists():
        raise BuildError(f"the new warehouse was not checkpointed ({wal} remains)")
    os.replace(workspace.database, workspace.warehouse)
    _publish_reports(workspace.reports, workspace.published_reports)
    docs = publish_static_docs(workspace.root, workspace.warehouse.parent / "dbt_docs")
    return (
        f"published {workspace.warehouse}, {workspace.published_reports / REPORT_INDEX} and {docs}"
    )


def _publish_reports(new: Path, published: Path) -> None:
    """Each new file replaces its old one (os.replace); pages of documents no longer in the
    warehouse are removed."""
    published.mkdir(parents=True, exist_ok=True)
    names = {path.name for path in new.iterdir() if path.is_file()}
    for old in published.iterdir():
        if old.is_file() and old.name not in names:
            old.unlink()
    for name in sorted(names):
        os.replace(new / name, published / name)


@dataclass(frozen=True)
class Stage:
    """A step of the build. beside is work for a later stage that runs in a thread while
    this stage runs: this stage waits on a child process, so the thread has a core to
    itself (the quality gate's imports, ~3 s of Great Expectations, beside dbt)."""

    name: str
    run: Callable[[Workspace], str]
    beside: Callable[[], None] | None = None


@contextmanager
def work_beside(stage: Stage) -> Iterator[None]:
    """Run stage.beside in a thread for the duration of the block (nothing without one)."""
    if stage.beside is None:
        yield
        return
    thread = threading.Thread(target=stage.beside, name=f"beside {stage.name}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        thread.join()


STAGES: tuple[Stage, ...] = (
    Stage("extract", stage_extract),
    Stage("seed", stage_seed),
    Stage("dbt build", stage_dbt_build, beside=import_great_expectations),
    Stage("quality gate", stage_quality_gate),
    Stage("report", stage_report),
    Stage("publish", stage_publish),
)


def mart_row_counts(database: Path) -> dict[str, int]:
    with duckdb.connect(str(database), read_only=True) as connection:
        tables = connection.execute(
            "select table_name from information_schema.tables "
            "where table_schema = ? order by table_name",
            [MARTS_SCHEMA],
        ).fetchall()
        return {
            name: connection.execute(f'select count(*) from {MARTS_SCHEMA}."{name}"').fetchone()[0]
            for (name,) in tables
        }

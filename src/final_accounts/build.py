"""The build: extract → seed → dbt build → publish, each stage a function of a workspace.

A build runs in its own workspace (a temporary folder beside the warehouse holding a copy
of the dbt project, the raw seeds it extracted and a new DuckDB file). Only when every
stage passed is the new file moved over the published one with os.replace, which is
atomic: a reader holding the old file keeps reading the old warehouse, and a failed build
leaves the published warehouse as it was.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from . import project
from .errors import BuildError, ExtractionError
from .extract import DocumentExtract, extract_file
from .quality.data_docs import write_data_docs
from .quality.gate import GateReport, describe_failures, evaluate, record
from .report import INDEX as REPORT_INDEX
from .report import write_reports
from .seeds import raw_tables, write_seeds

MARTS_SCHEMA = "marts"


@dataclass
class Workspace:
    """The folder a build works in, and what its stages learned."""

    root: Path
    documents: Path
    warehouse: Path
    seeds_out: Path | None  # where to refresh the committed seeds, if anywhere
    extracts: list[DocumentExtract] = field(default_factory=list)
    dbt_results: dict[str, int] = field(default_factory=dict)
    gate: GateReport | None = None

    @property
    def reports(self) -> Path:
        """The new report pages, published beside the warehouse with it."""
        return self.root / "reports"

    @property
    def published_reports(self) -> Path:
        return self.warehouse.parent / "reports"

    @property
    def database(self) -> Path:
        # Named as the published file: DuckDB names a file's catalog after it, and dbt's
        # views refer to their tables through that catalog name.
        return self.root / self.warehouse.name


def new_workspace(documents: Path, warehouse: Path, seeds_out: Path | None) -> Workspace:
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    root = Path(tempfile.mkdtemp(prefix=".build-", dir=warehouse.parent))
    for name in project.DBT_PROJECT_FILES:
        shutil.copy2(project.ROOT / name, root / name)
    for name in project.DBT_PROJECT_DIRS:
        shutil.copytree(project.ROOT / name, root / name)
    return Workspace(root=root, documents=documents, warehouse=warehouse, seeds_out=seeds_out)


def discard(workspace: Workspace) -> None:
    shutil.rmtree(workspace.root, ignore_errors=True)


def document_paths(documents: Path) -> list[Path]:
    paths = sorted(documents.glob("*.txt"))
    if not paths:
        raise BuildError(f"no documents (*.txt) in {documents}")
    return paths


def stage_extract(workspace: Workspace) -> str:
    """Every document → raw seeds in the workspace (and the committed seeds, if asked)."""
    extracts = [extract_file(path) for path in document_paths(workspace.documents)]
    ids = [e.document.document_id for e in extracts]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        names = [e.document.source_file for e in extracts if e.document.document_id in duplicates]
        raise ExtractionError(
            ", ".join(names),
            "these documents have the same department, caliber and year (one id: "
            f"{', '.join(duplicates)})",
            section="title",
            line=1,
        )
    workspace.extracts = extracts
    tables = raw_tables(extracts)
    write_seeds(tables, workspace.root / "seeds" / "raw")
    if workspace.seeds_out is not None:
        write_seeds(tables, workspace.seeds_out)
    figures = sum(len(e.records.figures) for e in extracts)
    unparsed = sum(len(e.records.unparsed) for e in extracts)
    return f"{len(extracts)} document(s), {figures} figures, {unparsed} unparsed tokens"


def stage_seed(workspace: Workspace) -> str:
    # The seed .yml (types and descriptions) is committed; copy it beside the new CSVs.
    shutil.copy2(project.RAW_SEEDS / "_raw__seeds.yml", workspace.root / "seeds/raw")
    results = run_dbt(workspace, ["seed"])
    return f"{results.get('success', 0)} seed tables loaded"


def stage_dbt_build(workspace: Workspace) -> str:
    """The models: staging views, intermediate views, mart tables."""
    results = run_dbt(workspace, ["run"])
    return f"{results.get('success', 0)} models built"


def stage_tests(workspace: Workspace) -> str:
    """dbt data tests and unit tests over the new warehouse."""
    with (workspace.root / "seeds" / "raw" / "raw_documents.csv").open(encoding="utf-8") as f:
        document_ids = [row["document_id"] for row in csv.DictReader(f)]
    results = run_dbt(
        workspace, ["test", "--vars", json.dumps({"built_document_ids": document_ids})]
    )
    workspace.dbt_results = results
    return f"{results.get('pass', 0)} tests passed" + (
        f", {results['warn']} warnings" if results.get("warn") else ""
    )


def stage_quality_gate(workspace: Workspace) -> str:
    """The Great Expectations suites over the accounting identities; Data Docs for the run;
    results into schema audit. A failed critical expectation stops the build here."""
    report = evaluate(workspace.database, project.EXPECTATIONS, read_only=False)
    report.data_docs = write_data_docs(report, workspace.warehouse.parent / "data_docs")
    record(report, workspace.database, previous=workspace.warehouse)
    workspace.gate = report
    if not report.passed:
        raise BuildError(
            "the quality gate failed:\n  "
            + "\n  ".join(describe_failures(report))
            + f"\n  Data Docs: {report.data_docs}"
        )
    counts = report.outcome_counts()
    return (
        ", ".join(
            f"{counts.get(o, 0)} {o}"
            for o in ("pass", "rounding", "acknowledged", "not_evaluable", "fail")
        )
        + f" (fails of warning severity only; {len(report.warnings)} warning expectations "
        "reported)"
    )


def stage_report(workspace: Workspace) -> str:
    """The HTML report (charts and tables per document, and an index) from the new
    warehouse; published with it."""
    pages = write_reports(workspace.database, workspace.reports)
    return f"{len(pages) - 1} document report(s) and {REPORT_INDEX}"


def stage_docs(workspace: Workspace) -> str:
    """dbt docs as one static page beside the warehouse (reads the workspace's database)."""
    from .dbt_docs import generate_static_docs

    page = generate_static_docs(workspace.root, workspace.warehouse.parent / "dbt_docs")
    return f"dbt docs: {page}"


def stage_publish(workspace: Workspace) -> str:
    """Move the new warehouse over the published one, atomically."""
    wal = workspace.database.with_name(workspace.database.name + ".wal")
    if wal.exists():
        raise BuildError(f"the new warehouse was not checkpointed ({wal} remains)")
    os.replace(workspace.database, workspace.warehouse)
    _publish_reports(workspace.reports, workspace.published_reports)
    return f"published {workspace.warehouse} and {workspace.published_reports / REPORT_INDEX}"


def _publish_reports(new: Path, published: Path) -> None:
    """Each new page replaces its old one (os.replace); pages of documents no longer in the
    warehouse are removed."""
    published.mkdir(parents=True, exist_ok=True)
    names = {page.name for page in new.glob("*.html")}
    for page in published.glob("*.html"):
        if page.name not in names:
            page.unlink()
    for name in sorted(names):
        os.replace(new / name, published / name)


STAGES: tuple[tuple[str, Callable[[Workspace], str]], ...] = (
    ("extract", stage_extract),
    ("seed", stage_seed),
    ("dbt build", stage_dbt_build),
    ("tests", stage_tests),
    ("quality gate", stage_quality_gate),
    ("report", stage_report),
    ("docs", stage_docs),
    ("publish", stage_publish),
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


def run_dbt(workspace: Workspace, arguments: list[str]) -> dict[str, int]:
    """Run dbt on the workspace in a child process (which closes and checkpoints the
    DuckDB file when it exits); BuildError naming every failed node."""
    command = [
        str(Path(sys.executable).with_name("dbt")),
        *arguments,
        "--project-dir", str(workspace.root),
        "--profiles-dir", str(workspace.root),
        "--target-path", str(workspace.root / "target"),
        "--log-path", str(workspace.root / "logs"),
        "--quiet",
    ]  # fmt: skip
    environment = {**os.environ, "FINAL_ACCOUNTS_DUCKDB": str(workspace.database)}
    completed = subprocess.run(command, env=environment, capture_output=True, text=True)
    run_results = workspace.root / "target" / "run_results.json"
    results = json.loads(run_results.read_text()) if run_results.exists() else {"results": []}
    counts: dict[str, int] = {}
    failures = []
    for node in results["results"]:
        counts[node["status"]] = counts.get(node["status"], 0) + 1
        if node["status"] in ("error", "fail"):
            failures.append(f"  {node['unique_id']}: {node.get('message')}")
    if completed.returncode != 0:
        detail = "\n".join(failures) or (completed.stdout + completed.stderr).strip()
        raise BuildError(f"dbt {arguments[0]} failed:\n{detail}")
    return counts

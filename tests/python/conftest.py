"""Fixtures shared by the session: the bundled document extracted once, built once, and
rebuilt once with a second document while a reader and a BI tool hold the warehouse open.

Full builds are the slow part of the suite, so there are three: this clean build, this
rebuild, and one build of a mutated document (test_quality_gate). Everything else reads
these warehouses or changes copies of them.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest
from support import (
    DOCUMENT_FILE,
    DOCUMENT_PATH,
    DOCUMENTS,
    marts_state,
    second_document_lines,
    write_lines,
)

from final_accounts.build import mart_row_counts
from final_accounts.cli import run_build
from final_accounts.document import Document, read_document
from final_accounts.extract import DocumentExtract, extract_file

BI_TOOL = Path(__file__).with_name("bi_tool.py")


@pytest.fixture(scope="session")
def real_document() -> Document:
    return read_document(DOCUMENT_PATH)


@pytest.fixture(scope="session")
def real_extract() -> DocumentExtract:
    return extract_file(DOCUMENT_PATH)


@dataclass
class BuildRun:
    exit_code: int
    stdout: str
    stderr: str


def build(documents: Path, warehouse: Path, *, strict: bool = False) -> BuildRun:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run_build(documents, warehouse, None, strict=strict)
    return BuildRun(code, out.getvalue(), err.getvalue())


@dataclass
class CleanBuild:
    """One build of the bundled document into a scratch folder, shared by the session."""

    exit_code: int
    stdout: str
    stderr: str
    documents: Path
    warehouse: Path


@pytest.fixture(scope="session")
def clean_build(tmp_path_factory) -> CleanBuild:
    root = tmp_path_factory.mktemp("clean_build")
    documents = root / "documents"
    documents.mkdir()
    shutil.copy2(DOCUMENT_PATH, documents / DOCUMENT_PATH.name)
    warehouse = root / "warehouse" / "final_accounts.duckdb"
    run = build(documents, warehouse)
    return CleanBuild(run.exit_code, run.stdout, run.stderr, documents, warehouse)


@pytest.fixture(scope="session")
def bundled_build(tmp_path_factory) -> CleanBuild:
    """One build of both bundled documents (the Xinjiang text and the Shanghai PDF), as
    `make build` runs it."""
    root = tmp_path_factory.mktemp("bundled_build")
    documents = root / "documents"
    shutil.copytree(DOCUMENTS, documents)
    warehouse = root / "warehouse" / "final_accounts.duckdb"
    run = build(documents, warehouse)
    return CleanBuild(run.exit_code, run.stdout, run.stderr, documents, warehouse)


@pytest.fixture
def published(clean_build) -> Path:
    """The warehouse of the clean build (tests must not change it)."""
    assert clean_build.exit_code == 0, f"the clean build failed:\n{clean_build.stderr}"
    return clean_build.warehouse


@dataclass
class Rebuild:
    """The clean build's folder copied, then rebuilt with a second document beside the
    bundled one while a reader of this process and a BI tool in another hold it open."""

    run: BuildRun
    warehouse: Path
    before: dict  # what the reader saw before the rebuild
    reader_after: dict  # what the same reader saw after it
    new_reader: dict  # what a new connection (another process) sees after it
    rounds: list[dict]  # the BI tool's rounds of reflection, before, during and after
    build_started: float
    build_ended: float
    rows_before: dict[str, int]  # rows per mart of the old warehouse
    rows_after: dict[str, int]  # and of the new one


@pytest.fixture(scope="session")
def rebuild(clean_build, tmp_path_factory) -> Rebuild:
    assert clean_build.exit_code == 0, clean_build.stderr
    root = tmp_path_factory.mktemp("rebuild")
    shutil.copytree(clean_build.warehouse.parent, root / "warehouse")
    warehouse = root / "warehouse" / clean_build.warehouse.name
    documents = root / "documents"
    documents.mkdir()
    shutil.copy2(DOCUMENT_PATH, documents / DOCUMENT_FILE)
    write_lines(documents / "urumqi_finance_2024_final_accounts.txt", second_document_lines())
    rows_before = mart_row_counts(warehouse)

    rounds_file, stop = root / "rounds.jsonl", root / "stop"
    reader = duckdb.connect(str(warehouse), read_only=True)
    with rounds_file.open("w", encoding="utf-8") as out:
        bi_tool = subprocess.Popen(
            [sys.executable, str(BI_TOOL), str(warehouse), str(stop)],
            stdout=out,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            deadline = time.time() + 60
            while not _rounds(rounds_file) and bi_tool.poll() is None and time.time() < deadline:
                time.sleep(0.1)  # the first round, on the old warehouse
            before = marts_state(reader)
            build_started = time.time()
            run = build(documents, warehouse)
            build_ended = time.time()
            reader_after = marts_state(reader)
            stop.touch()  # one more round, on the new warehouse, then the BI process ends
            _, bi_errors = bi_tool.communicate(timeout=120)
        finally:
            reader.close()
            if bi_tool.poll() is None:
                bi_tool.kill()
                bi_tool.wait()
    assert bi_tool.returncode == 0, bi_errors
    return Rebuild(
        run=run,
        warehouse=warehouse,
        before=before,
        reader_after=reader_after,
        new_reader=_marts_state_in_new_process(warehouse),
        rounds=_rounds(rounds_file),
        build_started=build_started,
        build_ended=build_ended,
        rows_before=rows_before,
        rows_after=mart_row_counts(warehouse),
    )


def _rounds(path: Path) -> list[dict]:
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    return [json.loads(line) for line in text.splitlines() if line.endswith("}")]


# Run by another process: a new reader of the published file, as a user would open it. (In
# this process duckdb would hand back the instance the held-open reader uses.)
_NEW_READER = """
import json, sys
import duckdb
sys.path.insert(0, sys.argv[2])
from support import marts_state
with duckdb.connect(sys.argv[1], read_only=True) as connection:
    print(json.dumps(marts_state(connection)))
"""


def _marts_state_in_new_process(warehouse: Path) -> dict:
    completed = subprocess.run(
        [sys.executable, "-c", _NEW_READER, str(warehouse), str(Path(__file__).parent)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(completed.stdout)

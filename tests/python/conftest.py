"""Fixtures on the bundled document: extracted once, and built once, per test session."""

from __future__ import annotations

import contextlib
import io
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from support import DOCUMENT_PATH

from final_accounts.cli import run_build
from final_accounts.document import Document, read_document
from final_accounts.extract import DocumentExtract, extract_file


@pytest.fixture(scope="session")
def real_document() -> Document:
    return read_document(DOCUMENT_PATH)


@pytest.fixture(scope="session")
def real_extract() -> DocumentExtract:
    return extract_file(DOCUMENT_PATH)


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
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run_build(documents, warehouse, None)
    return CleanBuild(code, out.getvalue(), err.getvalue(), documents, warehouse)


@pytest.fixture
def published(clean_build) -> Path:
    """The warehouse of the clean build (tests must not change it)."""
    assert clean_build.exit_code == 0, f"the clean build failed:\n{clean_build.stderr}"
    return clean_build.warehouse

"""Fixtures on the bundled document, extracted once per test session."""

from __future__ import annotations

import pytest
from support import DOCUMENT_PATH

from final_accounts.document import Document, read_document
from final_accounts.extract import DocumentExtract, extract_file


@pytest.fixture(scope="session")
def real_document() -> Document:
    return read_document(DOCUMENT_PATH)


@pytest.fixture(scope="session")
def real_extract() -> DocumentExtract:
    return extract_file(DOCUMENT_PATH)

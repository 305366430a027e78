"""Readers: a source file (text or PDF) → the document model (reading.model), which is all the
parsers read. A PDF is recognised by its bytes (`%PDF-`), whatever its name."""

from __future__ import annotations

from pathlib import Path

from ..errors import ExtractionError
from .model import SourceDocument
from .pdf import PDF_HEADER, read_pdf
from .text import read_text

# What documents/ may hold: the suffixes of the files a build reads.
DOCUMENT_SUFFIXES = (".txt", ".pdf")


def read_source(path: Path) -> SourceDocument:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ExtractionError(path.name, f"the file cannot be read ({error.strerror})") from None
    if data.lstrip()[: len(PDF_HEADER)] == PDF_HEADER or path.suffix.lower() == ".pdf":
        return read_pdf(path.name, data)
    return read_text(path.name, data)

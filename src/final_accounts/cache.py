"""The extraction cache: one entry per document, kept beside the warehouse (never committed).

An entry is everything the seed stage needs from one document: its identity and its rows of
every raw table as CSV fragments. It is keyed by the document's SHA-256 and the extractor's
version, a hash of the source of every module that turns a document into rows (so any change
to the extraction code invalidates every entry). A document whose bytes changed has another
key; a renamed file is a miss too (the file name is part of its rows). An entry that cannot be
read is a miss: it is extracted again and rewritten.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import Protocol

from .seeds import RAW_SCHEMA
from .templates import TEMPLATES

PACKAGE = Path(__file__).resolve().parent

# Modules of the package that do not take part in turning a document into rows: changing
# them keeps the cache. Everything else (readers, parsers, seeds, this module) is hashed.
_NOT_EXTRACTION = (
    "bench.py", "build.py", "cli.py", "dbt_docs.py", "dbt_runner.py", "dbt_session.py",
    "export.py", "project.py",
    "quality/", "report/",
)  # fmt: skip


@dataclass(frozen=True)
class CacheEntry:
    """One document's extraction: its identity and its CSV fragment of every raw table."""

    document_id: str
    department_name: str
    caliber: str
    fiscal_year: int
    source_file: str
    source_sha256: str
    extractor_version: str
    fragments: dict[str, str]  # raw table → its rows for this document (CSV, no header)


@cache
def extractor_version() -> str:
    """The version of this installation's extraction code, of the raw tables' columns and of
    the templates the documents are read by."""
    return source_version(PACKAGE, RAW_SCHEMA, *sorted(TEMPLATES.glob("*.yaml")))


def source_version(package: Path, *data: Path, excluded: tuple[str, ...] = _NOT_EXTRACTION) -> str:
    """A hash of the code in a package folder (the path and bytes of every module it consists
    of, but those whose relative path starts with one of excluded: by default, the modules
    that do not extract) and of the data files it reads."""
    digest = hashlib.sha256()
    for path in data:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package).as_posix()
        if relative.startswith(excluded) or "__pycache__" in relative:
            continue
        digest.update(relative.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


class EntryStore(Protocol):
    """Where entries are kept: the cache on disk, or memory for a one-off extraction."""

    def get(self, source_file: str, source_sha256: str) -> CacheEntry | None: ...

    def put(self, entry: CacheEntry) -> None: ...


class MemoryStore:
    """Entries of one extraction, in memory (nothing kept afterwards)."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, str], CacheEntry] = {}

    def get(self, source_file: str, source_sha256: str) -> CacheEntry | None:
        return self._entries.get((source_file, source_sha256))

    def put(self, entry: CacheEntry) -> None:
        self._entries[(entry.source_file, entry.source_sha256)] = entry


class ExtractionCache:
    """Entries in one folder, a JSON file per document and extractor version."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _path(self, source_sha256: str) -> Path:
        return self.directory / f"{source_sha256}-{extractor_version()}.json"

    def get(self, source_file: str, source_sha256: str) -> CacheEntry | None:
        path = self._path(source_sha256)
        try:
            entry = CacheEntry(**json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            return None  # absent, unreadable or of another shape: extract again
        if (
            entry.source_sha256 != source_sha256
            or entry.extractor_version != extractor_version()
            or entry.source_file != source_file
        ):
            return None
        return entry

    def put(self, entry: CacheEntry) -> None:
        """Write an entry atomically (a reader never sees half a file)."""
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self._path(entry.source_sha256)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=self.directory, suffix=".tmp", delete=False
        ) as handle:
            json.dump(asdict(entry), handle, ensure_ascii=False)
        os.replace(handle.name, path)

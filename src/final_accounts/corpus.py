"""The documents of a build or an extraction: found, extracted (in parallel, through the
cache), checked as a set, and written as raw seeds.

Each document's extraction is an independent task, a pure function from the file to its
cache entry (`extract_entry`); the seed stage only concatenates entries. That is the shape a
distributed executor takes over unchanged: map `extract_entry` over the files, gather the
entries, concatenate. Here a process pool on this machine's cores runs the tasks.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .cache import CacheEntry, ExtractionCache, extractor_version
from .errors import BuildError, ExtractionError, InputErrors
from .extract import extract_file
from .seeds import document_fragments, write_seeds

DOCUMENT_PATTERNS = ("*.txt",)


def document_paths(directory: Path) -> list[Path]:
    paths = sorted(p for pattern in DOCUMENT_PATTERNS for p in directory.glob(pattern))
    if not paths:
        raise BuildError(f"no documents ({', '.join(DOCUMENT_PATTERNS)}) in {directory}")
    return paths


def extract_entry(path: Path) -> CacheEntry:
    """One document → its cache entry (ExtractionError naming the place if it is bad)."""
    extract = extract_file(path)
    document = extract.document
    return CacheEntry(
        document_id=document.document_id,
        department_name=document.department_name,
        caliber=document.caliber,
        fiscal_year=document.fiscal_year,
        source_file=document.source_file,
        source_sha256=document.source_sha256,
        extractor_version=extractor_version(),
        fragments=document_fragments(extract),
    )


def _extract_or_error(path: Path) -> CacheEntry | ExtractionError:
    try:
        return extract_entry(path)
    except ExtractionError as error:
        return error


@dataclass(frozen=True)
class CorpusExtract:
    """The entries of a document set in document-id order, and how many were extracted
    now (the others came from the cache)."""

    entries: list[CacheEntry]
    extracted: int

    @property
    def cached(self) -> int:
        return len(self.entries) - self.extracted


def extract_corpus(
    paths: list[Path], cache: ExtractionCache | None, *, workers: int | None = None
) -> CorpusExtract:
    """Every document from the cache or extracted anew (one process per core), then the
    document-set check. InputErrors lists every bad document."""
    entries: list[CacheEntry] = []
    pending: list[Path] = []
    for path in paths:
        entry = cache.get(path.name, _sha256(path)) if cache is not None else None
        if entry is None:
            pending.append(path)
        else:
            entries.append(entry)
    errors: list[ExtractionError] = []
    for result in _run(pending, workers):
        if isinstance(result, ExtractionError):
            errors.append(result)
            continue
        entries.append(result)
        if cache is not None:
            cache.put(result)
    if errors:
        raise InputErrors(sorted(errors, key=str))
    entries.sort(key=lambda e: e.document_id)
    check_document_set(entries)
    return CorpusExtract(entries, extracted=len(pending))


def _run(paths: list[Path], workers: int | None) -> Iterator[CacheEntry | ExtractionError]:
    workers = min(workers or os.cpu_count() or 1, len(paths))
    if workers <= 1:  # not worth a pool
        yield from map(_extract_or_error, paths)
        return
    # spawn, not fork: the parent may hold DuckDB or GX threads that a fork would copy
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield from pool.map(_extract_or_error, paths, chunksize=4)


def check_document_set(entries: Iterable[CacheEntry]) -> None:
    """One file per document: two files with the same department, caliber and year (one
    document id) are bad input, whichever command reads them."""
    by_id: dict[str, list[CacheEntry]] = {}
    for entry in entries:
        by_id.setdefault(entry.document_id, []).append(entry)
    errors = [
        ExtractionError(
            ", ".join(sorted(e.source_file for e in same)),
            f"these documents have the same department, caliber and year (one id: {document_id})",
            section="title",
            line=1,
        )
        for document_id, same in sorted(by_id.items())
        if len(same) > 1
    ]
    if errors:
        raise InputErrors(errors)


def write_corpus_seeds(corpus: CorpusExtract, directory: Path) -> list[Path]:
    return write_seeds((entry.fragments for entry in corpus.entries), directory)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()

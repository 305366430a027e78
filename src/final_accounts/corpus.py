"""The documents of a build or an extraction: found, extracted (in parallel, through the
cache), checked as a set, and written as raw seeds.

Each document's extraction is an independent task, a pure function from the file to its
cache entry (`extract_entry`); the seed stage only concatenates entries. That is the shape a
distributed executor takes over unchanged: map `extract_entry` over the files, gather the
entries, concatenate. Here a process pool on this machine's cores runs the tasks.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from itertools import chain
from pathlib import Path

from .cache import CacheEntry, EntryStore, ExtractionCache, MemoryStore, extractor_version
from .errors import BuildError, ExtractionError
from .extract import extract_file
from .reading import DOCUMENT_SUFFIXES
from .seeds import document_fragments, rejected_fragment, write_seeds


def document_paths(directory: Path) -> list[Path]:
    """The documents of a folder: every file with a document suffix (text or PDF)."""
    paths = (
        sorted(
            p for p in directory.iterdir() if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES
        )
        if directory.is_dir()
        else []
    )
    if not paths:
        patterns = ", ".join(f"*{suffix}" for suffix in DOCUMENT_SUFFIXES)
        raise BuildError(f"no documents ({patterns}) in {directory}")
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
class CorpusDocument:
    """One document of a set, as its cache entry is found again."""

    document_id: str
    source_file: str
    source_sha256: str


@dataclass(frozen=True)
class RejectedDocument:
    """A file that could not be read as a final-accounts document, with the error."""

    source_file: str
    source_sha256: str
    error_message: str  # the whole message, naming the place
    page: int | None
    section_code: str | None
    source_line: int | None
    reason: str  # the message without the place

    @classmethod
    def of(cls, path: Path, error: ExtractionError) -> RejectedDocument:
        return cls(
            path.name, _sha256(path), str(error), error.page, error.section, error.line,
            error.message,
        )  # fmt: skip


def rejection_error(rejected: RejectedDocument) -> ExtractionError:
    """The error a rejected file was rejected with."""
    return ExtractionError(
        rejected.source_file, rejected.reason, section=rejected.section_code,
        line=rejected.source_line, page=rejected.page,
    )  # fmt: skip


@dataclass
class CorpusExtract:
    """A document set: its readable documents in document-id order, the files rejected (with
    their errors), how many were extracted now (the others came from the cache), and the
    store their entries are in."""

    documents: list[CorpusDocument]
    extracted: int
    store: EntryStore
    rejected: list[RejectedDocument] = field(default_factory=list)

    @property
    def cached(self) -> int:
        return len(self.documents) - self.extracted

    def save(self, path: Path) -> None:
        """The set's documents, for a later stage (perhaps another process) to find them."""
        documents = [asdict(document) for document in self.documents]
        rejected = [asdict(document) for document in self.rejected]
        path.write_text(
            json.dumps({"documents": documents, "rejected": rejected, "extracted": self.extracted})
        )

    @classmethod
    def load(cls, path: Path, store: EntryStore) -> CorpusExtract:
        saved = json.loads(path.read_text())
        documents = [CorpusDocument(**document) for document in saved["documents"]]
        rejected = [RejectedDocument(**document) for document in saved.get("rejected", [])]
        return cls(documents, extracted=saved["extracted"], store=store, rejected=rejected)

    def entries(self) -> Iterator[CacheEntry]:
        """The entries in document-id order, read one at a time."""
        for document in self.documents:
            entry = self.store.get(document.source_file, document.source_sha256)
            if entry is None:
                raise BuildError(f"the extraction of {document.source_file} left no entry")
            yield entry


def extract_corpus(
    paths: list[Path], cache: ExtractionCache | None, *, workers: int | None = None
) -> CorpusExtract:
    """Every document from the cache or extracted anew (one process per core), then the
    document-set check. A file that cannot be read is rejected with its error, and the
    others are kept: one bad file does not keep the rest out. Without a cache the entries are
    kept in memory."""
    store: EntryStore = cache if cache is not None else MemoryStore()
    documents: list[CorpusDocument] = []
    pending: list[Path] = []
    for path in paths:
        entry = store.get(path.name, _sha256(path))
        if entry is None:
            pending.append(path)
        else:
            documents.append(_document(entry))
    rejected: list[RejectedDocument] = []
    for path, result in zip(pending, _run(pending, workers), strict=True):
        if isinstance(result, ExtractionError):
            rejected.append(RejectedDocument.of(path, result))
            continue
        store.put(result)
        documents.append(_document(result))
    documents, twins = split_document_set(documents)
    rejected += twins
    documents.sort(key=lambda d: d.document_id)
    rejected.sort(key=lambda r: r.source_file)
    return CorpusExtract(documents, extracted=len(pending), store=store, rejected=rejected)


def _document(entry: CacheEntry) -> CorpusDocument:
    return CorpusDocument(entry.document_id, entry.source_file, entry.source_sha256)


def _run(paths: list[Path], workers: int | None) -> Iterator[CacheEntry | ExtractionError]:
    workers = min(workers or os.cpu_count() or 1, len(paths))
    if workers <= 1:  # not worth a pool
        yield from map(_extract_or_error, paths)
        return
    # spawn, not fork: the parent may hold DuckDB or GX threads that a fork would copy
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield from pool.map(_extract_or_error, paths, chunksize=4)


def split_document_set(
    documents: Iterable[CorpusDocument],
) -> tuple[list[CorpusDocument], list[RejectedDocument]]:
    """One file per document: files with the same department, caliber and year (one document
    id) are all rejected, whichever command reads them (which of them is the document is for
    a person to say)."""
    by_id: dict[str, list[CorpusDocument]] = {}
    for document in documents:
        by_id.setdefault(document.document_id, []).append(document)
    kept, rejected = [], []
    for document_id, same in sorted(by_id.items()):
        if len(same) == 1:
            kept += same
            continue
        names = ", ".join(sorted(d.source_file for d in same))
        for document in same:
            error = ExtractionError(
                document.source_file,
                f"{names} have the same department, caliber and year (one id: {document_id})",
                section="title",
                line=1,
            )
            rejected.append(
                RejectedDocument(document.source_file, document.source_sha256, str(error), None,
                                 "title", 1, error.message)
            )  # fmt: skip
    return kept, rejected


def write_corpus_seeds(corpus: CorpusExtract, directory: Path) -> list[Path]:
    """The raw seed files of the set: each entry's fragments appended in document-id order,
    then the rejected files."""
    rejected = {"raw_rejected_documents": rejected_fragment(corpus.rejected)}
    return write_seeds(chain((entry.fragments for entry in corpus.entries()), [rejected]),
                       directory)  # fmt: skip


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()

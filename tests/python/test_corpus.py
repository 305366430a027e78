"""The document set of a build or an extraction (issue 9): extracted in parallel, one process
per document, through a cache keyed by the document's SHA-256 and the extractor's version;
checked as a set whichever path an entry came by."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from support import (
    DOCUMENT_FILE,
    DOCUMENT_PATH,
    REAL_DOCUMENT_ID,
    garbled_lines,
    other_department_lines,
    replace_in_line,
    write_lines,
)

from final_accounts import cache as cache_module
from final_accounts.cache import ExtractionCache, extractor_version, source_version
from final_accounts.cli import EXIT_BAD_INPUT, main
from final_accounts.corpus import extract_corpus
from final_accounts.seeds import RAW_SCHEMA, seed_texts
from final_accounts.templates import TEMPLATES


def seeds_of(corpus) -> dict[str, str]:
    return seed_texts(entry.fragments for entry in corpus.entries())


@pytest.fixture(scope="module")
def fresh_seeds() -> dict[str, str]:
    return seeds_of(extract_corpus([DOCUMENT_PATH], cache=None))


@pytest.fixture
def documents(tmp_path) -> Path:
    folder = tmp_path / "documents"
    folder.mkdir()
    shutil.copy2(DOCUMENT_PATH, folder / DOCUMENT_FILE)
    return folder


def test_a_second_extraction_comes_from_the_cache(documents, tmp_path, fresh_seeds):
    cache = ExtractionCache(tmp_path / "cache")
    first = extract_corpus([documents / DOCUMENT_FILE], cache)
    second = extract_corpus([documents / DOCUMENT_FILE], cache)
    assert (first.extracted, first.cached) == (1, 0)
    assert (second.extracted, second.cached) == (0, 1)
    assert seeds_of(second) == seeds_of(first) == fresh_seeds


def test_a_stale_entry_is_not_used(documents, tmp_path, monkeypatch, fresh_seeds):
    """An entry written by another extractor version, with the same document hash and rows
    that differ, must not reach the seeds."""
    cache = ExtractionCache(tmp_path / "cache")
    monkeypatch.setattr(cache_module, "extractor_version", lambda: "0000000000000000")
    extract_corpus([documents / DOCUMENT_FILE], cache)
    (stale,) = (tmp_path / "cache").glob("*-0000000000000000.json")
    entry = json.loads(stale.read_text(encoding="utf-8"))
    entry["fragments"]["raw_disclosed_figures"] = ""  # rows the current extractor never wrote
    stale.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
    monkeypatch.undo()

    corpus = extract_corpus([documents / DOCUMENT_FILE], cache)

    assert (corpus.extracted, corpus.cached) == (1, 0)
    assert seeds_of(corpus) == fresh_seeds


def test_a_changed_document_is_extracted_again(documents, tmp_path):
    cache = ExtractionCache(tmp_path / "cache")
    extract_corpus([documents / DOCUMENT_FILE], cache)
    lines = (documents / DOCUMENT_FILE).read_text(encoding="utf-8").split("\n")
    write_lines(documents / DOCUMENT_FILE, replace_in_line(lines, 104, "32,139.22", "32,139.23"))

    corpus = extract_corpus([documents / DOCUMENT_FILE], cache)

    assert (corpus.extracted, corpus.cached) == (1, 0)
    assert "32139.23" in seeds_of(corpus)["raw_disclosed_figures"]


def test_an_unreadable_entry_is_extracted_again(documents, tmp_path, fresh_seeds):
    cache = ExtractionCache(tmp_path / "cache")
    extract_corpus([documents / DOCUMENT_FILE], cache)
    (entry,) = (tmp_path / "cache").glob("*.json")
    entry.write_text("{not json", encoding="utf-8")

    corpus = extract_corpus([documents / DOCUMENT_FILE], cache)

    assert corpus.extracted == 1 and seeds_of(corpus) == fresh_seeds


def test_the_extractor_version_follows_the_extraction_code(tmp_path):
    package = tmp_path / "final_accounts"
    shutil.copytree(cache_module.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    data = (RAW_SCHEMA, *sorted(TEMPLATES.glob("*.yaml")))
    assert source_version(package, *data) == extractor_version()
    (package / "report" / "page.py").write_text("# the report is not extraction\n")
    assert source_version(package, *data) == extractor_version()
    narrative = package / "parsers" / "narrative.py"
    narrative.write_text(narrative.read_text(encoding="utf-8") + "\n# changed\n")
    assert source_version(package, *data) != extractor_version()


def test_the_extractor_version_follows_the_templates(tmp_path):
    """A template is extraction too: its vocabulary decides what the parsers read."""
    changed = tmp_path / "xinjiang_2024.yaml"
    changed.write_text((TEMPLATES / changed.name).read_text(encoding="utf-8") + "\n# changed\n")
    others = [p for p in sorted(TEMPLATES.glob("*.yaml")) if p.name != changed.name]
    assert source_version(cache_module.PACKAGE, RAW_SCHEMA, *others, changed) != (
        extractor_version()
    )


def test_the_extractor_version_follows_the_raw_columns(tmp_path):
    schema = tmp_path / RAW_SCHEMA.name
    schema.write_text(RAW_SCHEMA.read_text(encoding="utf-8") + "\n# changed\n")
    assert source_version(cache_module.PACKAGE, schema) != extractor_version()


def test_parallel_extraction_equals_one_process(documents):
    write_lines(documents / "other.txt", other_department_lines())
    paths = sorted(documents.iterdir())
    parallel = extract_corpus(paths, cache=None, workers=2)
    serial = extract_corpus(paths, cache=None, workers=1)
    assert parallel.documents == serial.documents
    assert seeds_of(parallel) == seeds_of(serial)


def test_a_bad_document_in_a_worker_is_rejected_naming_its_place(documents):
    """The others are read: one bad file does not keep them out."""
    write_lines(documents / "other.txt", other_department_lines())
    write_lines(documents / "zz_garbled.txt", garbled_lines())

    corpus = extract_corpus(sorted(documents.iterdir()), cache=None, workers=2)

    assert len(corpus.documents) == 2
    (rejected,) = corpus.rejected
    assert (rejected.source_file, rejected.section_code, rejected.source_line) == (
        "zz_garbled.txt", "2.二", 104,
    )  # fmt: skip
    assert "cannot read the number '32,1O9.22'" in rejected.error_message
    assert rejected.error_message.startswith("document zz_garbled.txt, section 2.二, line 104:")


def test_extract_refuses_two_files_of_one_document(documents, tmp_path, capsys):
    """The document-set check of `build` holds for `extract`, cache or no cache."""
    shutil.copy2(documents / DOCUMENT_FILE, documents / "copy.txt")
    seeds = tmp_path / "seeds"
    arguments = ["extract", "--documents", str(documents), "--seeds", str(seeds)]
    arguments += ["--cache", str(tmp_path / "cache")]

    for _ in range(2):  # the second time through the cache
        assert main(arguments) == EXIT_BAD_INPUT
        error = capsys.readouterr().err
        assert f"copy.txt, {DOCUMENT_FILE}" in error
        assert f"same department, caliber and year (one id: {REAL_DOCUMENT_ID})" in error
    # both files are rejected (which one is the document is for a person to say): the seeds
    # list them, and no document
    rejected = (seeds / "raw_rejected_documents.csv").read_text(encoding="utf-8")
    assert "copy.txt" in rejected and DOCUMENT_FILE in rejected
    assert (seeds / "raw_documents.csv").read_text(encoding="utf-8").count("\n") == 1

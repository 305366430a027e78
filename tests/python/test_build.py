"""The build end to end with the real dbt: extract → seed → dbt build → gate → publish.

The session's clean build and its rebuild with a second document (conftest.py) are judged
here; the bad-input builds stop at the extraction and cost little.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest
from conftest import BuildRun
from support import (
    DEPARTMENT,
    DOCUMENT_FILE,
    DOCUMENT_PATH,
    OTHER_DEPARTMENT,
    REAL_DOCUMENT_ID,
    garbled_lines,
    missing_section_lines,
    sha256_of,
    truncated_lines,
    write_lines,
)

from final_accounts.cli import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, run_build


@dataclass
class FirstBuild:
    run: BuildRun
    documents: Path
    warehouse: Path


@pytest.fixture(scope="module")
def first_build(clean_build, tmp_path_factory) -> FirstBuild:
    """The session's clean build, its warehouse copied here: the bad builds run over it."""
    root = tmp_path_factory.mktemp("first_build")
    shutil.copytree(clean_build.warehouse.parent, root / "warehouse")
    run = BuildRun(clean_build.exit_code, clean_build.stdout, clean_build.stderr)
    return FirstBuild(run, clean_build.documents, root / "warehouse" / clean_build.warehouse.name)


# -- (a) a clean build -----------------------------------------------------------------------


def test_clean_build_returns_zero(first_build):
    assert first_build.run.exit_code == EXIT_OK, first_build.run.stderr
    assert first_build.warehouse.is_file()
    assert "257 figures" in first_build.run.stdout
    assert "1 document(s): 1 extracted, 0 from the cache" in first_build.run.stdout


def test_clean_build_leaves_no_workspace_and_no_wal(first_build):
    # The workspace (.build-*) is removed; the published file was checkpointed (no .wal).
    left = [p.name for p in first_build.warehouse.parent.iterdir()]
    assert "final_accounts.duckdb" in left
    assert not [name for name in left if name.startswith(".build-") or name.endswith(".wal")]


def test_warehouse_opens_read_only_with_its_schemas(first_build):
    with duckdb.connect(str(first_build.warehouse), read_only=True) as connection:
        schemas = {
            name
            for (name,) in connection.execute(
                "select schema_name from information_schema.schemata"
            ).fetchall()
        }
        assert {"raw", "staging", "marts"} <= schemas
        assert not [s for s in schemas if s.endswith(("_raw", "_staging", "_marts"))]
        figures = connection.execute("select count(*) from raw.raw_disclosed_figures").fetchone()
        assert figures == (257,)
        documents = connection.execute(
            "select document_id, department_name, caliber, fiscal_year from marts.dim_document"
        ).fetchall()
        assert documents == [(REAL_DOCUMENT_ID, DEPARTMENT, "汇总", 2024)]
        with pytest.raises(duckdb.Error):
            connection.execute("create table marts.scratch (x integer)")


def test_marts_trace_figures_to_their_lines(first_build):
    with duckdb.connect(str(first_build.warehouse), read_only=True) as connection:
        columns = {
            name
            for (name,) in connection.execute(
                "select column_name from information_schema.columns "
                "where table_schema = 'marts' and table_name = 'fct_disclosed_figure'"
            ).fetchall()
        }
        assert {"document_id", "source_line"} <= columns
        count = connection.execute("select count(*) from marts.fct_disclosed_figure").fetchone()
        assert count == (257,)


# -- (b) a second document, no code change -------------------------------------------------


def test_second_document_is_a_second_row(rebuild):
    assert rebuild.run.exit_code == EXIT_OK, rebuild.run.stderr
    departments = [department for _, department in rebuild.new_reader["documents"]]
    assert sorted(departments) == sorted([DEPARTMENT, OTHER_DEPARTMENT])
    ids = [document_id for document_id, _ in rebuild.new_reader["documents"]]
    assert REAL_DOCUMENT_ID in ids
    assert len(set(ids)) == 2


def test_second_document_doubles_the_figures(rebuild):
    assert rebuild.before["figures"] == 257
    assert rebuild.new_reader["figures"] == 2 * rebuild.before["figures"]


def test_the_rebuild_extracts_only_the_new_document(rebuild):
    # The bundled document's entry is in the extraction cache beside the warehouse.
    assert "2 document(s): 1 extracted, 1 from the cache" in rebuild.run.stdout


def test_the_rebuild_renders_only_the_new_documents_report(rebuild):
    # The bundled document's data did not change: its published page is copied.
    assert "2 document report(s) (1 unchanged, copied) and index.html" in rebuild.run.stdout


# -- (d) a reader holding the warehouse open -----------------------------------------------


def test_open_reader_does_not_fail_the_rebuild(rebuild):
    assert rebuild.run.exit_code == EXIT_OK, rebuild.run.stderr
    assert "published" in rebuild.run.stdout


def test_open_reader_keeps_reading_the_old_warehouse(rebuild):
    assert rebuild.before["documents"] == [[REAL_DOCUMENT_ID, DEPARTMENT]]
    assert rebuild.reader_after == rebuild.before


def test_new_connection_sees_the_new_warehouse(rebuild):
    assert len(rebuild.new_reader["documents"]) == 2
    assert rebuild.new_reader != rebuild.before


# -- (c) bad input: exit code 2, the error says where, the warehouse is untouched -----------


@pytest.fixture
def published(first_build) -> Path:
    """The warehouse of the first build (the bad builds must leave it as it is)."""
    assert first_build.run.exit_code == EXIT_OK, (
        f"the first build published nothing:\n{first_build.run.stderr}"
    )
    return first_build.warehouse


BAD_INPUTS = {
    "garbled": (
        garbled_lines,
        ["section 2.二", "line 104", "cannot read the number '32,1O9.22'"],
    ),
    "truncated": (
        truncated_lines,
        ["section 2.十二", "line 1000", "truncated"],
    ),
    "missing_section": (
        missing_section_lines,
        ["section 2.六", "missing section(s): 2.六"],
    ),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_fails_and_leaves_the_warehouse(case, published, tmp_path, capsys):
    make_lines, expected = BAD_INPUTS[case]
    documents = tmp_path / "documents"
    file_name = f"urumqi_hrss_2024_{case}.txt"
    write_lines(documents / file_name, make_lines())
    digest = sha256_of(published)
    listing = sorted(p.name for p in published.parent.iterdir())

    code = run_build(documents, published, None)

    captured = capsys.readouterr()
    assert code == EXIT_BAD_INPUT
    assert f"document {file_name}" in captured.err
    for fragment in expected:
        assert fragment in captured.err, (fragment, captured.err)
    assert f"The published warehouse was not changed: {published}" in captured.err
    assert sha256_of(published) == digest
    assert sorted(p.name for p in published.parent.iterdir()) == listing


def test_bad_input_beside_a_good_document_is_rejected_alone(published, tmp_path, capsys):
    """One bad file does not keep the others out: the warehouse of the readable documents is
    published, the bad file has status rejected_input with its error, and the build exits 1."""
    documents = tmp_path / "documents"
    documents.mkdir()
    shutil.copy2(DOCUMENT_PATH, documents / DOCUMENT_FILE)
    write_lines(documents / "zz_garbled.txt", garbled_lines())
    warehouse = tmp_path / "warehouse" / "final_accounts.duckdb"
    shutil.copytree(published.parent, warehouse.parent)
    digest = sha256_of(warehouse)

    code = run_build(documents, warehouse, None)

    out = capsys.readouterr().out
    assert code == EXIT_FAILED
    assert sha256_of(warehouse) != digest  # published
    assert "rejected_input  zz_garbled.txt: document zz_garbled.txt, section 2.二, line 104" in out
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        assert connection.execute(
            "select source_file, status from audit.document_status order by source_file"
        ).fetchall() == [
            (DOCUMENT_FILE, "certified_with_acknowledgements"),
            ("zz_garbled.txt", "rejected_input"),
        ]
        assert connection.execute(
            "select check_id, severity, outcome from audit.findings where document_id is null"
        ).fetchall() == [("input", "critical", "rejected")]


def test_strict_publishes_nothing_beside_bad_input(published, tmp_path, capsys):
    documents = tmp_path / "documents"
    documents.mkdir()
    shutil.copy2(DOCUMENT_PATH, documents / DOCUMENT_FILE)
    write_lines(documents / "zz_garbled.txt", garbled_lines())
    digest = sha256_of(published)

    code = run_build(documents, published, None, strict=True)

    assert code == EXIT_BAD_INPUT
    assert "document zz_garbled.txt, section 2.二, line 104" in capsys.readouterr().err
    assert sha256_of(published) == digest


def test_bad_input_publishes_nothing_where_nothing_was(tmp_path, capsys):
    documents = tmp_path / "documents"
    write_lines(documents / "garbled.txt", garbled_lines())
    warehouse = tmp_path / "warehouse" / "final_accounts.duckdb"

    assert run_build(documents, warehouse, None) == EXIT_BAD_INPUT

    assert "document garbled.txt, section 2.二, line 104" in capsys.readouterr().err
    assert list(warehouse.parent.iterdir()) == []


def test_two_files_of_the_same_document_are_refused(published, tmp_path, capsys):
    documents = tmp_path / "documents"
    documents.mkdir()
    shutil.copy2(DOCUMENT_PATH, documents / DOCUMENT_FILE)
    shutil.copy2(DOCUMENT_PATH, documents / "copy.txt")
    digest = sha256_of(published)

    code = run_build(documents, published, None)

    assert code == EXIT_BAD_INPUT
    error = capsys.readouterr().err
    assert f"copy.txt, {DOCUMENT_FILE}" in error
    assert "same department, caliber and year" in error
    assert sha256_of(published) == digest


def test_a_folder_without_documents_is_refused(tmp_path, capsys):
    documents = tmp_path / "documents"
    documents.mkdir()
    warehouse = tmp_path / "warehouse" / "final_accounts.duckdb"

    assert run_build(documents, warehouse, None) != EXIT_OK

    assert "no documents (*.txt, *.pdf)" in capsys.readouterr().err
    assert not warehouse.exists()

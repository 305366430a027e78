"""The raw seeds: deterministic, committed as a fresh extraction writes them, and typed."""

from __future__ import annotations

import csv
import io

import pytest
import yaml
from support import DOCUMENTS, PUTUO_DOCUMENT_ID, RAW_SEEDS, REAL_DOCUMENT_ID

from final_accounts.corpus import document_paths, extract_corpus
from final_accounts.seeds import RAW_TABLES, seed_texts, write_seeds


def fresh_csvs(paths) -> dict[str, str]:
    """The seed files of a fresh extraction (no cache)."""
    corpus = extract_corpus(paths, cache=None)
    return seed_texts(entry.fragments for entry in corpus.entries())


@pytest.fixture(scope="module")
def fresh():
    return fresh_csvs(document_paths(DOCUMENTS))


@pytest.fixture(scope="module")
def seed_types():
    config = yaml.safe_load((RAW_SEEDS / "_raw__seeds.yml").read_text(encoding="utf-8"))
    return {seed["name"]: seed["config"]["column_types"] for seed in config["seeds"]}


def test_two_fresh_extractions_are_byte_identical(fresh):
    again = fresh_csvs(document_paths(DOCUMENTS))
    assert list(again) == list(RAW_TABLES)
    for name in RAW_TABLES:
        assert again[name].encode("utf-8") == fresh[name].encode("utf-8"), name


def test_committed_seeds_equal_a_fresh_extraction(fresh):
    committed = sorted(p.name for p in RAW_SEEDS.glob("*.csv"))
    assert committed == sorted(f"{name}.csv" for name in RAW_TABLES)
    for name in RAW_TABLES:
        on_disk = (RAW_SEEDS / f"{name}.csv").read_bytes()
        assert on_disk == fresh[name].encode("utf-8"), (
            f"seeds/raw/{name}.csv differs from a fresh extraction: run `make extract`"
        )


def test_write_seeds_writes_the_seed_texts(tmp_path, fresh):
    corpus = extract_corpus(document_paths(DOCUMENTS), cache=None)
    write_seeds((entry.fragments for entry in corpus.entries()), tmp_path)
    for name in RAW_TABLES:
        assert (tmp_path / f"{name}.csv").read_bytes() == fresh[name].encode("utf-8")


def test_csv_has_the_declared_columns_and_lf_line_ends(fresh):
    for name, columns in RAW_TABLES.items():
        text = fresh[name]
        assert "\r" not in text, name
        assert text.endswith("\n"), name
        header = next(csv.reader(io.StringIO(text)))
        assert tuple(header) == columns, name


def rows_of(fresh, document_id) -> dict[str, int]:
    """Rows per raw table of one document (the rejected files belong to none)."""
    return {
        name: sum(
            1 for row in csv.DictReader(io.StringIO(text)) if row.get("document_id") == document_id
        )
        for name, text in fresh.items()
    }


def test_rows_of_the_real_document(fresh):
    assert rows_of(fresh, REAL_DOCUMENT_ID) == {
        "raw_documents": 1,
        "raw_document_sections": 26,
        "raw_source_lines": 1777,  # every non-blank line of the document
        "raw_disclosed_figures": 257,
        "raw_explanations": 37,
        "raw_functional_clauses": 32,
        "raw_functional_class_totals": 4,
        "raw_main_functions": 15,
        "raw_budget_units": 11,
        "raw_internal_offices": 19,
        "raw_basic_expenditure_items": 37,
        "raw_glossary_terms": 14,
        "raw_attached_tables": 9,
        "raw_unparsed_tokens": 82,
        "raw_performance_tables": 59,  # the department table and 58 projects
        "raw_performance_fund_rows": 178,
        "raw_performance_indicators": 473,
        "raw_performance_recoveries": 101,
        "raw_performance_conflicts": 8,
        "raw_performance_missing_cells": 31,
        "raw_performance_layer_notes": 129,
        "raw_performance_quality": 59,
        "raw_statements": 0,  # the Xinjiang template only lists the statements
        "raw_statement_columns": 0,
        "raw_statement_rows": 0,
        "raw_statement_cells": 0,
        "raw_toc_entries": 33,
        "raw_placeholder_hits": 0,
        "raw_rejected_documents": 0,
    }


def test_rows_of_the_shanghai_document(fresh):
    assert rows_of(fresh, PUTUO_DOCUMENT_ID) == {
        "raw_documents": 1,
        "raw_document_sections": 26,  # the 目录 and 25 parts, sections and subsections
        "raw_source_lines": 434,  # every non-blank line after the cover (20 are the cover and
        # the empty rows of ruled tables)
        "raw_disclosed_figures": 100,
        "raw_explanations": 16,
        "raw_functional_clauses": 11,
        "raw_functional_class_totals": 4,
        "raw_main_functions": 12,
        "raw_budget_units": 3,
        "raw_internal_offices": 0,
        "raw_basic_expenditure_items": 23,  # 10 of 人员经费, 13 of 公用经费
        "raw_glossary_terms": 11,
        "raw_attached_tables": 0,
        "raw_unparsed_tokens": 35,
        "raw_performance_tables": 0,
        "raw_performance_fund_rows": 0,
        "raw_performance_indicators": 0,
        "raw_performance_recoveries": 0,
        "raw_performance_conflicts": 0,
        "raw_performance_missing_cells": 0,
        "raw_performance_layer_notes": 0,
        "raw_performance_quality": 0,
        "raw_statements": 9,
        "raw_statement_columns": 49,
        "raw_statement_rows": 209,
        "raw_statement_cells": 195,
        "raw_toc_entries": 26,
        "raw_placeholder_hits": 0,
        "raw_rejected_documents": 0,
    }


def test_decimals_are_printed_exactly(fresh):
    figures = list(csv.DictReader(io.StringIO(fresh["raw_disclosed_figures"])))
    other_income_share = [
        row
        for row in figures
        if row["line_item"] == "其他收入"
        and row["measure"] == "share_pct"
        and row["document_id"] == REAL_DOCUMENT_ID
    ]
    assert [(row["value"], row["decimals"]) for row in other_income_share] == [("0.000", "3")]
    clauses = list(csv.DictReader(io.StringIO(fresh["raw_functional_clauses"])))
    first = next(c for c in clauses if c["document_id"] == REAL_DOCUMENT_ID)
    assert (first["amount_wan_yuan"], first["change_wan_yuan"], first["change_pct"]) == (
        "0.00",
        "-14.52",
        "-100.00",
    )


def test_every_column_has_a_type_and_every_type_a_column(seed_types):
    assert set(seed_types) == set(RAW_TABLES)
    for name, columns in RAW_TABLES.items():
        assert list(seed_types[name]) == list(columns), name


FUND_AMOUNTS = ("initial_budget", "annual_budget", "executed")


def test_amounts_are_typed_decimal(seed_types):
    money = {
        (name, column)
        for name, columns in RAW_TABLES.items()
        for column in columns
        if column.endswith(("_wan_yuan", "_pct"))
        or column == "value"
        or (name == "raw_performance_fund_rows" and column in FUND_AMOUNTS)
    }
    assert money == {
        ("raw_disclosed_figures", "value"),
        ("raw_functional_clauses", "amount_wan_yuan"),
        ("raw_functional_clauses", "change_wan_yuan"),
        ("raw_functional_clauses", "change_pct"),
        ("raw_functional_clauses", "budget_initial_wan_yuan"),
        ("raw_functional_class_totals", "amount_wan_yuan"),
        ("raw_functional_class_totals", "share_pct"),
        *(("raw_performance_fund_rows", column) for column in FUND_AMOUNTS),
        ("raw_performance_fund_rows", "execution_rate_pct"),
        ("raw_statement_cells", "value"),
    }
    for name, column in money:
        assert seed_types[name][column].lower().startswith("decimal("), (name, column)
    for name, column in money:
        if column.endswith("_wan_yuan"):
            assert seed_types[name][column].lower() == "decimal(18,2)", (name, column)


def test_no_column_is_a_binary_float(seed_types):
    for name, types in seed_types.items():
        for column, column_type in types.items():
            assert column_type.lower() not in ("double", "float", "real"), (name, column)


def test_lines_and_sequence_numbers_are_integers(seed_types):
    for name, types in seed_types.items():
        for column, column_type in types.items():
            if column in ("source_line", "source_line_end", "fiscal_year", "decimals") or (
                column.endswith(("_seq", "_no"))
            ):
                assert column_type == "integer", (name, column)

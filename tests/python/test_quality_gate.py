"""The quality gate (issue 3): the identities bite, the results land in schema audit, and
`final-accounts validate` keeps the exit-code contract.

That a changed figure fails its identity is proven in a copy of the built warehouse: each
mutation is a copy of the document under its own id with one raw value changed, and one
evaluation of the identity models judges them all. One end-to-end build of a mutated
document proves the whole path: the text read, the build failed on the identity naming the
line, and the published warehouse left byte for byte as it was.
"""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest
from conftest import build
from support import (
    PUTUO_DOCUMENT_ID,
    REAL_DOCUMENT_ID,
    replace_in_line,
    second_document_lines,
    sha256_of,
    write_lines,
)

from final_accounts.cli import EXIT_FAILED, EXIT_OK, main
from final_accounts.project import REFERENCE_SEEDS
from final_accounts.quality.gate import describe_failures, evaluate
from final_accounts.quality.mutation import (
    Mutation,
    apply_mutations,
    reevaluate_identities,
)
from final_accounts.quality.suites import generate_suites, read_registry

# One extracted figure changed, and the identity that must catch it: (source line, line
# item pattern, measure, change, identity, words the failure report must contain).
MUTATIONS = {
    "item amount": (136, "%技校教育(项)", "amount", "10", "N14", "教育支出"),
    "class total": (128, "教育支出(类)", "amount", "10", "N13", "Σ 类"),
    "share": (110, "基本支出", "share_pct", "1", "N7", "基本支出"),
    "change percent": (136, "%技校教育(项)", "change_pct", "1", "N16", "技校教育"),
    "三公 component": (210, "公务用车运行维护费", "amount", "-1", "N20",
                       "公务用车购置及运行维护费"),
    "balance": (96, "年初结转和结余", "amount", "1", "N1", "收入总计"),
}  # fmt: skip


def _mutation(connection, name: str) -> Mutation:
    line, pattern, measure, delta, _, _ = MUTATIONS[name]
    (seq,) = connection.execute(
        "select figure_seq from raw.raw_disclosed_figures where document_id = ? "
        "and source_line = ? and line_item like ? and measure = ?",
        [REAL_DOCUMENT_ID, line, pattern, measure],
    ).fetchone()
    return Mutation(
        document_id=REAL_DOCUMENT_ID,
        table="raw_disclosed_figures",
        key=(("figure_seq", seq),),
        value_column="value",
        delta=Decimal(delta),
        label=name,
    )


@pytest.fixture(scope="module")
def mutated(clean_build, tmp_path_factory):
    """A copy of the clean warehouse holding one mutated copy of the document per mutation,
    its identities re-evaluated; (warehouse, mutation name → mutated document id)."""
    assert clean_build.exit_code == 0, clean_build.stderr
    published = clean_build.warehouse
    copy = tmp_path_factory.mktemp("mutated") / published.name
    shutil.copy2(published, copy)
    with duckdb.connect(str(copy), read_only=True) as connection:
        mutations = [_mutation(connection, name) for name in MUTATIONS]
    applied = apply_mutations(copy, mutations)
    reevaluate_identities(copy)
    return copy, {mutation.label: new_id for new_id, mutation in applied.items()}


@pytest.fixture(scope="module")
def mutated_gate(mutated):
    warehouse, _ = mutated
    return describe_failures(evaluate(warehouse, read_only=True))


@pytest.mark.parametrize("name", list(MUTATIONS))
def test_a_changed_figure_fails_its_identity(name, mutated, mutated_gate):
    _, ids = mutated
    line, _, _, _, identity, words = MUTATIONS[name]
    failures = [f for f in mutated_gate if f.startswith(f"CRITICAL {identity} [{ids[name]}]")]
    assert failures, mutated_gate
    assert any(words in f and str(line) in f.split("source lines")[-1] for f in failures), failures


def test_the_original_document_still_passes_beside_its_mutations(mutated_gate):
    assert not [
        f for f in mutated_gate if f.startswith("CRITICAL") and f"[{REAL_DOCUMENT_ID}]" in f
    ]


def test_strict_publishes_nothing_when_a_document_fails_its_checks(published, tmp_path):
    """End to end, --strict: the number changed in the text, under another department's
    title; the build names the identity and the line, and the published warehouse is left
    byte for byte as it was. (Without --strict the document is published with status
    failed_checks: tests/python/test_document_status.py.)"""
    warehouse = tmp_path / "warehouse" / published.name
    shutil.copytree(published.parent, warehouse.parent)
    digest = sha256_of(warehouse)
    documents = tmp_path / "documents"
    documents.mkdir()
    changed = replace_in_line(second_document_lines(), 136, "3,802.53万元", "3,812.53万元")
    write_lines(documents / "mutated.txt", changed)

    run = build(documents, warehouse, strict=True)

    assert run.exit_code == EXIT_FAILED
    assert "the quality gate failed" in run.stderr
    failures = [f for f in run.stderr.splitlines() if f.strip().startswith("CRITICAL N14 ")]
    assert any("教育支出" in f and "136" in f.split("source lines")[-1] for f in failures)
    assert "failed_checks" in run.stderr
    assert sha256_of(warehouse) == digest


def test_the_clean_document_passes_with_no_unacknowledged_failure(clean_build):
    assert clean_build.exit_code == EXIT_OK, clean_build.stderr
    # narrative, project tables and document checks together; the 13 failures are warnings
    # (W2 8, W3 5)
    assert (
        "checks: pass 1618, rounding 7, fail 13, acknowledged 1, not_evaluable 36"
        in clean_build.stdout
    )
    assert f"certified_with_acknowledgements {REAL_DOCUMENT_ID}" in clean_build.stdout
    assert "CRITICAL" not in clean_build.stdout


def test_the_summary_lists_the_rounding_cases_with_their_lines(clean_build):
    lines = [line.strip() for line in clean_build.stdout.splitlines()]
    rounding = [line for line in lines if line.startswith("rounding ")]
    assert len(rounding) == 7
    assert (
        "rounding     N1 rounding: 收入总计: 32312.490 vs 32312.500 (difference -0.010, "
        "envelope 0.020); lines 96" in rounding
    )
    assert any(line.startswith("acknowledged N5") and "其他收入" in line for line in lines)


def test_audit_answers_which_documents_fail_and_where(published):
    with duckdb.connect(str(published), read_only=True) as connection:
        rows = connection.execute(
            "select document_id, identity_id, instance, outcome, source_lines "
            "from audit.identity_results where outcome in ('fail', 'acknowledged') "
            "and severity = 'critical' order by document_id, identity_id"
        ).fetchall()
        runs = connection.execute(
            "select documents, suite_versions, pass_count, rounding_count, fail_count, "
            "acknowledged_count, not_evaluable_count, gate_passed, warnings "
            "from audit.validation_runs"
        ).fetchall()
    assert rows == [(REAL_DOCUMENT_ID, "N5", "其他收入", "acknowledged", "104")]
    generated = generate_suites(read_registry(REFERENCE_SEEDS))
    versions = {name: suite["version"] for name, suite in generated.items()}
    suites = json.dumps(versions, ensure_ascii=False)
    warnings = ["performance_identities:W2", "performance_identities:W3"]
    assert runs == [([REAL_DOCUMENT_ID], suites, 1618, 7, 13, 1, 36, True, warnings)]


def test_every_identity_is_evaluated_or_says_why_not(published):
    with duckdb.connect(str(published), read_only=True) as connection:
        identities = {
            row[0]
            for row in connection.execute(
                "select distinct identity_id from audit.identity_results"
            ).fetchall()
        }
        unexplained = connection.execute(
            "select count(*) from audit.identity_results "
            "where outcome = 'not_evaluable' and not_evaluable_reason is null"
        ).fetchone()[0]
    narrative = {f"N{n}" for n in range(1, 25)} | {"D1"}
    performance = {f"P{n}" for n in range(1, 9)} | {"W1", "W2", "W3"}
    # the document checks a text document has (C1, T…, X need the statements it only lists)
    document = {"C2", "C3", "C4", "C5", "WF1", "WF2"}
    assert narrative | performance | document == identities
    assert unexplained == 0


def test_data_docs_open_offline(clean_build):
    page = Path(clean_build.stdout.split("Data Docs: ")[1].split()[0])
    assert page.parent == clean_build.warehouse.parent / "data_docs"
    html = page.read_text(encoding="utf-8")
    assert 'Quality gate <span class="ok">passed</span>' in html
    assert "收入总计" in html and "N23" in html
    assert "http://" not in html and "https://" not in html and "<script" not in html
    index = (page.parent / "index.html").read_text(encoding="utf-8")
    assert page.name in index


def test_validate_exits_zero_on_the_published_warehouse(published, capsys):
    assert main(["validate", "--warehouse", str(published)]) == EXIT_OK
    assert f"certified_with_acknowledgements {REAL_DOCUMENT_ID}" in capsys.readouterr().out


def test_validate_exits_one_and_names_the_failure(mutated, capsys):
    warehouse, ids = mutated

    code = main(["validate", "--warehouse", str(warehouse)])

    out = capsys.readouterr().out
    assert code == EXIT_FAILED
    assert f"failed_checks   {ids['balance']}" in out
    assert "critical     N1 fail: 收入总计: " in out
    assert "; lines 96" in out
    assert f"certified_with_acknowledgements {REAL_DOCUMENT_ID}" in out


def test_validate_without_a_warehouse_exits_one(tmp_path, capsys):
    assert main(["validate", "--warehouse", str(tmp_path / "none.duckdb")]) == EXIT_FAILED
    assert "no warehouse" in capsys.readouterr().err


# One printed statement cell changed, and what must catch it: (statement, row code or label,
# column, change, the check, the words of the cell's label the failure must show).
STATEMENT_MUTATIONS = {
    "项 amount": (5, "2010601", "合计", "10", "T1",
                 "statement 5 2010601 行政运行 / 合计 (page 15)"),
    "类 total": (3, "201", "本年支出合计", "10", "T1",
                 "statement 3 201 一般公共服务支出 / 本年支出合计 (page 10)"),
    "source column": (2, "合计", "其他收入", "1", "T4", "statement 2 合计 / 其他收入 (page 8)"),
}  # fmt: skip


@pytest.fixture(scope="module")
def mutated_statements(bundled_build, tmp_path_factory):
    """The bundled build's warehouse with one mutated copy of the Putuo document per change of
    a statement cell, its checks re-evaluated; (warehouse, name → mutated document id)."""
    assert bundled_build.exit_code == 0, bundled_build.stdout
    copy = tmp_path_factory.mktemp("mutated_statements") / bundled_build.warehouse.name
    shutil.copy2(bundled_build.warehouse, copy)
    mutations = []
    with duckdb.connect(str(copy), read_only=True) as connection:
        for name, (statement, row, column, delta, _, _) in STATEMENT_MUTATIONS.items():
            (seq,) = connection.execute(
                "select cell_seq from raw.raw_statement_cells where document_id = ? "
                "and statement_no = ? and coalesce(row_code, row_label) = ? and column_label = ?",
                [PUTUO_DOCUMENT_ID, statement, row, column],
            ).fetchone()
            mutations.append(
                Mutation(PUTUO_DOCUMENT_ID, "raw_statement_cells", (("cell_seq", seq),), "value",
                         Decimal(delta), name)
            )  # fmt: skip
    applied = apply_mutations(copy, mutations)
    reevaluate_identities(copy)
    return copy, {mutation.label: new_id for new_id, mutation in applied.items()}


@pytest.mark.parametrize("name", list(STATEMENT_MUTATIONS))
def test_a_changed_statement_cell_fails_a_check_naming_the_cell_and_page(name, mutated_statements):
    warehouse, ids = mutated_statements
    *_, check, words = STATEMENT_MUTATIONS[name]
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        failing = connection.execute(
            "select left_label || ' | ' || right_label from audit.identity_checks "
            "where document_id = ? and identity_id = ? and outcome = 'fail'",
            [ids[name], check],
        ).fetchall()
    assert any(words in labels for (labels,) in failing), failing

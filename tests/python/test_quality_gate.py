"""The quality gate (issue 3): the identities bite, the results land in schema audit, and
`final-accounts validate` keeps the exit-code contract.

A mutated document is a copy under another department's title (so the bundled document's
real-value dbt tests are not in play and only the identities judge it) with one number
changed; its build must fail on the expected identity, name the line, and leave the
published warehouse byte for byte as it was.
"""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import duckdb
import pytest
from support import (
    REAL_DOCUMENT_ID,
    replace_in_line,
    second_document_lines,
    sha256_of,
    write_lines,
)

from final_accounts.cli import EXIT_FAILED, EXIT_OK, main, run_build

# One printed number changed, and the identity that must catch it:
# (line, printed text, changed text, identity, words the failure report must contain)
MUTATIONS = {
    "item amount": (136, "3,802.53万元", "3,812.53万元", "N14", "教育支出"),
    "class total": (128, "3,842.53万元", "3,852.53万元", "N13", "Σ 类"),
    "share": (110, "占 42.57%", "占 43.57%", "N7", "基本支出"),
    "change percent": (136, "增长30.22%", "增长31.22%", "N16", "技校教育"),
    "三公 component": (210, "公务用车运行维护费 81.97 万元", "公务用车运行维护费 80.97 万元",
                       "N20", "公务用车购置及运行维护费"),
}  # fmt: skip


def run(documents: Path, warehouse: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run_build(documents, warehouse, None)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("name", list(MUTATIONS))
def test_a_changed_number_fails_the_build_on_its_identity(name, published, tmp_path):
    line, printed, changed, identity, words = MUTATIONS[name]
    warehouse = tmp_path / "warehouse" / published.name
    shutil.copytree(published.parent, warehouse.parent)
    digest = sha256_of(warehouse)
    documents = tmp_path / "documents"
    documents.mkdir()
    write_lines(
        documents / "mutated.txt", replace_in_line(second_document_lines(), line, printed, changed)
    )

    code, _, stderr = run(documents, warehouse)

    assert code == EXIT_FAILED
    assert "the quality gate failed" in stderr
    failures = [f for f in stderr.splitlines() if f.strip().startswith(f"CRITICAL {identity} ")]
    assert failures, stderr
    assert any(words in f and str(line) in f.split("source lines")[-1] for f in failures), failures
    assert sha256_of(warehouse) == digest


def test_the_clean_document_passes_with_no_unacknowledged_failure(clean_build):
    assert clean_build.exit_code == EXIT_OK, clean_build.stderr
    # narrative and project tables together; the 13 failures are warnings (W2 8, W3 5)
    assert (
        "quality gate passed: pass 1568, rounding 7, fail 13, acknowledged 1, not_evaluable 34"
        in clean_build.stdout
    )
    assert "CRITICAL" not in clean_build.stdout


def test_the_summary_lists_the_rounding_cases_with_their_lines(clean_build):
    lines = [line.strip() for line in clean_build.stdout.splitlines()]
    rounding = [line for line in lines if line.startswith("rounding ")]
    assert len(rounding) == 7
    assert any(
        line.startswith("rounding     N1   [2024_consolidated_fed7c659a3] 收入总计: 32312.490")
        and "envelope 0.020000, lines 96)" in line
        for line in rounding
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
    suites = '{"narrative_identities": "1.1.0", "performance_identities": "1.0.0"}'
    warnings = ["performance_identities:W2", "performance_identities:W3"]
    assert runs == [([REAL_DOCUMENT_ID], suites, 1568, 7, 13, 1, 34, True, warnings)]


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
    narrative = {f"N{n}" for n in range(1, 24)} | {"D1"}
    performance = {f"P{n}" for n in range(1, 9)} | {"W1", "W2", "W3"}
    assert narrative | performance == identities
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
    assert "quality gate passed" in capsys.readouterr().out


def test_validate_exits_one_and_names_the_failure(published, tmp_path, capsys):
    copy = tmp_path / published.name  # the same name: dbt's views use it as their catalog
    shutil.copy2(published, copy)
    with duckdb.connect(str(copy)) as connection:
        connection.execute(
            "update raw.raw_disclosed_figures set value = value + 1 "
            "where line_item = '年初结转和结余' and section_code = '2.一'"
        )

    code = main(["validate", "--warehouse", str(copy)])

    out = capsys.readouterr().out
    assert code == EXIT_FAILED
    assert "quality gate FAILED" in out
    assert "CRITICAL N1 [2024_consolidated_fed7c659a3] 收入总计" in out
    assert "(source lines 96)" in out


def test_validate_without_a_warehouse_exits_one(tmp_path, capsys):
    assert main(["validate", "--warehouse", str(tmp_path / "none.duckdb")]) == EXIT_FAILED
    assert "no warehouse" in capsys.readouterr().err

"""Findings per document, not one verdict for all: one build over the Urumqi text and four
PDFs of the Shanghai template rebuilt with a PDF library (tests/python/pdf_fixtures.py) —
the Putuo document with one narrative figure changed, the same document as another
department's, another department's without its statement 5 page, and a corrupt file.

Each document gets its status; the warehouse of every readable document is published; the
build exits 1. An acknowledgement names the document's content hash: the altered Putuo
document is judged afresh. A PDF of another department of the template builds with no code
change."""

from __future__ import annotations

import shutil
from collections import Counter
from decimal import Decimal

import duckdb
import pytest
from conftest import build
from pdf_fixtures import corrupt, retypeset
from support import DOCUMENT_PATH, PUTUO, PUTUO_DOCUMENT_ID, REAL_DOCUMENT_ID

from final_accounts.cli import EXIT_FAILED
from final_accounts.document import document_id_for
from final_accounts.quality.gate import (
    CERTIFIED_DOCUMENTS_LISTED,
    FINDINGS_PER_DOCUMENT,
    GateReport,
    describe_statuses,
)

AUDIT = "上海市普陀区审计局"
TAX = "上海市普陀区税务局"
# page 21, line 319: 本年收入合计2946.25万元 → 2946.35 (statement 1 prints 2,946.25)
CHANGED_LINE, OLD, NEW = 319, "2946.25", "2946.35"


@pytest.fixture(scope="module")
def mixed_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("mixed_build")
    documents = root / "documents"
    documents.mkdir()
    shutil.copy2(DOCUMENT_PATH, documents / DOCUMENT_PATH.name)
    retypeset(PUTUO, documents / "putuo_changed.pdf", edit_lines={CHANGED_LINE: (OLD, NEW)})
    retypeset(PUTUO, documents / "audit_bureau.pdf", replace={"上海市普陀区财政局": AUDIT})
    retypeset(
        PUTUO, documents / "tax_bureau.pdf", replace={"上海市普陀区财政局": TAX}, drop_pages={15}
    )
    corrupt(documents / "zz_corrupt.pdf")
    warehouse = root / "warehouse" / "final_accounts.duckdb"
    run = build(documents, warehouse)
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        yield run, connection


def ids(department: str) -> str:
    return document_id_for(department, "汇总", 2024)


def test_the_build_publishes_the_readable_documents_and_exits_one(mixed_build):
    run, connection = mixed_build
    assert run.exit_code == EXIT_FAILED, run.stderr
    statuses = connection.execute(
        "select coalesce(document_id, source_file), status from audit.document_status order by 1"
    ).fetchall()
    assert sorted(statuses) == sorted(
        [
            (REAL_DOCUMENT_ID, "certified_with_acknowledgements"),
            (PUTUO_DOCUMENT_ID, "failed_checks"),
            (ids(AUDIT), "failed_checks"),
            (ids(TAX), "failed_checks"),
            ("zz_corrupt.pdf", "rejected_input"),
        ]
    )
    assert "rejected_input  zz_corrupt.pdf: document zz_corrupt.pdf" in run.stdout


def failures(connection, document_id):
    return connection.execute(
        "select check_id, what_is_checked, left_value, right_value, pages, source_lines "
        "from audit.findings where document_id = ? and outcome = 'fail' "
        "and severity = 'critical' order by check_id, what_is_checked",
        [document_id],
    ).fetchall()


def test_the_changed_figure_is_named_with_its_page_and_line(mixed_build):
    _, connection = mixed_build
    found = failures(connection, PUTUO_DOCUMENT_ID)
    changed = [f for f in found if f[0] == "X" and f[1].startswith("本年收入合计")]
    assert changed == [
        (
            "X",
            "本年收入合计 (narrative) = 表1 本年收入合计",
            Decimal("2946.350"),
            Decimal("2946.250000"),
            "6,21",
            "113,319",
        )
    ]


def test_an_altered_document_is_judged_afresh(mixed_build):
    """The acknowledgements of the bundled Putuo document name its content hash: the same
    title with other bytes does not inherit them."""
    _, connection = mixed_build
    checks = {f[0] + " " + f[1] for f in failures(connection, PUTUO_DOCUMENT_ID)}
    assert "N15 一般公共服务支出" in checks
    assert "X 财政拨款收入支出总计 (narrative) = 表4 总计" in checks
    assert connection.execute(
        "select count(*) from audit.findings where document_id = ? and outcome = 'acknowledged'",
        [PUTUO_DOCUMENT_ID],
    ).fetchone() == (0,)


def test_the_urumqi_document_stays_certified(mixed_build):
    _, connection = mixed_build
    assert failures(connection, REAL_DOCUMENT_ID) == []


def test_another_department_of_the_template_builds_with_no_code_change(mixed_build):
    _, connection = mixed_build
    assert connection.execute(
        "select department_name, template_id, caliber, page_count from marts.dim_document "
        "where document_id = ?",
        [ids(AUDIT)],
    ).fetchone() == (AUDIT, "shanghai_2024", "汇总", 25)
    assert connection.execute(
        "select count(*) from marts.fct_statement_cell where document_id = ? "
        "and cell_kind = 'value'",
        [ids(AUDIT)],
    ).fetchone() == (195,)
    # its publisher's errors are the Putuo document's: found again, not acknowledged for it
    assert [f[0] for f in failures(connection, ids(AUDIT))] == ["N15", "X"]


def test_a_missing_statement_is_a_critical_finding_naming_it(mixed_build):
    _, connection = mixed_build
    found = failures(connection, ids(TAX))
    assert ("C1", "表5 一般公共预算财政拨款支出决算表") in [(f[0], f[1]) for f in found]
    missing = [f for f in found if f[0] == "C1"]
    assert missing[0][5] == "12"  # the 目录's line that lists it
    # the rest of the document is read: its other statements are there
    assert connection.execute(
        "select list(distinct statement_no order by statement_no) from marts.fct_statement_cell "
        "where document_id = ? and cell_kind = 'value'",
        [ids(TAX)],
    ).fetchone() == ([1, 2, 3, 4, 6, 7],)


def _status(document_id: str, status: str) -> dict:
    return {
        "document_id": document_id,
        "status": status,
        "department_name": "某局",
        "source_file": f"{document_id}.pdf",
        "critical_failures": 1 if status == "failed_checks" else 0,
        "acknowledged": 0,
        "warnings": 0,
        "rounding": 0,
        "not_evaluable": 0,
    }


def test_the_summary_lists_every_failed_document_first_and_cuts_the_rest_saying_where():
    """At a province's scale the summary stays readable without hiding what failed: every
    document that failed or was rejected is listed first, a document's findings are cut at
    FINDINGS_PER_DOCUMENT and the certified documents at CERTIFIED_DOCUMENTS_LISTED, each cut
    saying where the rest is."""
    certified = [f"c{n:03}" for n in range(CERTIFIED_DOCUMENTS_LISTED + 5)]
    report = GateReport(
        run_id="r",
        run_at=None,
        suites=[],
        results=[],
        counts=Counter(),
        checks=[],
        documents=[*certified, "failed"],
        statuses=[
            *(_status(d, "certified") for d in certified),
            _status("failed", "failed_checks"),
        ],
        findings=[
            {"document_id": "failed", "severity": "critical", "outcome": "fail", "message": f"m{n}"}
            for n in range(FINDINGS_PER_DOCUMENT + 3)
        ],
    )

    lines = describe_statuses(report, limited=True)

    assert lines[0].startswith("failed_checks   failed 某局")
    assert lines[FINDINGS_PER_DOCUMENT].strip() == f"critical     m{FINDINGS_PER_DOCUMENT - 1}"
    assert lines[FINDINGS_PER_DOCUMENT + 1].strip() == (
        "… and 3 more finding(s) of this document (audit.findings)"
    )
    assert sum(line.startswith("certified") for line in lines) == CERTIFIED_DOCUMENTS_LISTED
    assert lines[-1] == "… and 5 more certified document(s) (audit.document_status)"
    assert len(describe_statuses(report)) == 1 + FINDINGS_PER_DOCUMENT + 3 + len(certified)

"""The mutation sweep: how many one-cent changes of an extracted amount does some accounting
identity catch, and which figures does no identity cover?

It works on a copy of a built warehouse. The identities (audit.identity_checks) are views
that reach down to the raw figures, so changing one raw value and reading the view again
re-evaluates every identity in milliseconds, without a rebuild.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import duckdb

# The changes tried on each amount, smallest first: a cent, then larger ones (a figure that
# only a larger change reveals is covered, within a wide rounding envelope).
DELTAS = (Decimal("0.01"), Decimal("1.00"), Decimal("10.00"))

_FAILURES = (
    "select count(*) from audit.identity_checks where outcome = 'fail' and not is_acknowledged"
)


@dataclass(frozen=True)
class MutationResult:
    document_id: str
    figure_seq: int
    section_code: str
    line_item: str
    measure: str
    value: Decimal
    source_line: int
    caught_at: Decimal | None  # the smallest change some identity caught, None if none did


def sweep(warehouse: Path) -> list[MutationResult]:
    """Change every narrative amount (万元) by each delta, up and down, one at a time."""
    with tempfile.TemporaryDirectory() as scratch:
        # The same file name: dbt's views name their catalog after the file.
        copy = Path(scratch) / warehouse.name
        shutil.copy2(warehouse, copy)
        with duckdb.connect(str(copy)) as connection:
            baseline = connection.execute(_FAILURES).fetchone()[0]
            figures = connection.execute(
                "select document_id, figure_seq, section_code, line_item, measure, value, "
                "source_line from raw.raw_disclosed_figures where unit = '万元' "
                "order by document_id, figure_seq"
            ).fetchall()
            return [_mutate(connection, baseline, *figure) for figure in figures]


def _mutate(connection, baseline, document_id, seq, section, line_item, measure, value, line):
    caught_at = None
    for delta in DELTAS:
        for signed_delta in (delta, -delta):
            connection.execute(
                "update raw.raw_disclosed_figures set value = value + ? "
                "where document_id = ? and figure_seq = ?",
                [signed_delta, document_id, seq],
            )
            failures = connection.execute(_FAILURES).fetchone()[0]
            connection.execute(
                "update raw.raw_disclosed_figures set value = ? "
                "where document_id = ? and figure_seq = ?",
                [value, document_id, seq],
            )
            if failures > baseline:
                caught_at = delta
                break
        if caught_at is not None:
            break
    return MutationResult(document_id, seq, section, line_item, measure, value, line, caught_at)


def score_report(results: list[MutationResult]) -> list[str]:
    """The score by size of change, and the figures no identity covers, as printable lines."""
    total = len(results)
    lines = []
    for delta in DELTAS:
        caught = sum(1 for r in results if r.caught_at is not None and r.caught_at <= delta)
        lines.append(f"changed by ±{delta} 万元: {caught}/{total} amounts caught by an identity")
    lines.append(
        "(a one-cent change of a figure is often inside the rounding envelope of the identities "
        "that use it; the larger changes show which figures an identity covers at all)"
    )
    uncovered = [r for r in results if r.caught_at is None]
    lines.append(f"not covered by any identity ({len(uncovered)}):")
    lines += [
        f"  line {r.source_line} {r.section_code} {r.line_item} {r.measure} = {r.value}"
        for r in uncovered
    ]
    return lines

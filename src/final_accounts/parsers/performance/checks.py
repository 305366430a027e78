"""The identities of DOMAIN.md §5 on the performance tables (P1–P8), on printed numbers.

A printed number stands for the interval of half a unit of its last digit around it; an
identity holds when a choice inside the intervals satisfies it: `pass` when the printed
numbers satisfy it exactly, `rounding` when only inside the envelope, `fail` otherwise,
`not_evaluable` when an input is missing (the detail says which). Scores printed without
decimals (`10`, `0`) are taken as exact. Everything is exact Decimal arithmetic.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from ...performance_records import (
    DEPARTMENT_TABLE_ID,
    FundRow,
    IdentityCheck,
    Indicator,
    MissingCell,
    PerformanceExtract,
)

AMOUNT_FIELDS = ("initial_budget", "annual_budget", "executed")
ALL_TABLES = "*"
HUNDRED = Decimal(100)


def half_unit(value: Decimal) -> Decimal:
    """Half a unit of the last printed digit; 0 for a number printed without decimals."""
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int) or exponent >= 0:
        return Decimal(0)
    return Decimal(5).scaleb(exponent - 1)


def _outcome(stated: Decimal, computed: Decimal, tolerance: Decimal) -> str:
    if stated == computed:
        return "pass"
    if abs(stated - computed) <= tolerance:
        return "rounding"
    return "fail"


def sum_check(
    table_id: str,
    identity: str,
    subject: str,
    stated: Decimal | None,
    terms: Sequence[Decimal | None],
    names: Sequence[str],
    implied: Sequence[Decimal | None] | None = None,
) -> IdentityCheck:
    """stated = Σ terms, within the rounding envelope of every printed number."""
    missing = [n for n, t in zip(names, terms, strict=True) if t is None]
    if stated is None:
        missing.insert(0, "stated total")
    if missing:
        implied_outcome = None
        if implied is not None and stated is not None:
            filled = [t if t is not None else i for t, i in zip(terms, implied, strict=True)]
            if None not in filled:
                total = sum(filled, Decimal(0))  # type: ignore[arg-type]
                tolerance = half_unit(stated) + sum(half_unit(t) for t in filled)  # type: ignore[arg-type]
                implied_outcome = _outcome(stated, total, tolerance)
        return IdentityCheck(
            table_id,
            identity,
            subject,
            "not_evaluable",
            stated,
            None,
            None,
            "missing: " + ", ".join(missing),
            implied_outcome,
        )
    total = sum(terms, Decimal(0))  # type: ignore[arg-type]
    tolerance = half_unit(stated) + sum(half_unit(t) for t in terms)  # type: ignore[arg-type]
    outcome = _outcome(stated, total, tolerance)  # type: ignore[arg-type]
    return IdentityCheck(
        table_id,
        identity,
        subject,
        outcome,
        stated,
        total,
        tolerance,
        f"{stated} vs {' + '.join(str(t) for t in terms)} = {total}",
    )


def rate_check(table_id: str, identity: str, row: FundRow) -> IdentityCheck:
    """执行率 = 全年执行数 / 全年预算数 (percent)."""
    stated, budget, executed = row.execution_rate_pct, row.annual_budget, row.executed
    if stated is None or budget is None or executed is None or budget == 0:
        missing = [
            n
            for n, v in (("执行率", stated), ("全年预算数", budget), ("全年执行数", executed))
            if v is None
        ]
        return IdentityCheck(
            table_id,
            identity,
            "execution_rate",
            "not_evaluable",
            stated,
            None,
            None,
            "missing: " + ", ".join(missing or ["全年预算数 is 0"]),
        )
    computed = executed / budget * HUNDRED
    unit = Decimal(1).scaleb(stated.as_tuple().exponent)  # type: ignore[arg-type]
    rounded = computed.quantize(unit, rounding=ROUND_HALF_UP)
    low = (executed - half_unit(executed)) / (budget + half_unit(budget)) * HUNDRED
    high = (executed + half_unit(executed)) / (budget - half_unit(budget)) * HUNDRED
    h = half_unit(stated)
    if rounded == stated:
        outcome = "pass"
    elif low - h <= stated <= high + h:
        outcome = "rounding"
    else:
        outcome = "fail"
    return IdentityCheck(
        table_id,
        identity,
        "execution_rate",
        outcome,
        stated,
        rounded,
        max(stated - low, high - stated).quantize(Decimal("0.0001")),
        f"{executed} / {budget} = {computed.quantize(Decimal('0.0001'))}%",
    )


def score_check(table_id: str, identity: str, row: FundRow) -> IdentityCheck:
    """funding 得分 = 分值 × 执行率."""
    score, weight, rate = row.score, row.weight, row.execution_rate_pct
    if score is None or weight is None or rate is None:
        missing = [n for n, v in (("得分", score), ("分值", weight), ("执行率", rate)) if v is None]
        return IdentityCheck(
            table_id,
            identity,
            "funding_score",
            "not_evaluable",
            score,
            None,
            None,
            "missing: " + ", ".join(missing),
        )
    computed = weight * rate / HUNDRED
    unit = Decimal(1).scaleb(score.as_tuple().exponent)  # type: ignore[arg-type]
    rounded = computed.quantize(unit, rounding=ROUND_HALF_UP)
    tolerance = half_unit(score) + weight * half_unit(rate) / HUNDRED
    outcome = (
        "pass"
        if rounded == score
        else ("rounding" if abs(score - computed) <= tolerance else "fail")
    )
    return IdentityCheck(
        table_id,
        identity,
        "funding_score",
        outcome,
        score,
        computed,
        tolerance,
        f"{weight} × {rate}% = {computed}",
    )


def run_checks(
    extract: PerformanceExtract, missing: list[MissingCell]
) -> tuple[list[IdentityCheck], list[MissingCell]]:
    """All identities, and the missing cells with the values P4/P5 imply for them."""
    checks: list[IdentityCheck] = []
    missing = list(missing)
    for project in extract.projects:
        table_id = project.table_id
        rows = {r.row_kind: r for r in extract.fund_rows_of(table_id)}
        indicators = extract.indicators_of(table_id)
        checks += _p1(table_id, rows, missing)
        total = rows.get("total")
        if total is not None:
            checks.append(rate_check(table_id, "P2", total))
            checks.append(score_check(table_id, "P3", total))
        funding_score = total.score if total else None
        funding_weight = total.weight if total else None
        scores = [i.score for i in indicators]
        weights = [i.weight for i in indicators]
        names = [f"indicator {i.seq} 得分" for i in indicators]
        checks.append(
            sum_check(
                table_id,
                "P4",
                "total_score",
                project.total_score,
                [funding_score, *scores],
                ["funding 得分", *names],
            )
        )
        stated_weight = project.total_weight if project.total_weight is not None else HUNDRED
        checks.append(
            sum_check(
                table_id,
                "P5",
                "total_weight",
                stated_weight,
                [funding_weight, *weights],
                ["funding 分值", *[f"indicator {i.seq} 分值" for i in indicators]],
            )
        )
        checks.append(_p6(table_id, total, indicators))
        missing = _imply(
            table_id,
            indicators,
            project.total_score,
            funding_score,
            stated_weight,
            funding_weight,
            missing,
        )
    checks += _p7(extract, missing)
    checks += _p8(extract, missing)
    return checks, missing


def _p1(table_id: str, rows: dict[str, FundRow], missing: list[MissingCell]) -> list[IdentityCheck]:
    total = rows.get("total")
    current = rows.get("current_year_appropriation")
    other = rows.get("other")
    result = []
    for field in AMOUNT_FIELDS:
        stated = getattr(total, field) if total else None
        terms = [
            getattr(current, field) if current else None,
            getattr(other, field) if other else None,
        ]
        result.append(
            sum_check(
                table_id, "P1", field, stated, terms, [f"当年财政拨款 {field}", f"其他资金 {field}"]
            )
        )
    return result


def _p6(table_id: str, total: FundRow | None, indicators: list[Indicator]) -> IdentityCheck:
    pairs = [("funding", total.score if total else None, total.weight if total else None)]
    pairs += [(f"indicator {i.seq}", i.score, i.weight) for i in indicators]
    bad = [
        f"{n}: {s} of {w}"
        for n, s, w in pairs
        if s is not None and w is not None and not 0 <= s <= w
    ]
    unknown = [n for n, s, w in pairs if s is None or w is None]
    if bad:
        return IdentityCheck(
            table_id, "P6", "scores_within_weights", "fail", None, None, None, "; ".join(bad)
        )
    if unknown:
        return IdentityCheck(
            table_id,
            "P6",
            "scores_within_weights",
            "not_evaluable",
            None,
            None,
            None,
            "missing: " + ", ".join(unknown),
        )
    return IdentityCheck(
        table_id,
        "P6",
        "scores_within_weights",
        "pass",
        None,
        None,
        None,
        f"{len(pairs)} scores within their weights",
    )


def _imply(
    table_id: str,
    indicators: list[Indicator],
    total_score: Decimal | None,
    funding_score: Decimal | None,
    total_weight: Decimal,
    funding_weight: Decimal | None,
    missing: list[MissingCell],
) -> list[MissingCell]:
    """The single missing term of P4 (得分) or P5 (分值) in a table — an indicator's or the
    funding row's — takes the value the identity implies."""
    result = list(missing)
    for slot, identity, stated, funding in (
        ("score", "P4", total_score, funding_score),
        ("weight", "P5", total_weight, funding_weight),
    ):
        terms = {f"indicator:{i.seq}:{slot}": getattr(i, slot) for i in indicators}
        terms[f"fund:total:{slot}"] = funding
        unknown = [field for field, value in terms.items() if value is None]
        if len(unknown) != 1 or stated is None:
            continue
        implied = stated - sum((v for v in terms.values() if v is not None), Decimal(0))
        for k, cell in enumerate(result):
            if cell.table_id == table_id and cell.field == unknown[0]:
                result[k] = replace(cell, implied_value=implied, implied_by=identity)
    return result


def _implied_value(missing: list[MissingCell], table_id: str, field: str) -> Decimal | None:
    return next(
        (m.implied_value for m in missing if m.table_id == table_id and m.field == field), None
    )


def _p7(extract: PerformanceExtract, missing: list[MissingCell]) -> list[IdentityCheck]:
    declared = extract.declared
    checks = []
    count = len(extract.projects)
    stated_count = (
        Decimal(declared.project_count) if declared and declared.project_count is not None else None
    )
    if stated_count is None:
        checks.append(
            IdentityCheck(
                ALL_TABLES,
                "P7",
                "project_count",
                "not_evaluable",
                None,
                Decimal(count),
                None,
                "section 十一 states no count",
            )
        )
    else:
        checks.append(
            IdentityCheck(
                ALL_TABLES,
                "P7",
                "project_count",
                "pass" if stated_count == count else "fail",
                stated_count,
                Decimal(count),
                Decimal(0),
                f"{count} project tables found, {stated_count} stated",
            )
        )
    for field, stated in (
        ("annual_budget", declared.project_annual_budget if declared else None),
        ("executed", declared.project_executed if declared else None),
    ):
        terms, names, implied = [], [], []
        for project in extract.projects:
            rows = {r.row_kind: r for r in extract.fund_rows_of(project.table_id)}
            total = rows.get("total")
            terms.append(getattr(total, field) if total else None)
            names.append(f"{project.table_id} ({project.name}) 年度资金总额 {field}")
            implied.append(_implied_value(missing, project.table_id, f"fund:total:{field}"))
        checks.append(sum_check(ALL_TABLES, "P7", field, stated, terms, names, implied))
    return checks


def _p8(extract: PerformanceExtract, missing: list[MissingCell]) -> list[IdentityCheck]:
    rows = {r.row_kind: r for r in extract.fund_rows_of(DEPARTMENT_TABLE_ID)}
    if not rows:
        return []
    checks = []
    total = rows.get("total")
    for field in AMOUNT_FIELDS:
        stated = getattr(total, field) if total else None
        parts = [rows.get(k) for k in ("superior", "own_level", "other")]
        checks.append(
            sum_check(
                DEPARTMENT_TABLE_ID,
                "P8",
                field,
                stated,
                [getattr(p, field) if p else None for p in parts],
                [f"上级资金 {field}", f"本级资金 {field}", f"其他资金 {field}"],
            )
        )
    declared = extract.declared
    for field, stated in (
        ("annual_budget", declared.department_annual_budget if declared else None),
        ("executed", declared.department_executed if declared else None),
    ):
        value = getattr(total, field) if total else None
        checks.append(
            sum_check(
                DEPARTMENT_TABLE_ID,
                "P8",
                f"{field}_vs_section_text",
                stated,
                [value],
                [f"年度总资金 {field}"],
            )
        )
    if total is not None:
        checks.append(rate_check(DEPARTMENT_TABLE_ID, "P8", total))
        checks.append(score_check(DEPARTMENT_TABLE_ID, "P8", total))
    return checks

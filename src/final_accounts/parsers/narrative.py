"""The sentence scanner shared by the narrative sections (第二部分 一 to 十二).

The narrative states its figures in a few fixed phrasings, which this module names:

    <label> <number> 万元            an amount (收入总计32,312.49万元)
    占 [<base>的] <number> %         the share of the amount just named
    比上年[决算] 增加|减少 <number>   the change of the current subject (signed)
    增长|下降 <number> %             the change percent (signed)
    <subject>与上年相比 ,             names the subject of the changes that follow
    [<subject>] 年初预算数|全年预算数 the budget; 决算数 the final; 预决算差异率 the rate
    价值 <number> 万元               the value of the thing just counted (房屋, 车辆)
    单价 <number> 万元 (含)以上 …    a qualifier that belongs to the next label
    主要原因是: … 。                  an explanation (also 开支内容包括, 差异原因是, 包括 …)

A figure's subject carries forward until a new label names another, which is how the
document itself reads (its shares and changes follow the amount they describe).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import ExtractionError
from ..numbers import parse_printed_number
from ..records import Explanation, Figure, SectionExtract
from ..text import LINE_BREAK_GUARD, CompactText
from .tokens import Claims

UNITS = r"万元|平方米|台\(套\)|人次|批次|%|人|个|辆"
_UNIT_MEASURES = {"万元": "amount", "平方米": "area", "%": "pct"}
# A printed number right before a unit. Letters are included so that a garbled number
# (`3,8O2.53万元`) is caught as unreadable instead of being read as `2.53`.
_FIGURE = re.compile(rf"(?<![0-9A-Za-z.])(?P<num>[0-9A-Za-z][0-9A-Za-z,.]*)(?P<unit>{UNITS})")
_DELIMITERS = ",;。:、" + LINE_BREAK_GUARD
_EXPLANATION = re.compile(r"(主要原因是|差异原因是|开支内容包括|主要是|包括|分别是)[:]?")
_EXPLANATION_KINDS = {
    "差异原因是": "difference_reason",
    "开支内容包括": "spending_content",
    "主要是": "description",
    "包括": "enumeration",
    "分别是": "enumeration",
}
_SUBJECT_OF_CHANGE = re.compile(rf"([^{_DELIMITERS}]+?)与上年相比")
_CHANGE = re.compile(r"(?P<subject>.*?)(?:比上年(?:决算)?|与上年相比)?(?P<direction>增加|减少)")
_CHANGE_PCT = re.compile(r"(增长|下降)")
_BUDGET = re.compile(r"(?P<subject>.*?)(?P<kind>年初预算数|全年预算数|全年预算总额)")
_EXECUTED = re.compile(r"(?P<subject>.*?)(?:全年执行数|实际执行总额)")
_SHARE = re.compile(r"占(?P<base>.*?)的?")
_YEAR_OR_DATE = re.compile(r"截至?\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{4}年度?")
_LIST_NUMBER = re.compile(r"^\d+\.(?!\d)")
# The noun a count is of, when printed after its unit: 下设19个科室.
_COUNT_NOUN = re.compile(rf"[^{_DELIMITERS}\d]+(?=[{_DELIMITERS}])")


@dataclass
class _State:
    subject: str | None = None
    line_item: str | None = None
    measure: str | None = None
    qualifier_start: int | None = None


def scan_narrative(
    text: CompactText,
    start: int,
    end: int,
    *,
    section_code: str,
    topic: str,
    department_name: str,
    claims: Claims,
) -> SectionExtract:
    """Figures, explanations and statements of text[start:end]; claims their spans."""
    extract = SectionExtract.empty()
    spans = _explanation_spans(text, start, end)
    events = sorted(
        [(s, "explanation", (s, e, m)) for s, e, m in spans]
        + [
            (m.start(), "figure", m)
            for m in _FIGURE.finditer(text.text, start, end)
            if not _inside(m.start(), spans)
        ]
        + [
            (m.end(), "subject", m)
            for m in _SUBJECT_OF_CHANGE.finditer(text.text, start, end)
            if not _inside(m.start(), spans)
        ],
        key=lambda event: event[0],
    )
    state = _State()
    boundary = start
    for _position, kind, payload in events:
        if kind == "subject":
            state.subject = _clean_label(payload[1], department_name) or state.subject
            boundary = max(boundary, payload.end())
        elif kind == "explanation":
            span_start, span_end, marker = payload
            named = _clean_label(
                text.text[_prefix_start(text.text, boundary, span_start) : span_start],
                department_name,
            )
            explanation = _explanation(
                text, span_start, span_end, marker, state, section_code, topic, named
            )
            if explanation.text:
                extract.explanations.append(explanation)
            claims.claim(span_start, span_end, "explanation_text")
            boundary = span_end
        else:
            figure = _figure(text, payload, boundary, state, section_code, topic, department_name)
            if figure is None:  # a qualifier such as 单价100万元, part of the next label
                claims.claim(payload.start(), payload.end(), "label_qualifier")
            else:
                extract.figures.append(figure)
                claims.claim(payload.start(), payload.end(), "figure")
            boundary = payload.end()
    extract.explanations += _statements(text, start, end, section_code, topic)
    return extract


def _inside(position: int, spans: list[tuple[int, int, str]]) -> bool:
    return any(s <= position < e for s, e, _ in spans)


def _explanation_spans(text: CompactText, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, marker) of each explanation: from its marker to the sentence end, or
    to the next list item, whichever comes first."""
    spans = []
    position = start
    while match := _EXPLANATION.search(text.text, position, end):
        stop = text.text.find("。", match.end(), end)
        stop = end if stop < 0 else stop + 1
        for index in range(match.end(), stop):
            if text.is_line_start(index) and _LIST_NUMBER.match(text.text, index):
                stop = index
                break
        spans.append((match.start(), stop, match[1]))
        position = stop
    return spans


def _explanation(
    text: CompactText,
    start: int,
    end: int,
    marker: str,
    state: _State,
    section_code: str,
    topic: str,
    named: str,
) -> Explanation:
    """The explanation's subject is what the words before its marker name (公务用车运行维护费
    开支内容包括), else the current subject (…,主要原因是); a difference is the subject's."""
    if marker == "主要原因是":
        kind = (
            "budget_variance_reason"
            if state.measure == "budget_variance_pct"
            else (
                "change_reason"
                if state.measure and state.measure.startswith("change")
                else "reason"
            )
        )
    else:
        kind = _EXPLANATION_KINDS[marker]
    body_start = start + len(_EXPLANATION.match(text.text, start).group(0))
    return Explanation(
        section_code=section_code,
        topic=topic,
        subject=named if named and marker != "差异原因是" else state.subject,
        kind=kind,
        text=text.text[body_start:end].rstrip("。;"),
        source_line=text.line_at(start),
        raw_text=text.raw_span(start, end),
    )


def _figure(
    text: CompactText,
    match: re.Match[str],
    boundary: int,
    state: _State,
    section_code: str,
    topic: str,
    department_name: str,
) -> Figure | None:
    number = parse_printed_number(match["num"])
    if number is None:
        raise ExtractionError(
            text.document.source_file,
            f"cannot read the number {match['num']!r} before {match['unit']!r}",
            section=section_code,
            line=text.line_at(match.start()),
        )
    unit = match["unit"]
    prefix_start = _prefix_start(text.text, boundary, match.start())
    if state.qualifier_start is not None:
        prefix_start, state.qualifier_start = state.qualifier_start, None
    prefix = text.text[prefix_start : match.start()]
    negative = prefix.endswith("-")
    prefix = _LIST_NUMBER.sub("", prefix.rstrip("-"))
    if prefix.endswith("单价"):
        state.qualifier_start = prefix_start
        return None
    value = -number.value if negative else number.value
    noun = _COUNT_NOUN.match(text.text, match.end()) if unit == "个" else None
    if noun:
        prefix += noun.group()
    measure, line_item, share_base = _measure(prefix, unit, state, department_name)
    if measure is None:
        return None
    if measure.startswith("change") and not prefix.endswith(("增加", "减少", "增长", "下降")):
        raise ExtractionError(
            text.document.source_file,
            "change without a direction",
            section=section_code,
            line=text.line_at(match.start()),
        )
    if measure in ("change_amount", "change_count", "change_pct") and prefix.endswith(
        ("减少", "下降")
    ):
        value = -value
    state.measure = measure
    state.line_item = line_item
    return Figure(
        section_code=section_code,
        topic=topic,
        line_item=line_item or "",
        measure=measure,
        value=value,
        value_text=("-" if value < 0 else "") + number.text,
        decimals=number.decimals,
        unit=unit,
        share_base=share_base,
        source_line=text.line_at(match.start()),
        raw_text=text.raw_span(prefix_start, match.end() + (len(noun.group()) if noun else 0)),
    )


def _measure(
    prefix: str, unit: str, state: _State, department_name: str
) -> tuple[str | None, str | None, str | None]:
    """(measure, line item, share base) of a figure from the words before it; updates the
    subject when the words name a new one."""
    label = _clean_label(prefix, department_name)
    if not label:  # `0批次, 0人次`: a second count of the same line item
        return (state.measure or "count", state.line_item, None)
    if unit == "%" and (share := _SHARE.fullmatch(label)):
        return ("share_pct", state.line_item, share["base"] or None)
    if unit == "%" and _CHANGE_PCT.fullmatch(label):
        return ("change_pct", state.subject, None)
    if unit == "%" and label.endswith("预决算差异率"):
        return ("budget_variance_pct", state.subject, None)
    if change := _CHANGE.fullmatch(label):
        if change["subject"]:
            state.subject = change["subject"]
        return ("change_amount" if unit == "万元" else "change_count", state.subject, None)
    if budget := _BUDGET.fullmatch(label):
        if budget["subject"]:
            state.subject = budget["subject"]
        kind = "budget_initial_amount" if budget["kind"] == "年初预算数" else "budget_amount"
        return (kind, state.subject, None)
    if executed := _EXECUTED.fullmatch(label):
        if executed["subject"]:
            state.subject = executed["subject"]
        return ("executed_amount", state.subject, None)
    if label == "决算数":
        return ("final_amount", state.subject, None)
    if label == "价值":
        return ("value_amount", state.subject, None)
    state.subject = label
    return (_UNIT_MEASURES.get(unit, "count"), label, None)


def _prefix_start(text: str, boundary: int, number_start: int) -> int:
    """Start of the words that name a number: after the last delimiter before it."""
    position = number_start
    while position > boundary and text[position - 1] not in _DELIMITERS:
        position -= 1
    return position


def _clean_label(raw: str, department_name: str) -> str:
    """A label as the document names it, without the year, the department's own name and
    connecting words (其中, 本部门)."""
    label = _YEAR_OR_DATE.sub("", raw)
    for noise in (department_name + "(部门)", department_name, "本部门", "(部门)"):
        label = label.replace(noise, "")
    label = label.removeprefix("其中")
    return label.strip(_DELIMITERS + '"“”')


def _statements(
    text: CompactText,
    start: int,
    end: int,
    section_code: str,
    topic: str,
) -> list[Explanation]:
    """Sentences that carry no figure and no explanation: kept as statements."""
    statements = []
    position = start
    while position < end:
        stop = text.text.find("。", position, end)
        stop = end if stop < 0 else stop + 1
        sentence = text.text[position:stop]
        has_marker = _EXPLANATION.search(sentence) is not None
        if (
            sentence.strip("。")
            and not re.search(rf"\d(?:[\d,.]*)(?:{UNITS})", sentence)
            and not has_marker
        ):
            statements.append(
                Explanation(
                    section_code=section_code,
                    topic=topic,
                    subject=None,
                    kind="statement",
                    text=sentence.rstrip("。"),
                    source_line=text.line_at(position),
                    raw_text=text.raw_span(position, stop),
                )
            )
        position = stop
    return statements

"""The sentence scanner shared by the narrative sections.

The narrative states its figures in a few phrasings, which each template names as data
(templates/*.yaml, `narrative`; NarrativeVocabulary):

    <label> <number> <unit>          an amount, count, area or share (收入总计32,312.49万元)
    占 [<base>的] <number> %         the share of the amount just named
    比上年 增加|减少 <number>         the change of the current subject (signed)
    增长|下降 <number> %             the change percent (signed)
    <subject>与上年相比 ,             names the subject of the changes that follow
    年初预算数 / 全年预算数 / 决算数   the budget, the final amount (预决算差异率 the rate)
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
from ..templates import ExplanationMarker, NarrativeVocabulary
from ..text import LINE_BREAK_GUARD, CompactText
from .tokens import Claims

_DELIMITERS = ",;。:、" + LINE_BREAK_GUARD
_SENTENCE_DELIMITERS = ";。"
_YEAR_OR_DATE = re.compile(r"截至?\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{4}年度?")
# The noun a count is of, when printed after its unit: 下设19个科室.
_COUNT_NOUN = re.compile(rf"[^{_DELIMITERS}\d()]+(?=[{_DELIMITERS}])")
# The measure of a marker of kind `reason`: what the figure before it measured.
REASON = "reason"


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
    vocabulary: NarrativeVocabulary,
    claims: Claims,
) -> SectionExtract:
    """Figures, explanations and statements of text[start:end]; claims their spans."""
    scanner = _Scanner(text, section_code, topic, department_name, vocabulary)
    extract = SectionExtract.empty()
    spans = scanner.explanation_spans(start, end)
    events = sorted(
        [(s, "explanation", (s, e, m)) for s, e, m in spans]
        + [
            (m.start(), "figure", m)
            for m in vocabulary.figure.finditer(text.text, start, end)
            if not _inside(m.start(), spans)
        ]
        + [
            (m.end(), "subject", m)
            for m in vocabulary.change_subject.finditer(text.text, start, end)
            if not _inside(m.start(), spans)
        ],
        key=lambda event: event[0],
    )
    state = _State()
    boundary = start
    for _position, kind, payload in events:
        if kind == "subject":
            state.subject = scanner.clean_label(payload["subject"]) or state.subject
            boundary = max(boundary, payload.end())
        elif kind == "explanation":
            span_start, span_end, marker = payload
            named = scanner.clean_label(
                text.text[_prefix_start(text.text, boundary, span_start) : span_start]
            )
            explanation = scanner.explanation(span_start, span_end, marker, state, named)
            if explanation.text:
                extract.explanations.append(explanation)
            claims.claim(span_start, span_end, "explanation_text")
            boundary = span_end
        else:
            figure = scanner.figure(payload, boundary, state)
            if figure is None:  # a qualifier such as 单价100万元, part of the next label
                claims.claim(payload.start(), payload.end(), "label_qualifier")
            else:
                extract.figures.append(figure)
                claims.claim(payload.start(), payload.end(), "figure")
            boundary = payload.end()
    extract.explanations += scanner.statements(start, end)
    return extract


def _inside(position: int, spans: list[tuple[int, int, ExplanationMarker]]) -> bool:
    return any(s <= position < e for s, e, _ in spans)


@dataclass(frozen=True)
class _Scanner:
    text: CompactText
    section_code: str
    topic: str
    department_name: str
    vocabulary: NarrativeVocabulary

    def next_marker(
        self, position: int, end: int
    ) -> tuple[re.Match[str], ExplanationMarker] | None:
        """The explanation marker that starts first after position (the first listed on a
        tie)."""
        found = [
            (match, marker)
            for marker in self.vocabulary.explanations
            if (match := marker.pattern.search(self.text.text, position, end))
        ]
        return min(found, key=lambda pair: pair[0].start(), default=None)

    def explanation_spans(self, start: int, end: int) -> list[tuple[int, int, ExplanationMarker]]:
        """(start, end, marker) of each explanation: from its marker to its end (the
        sentence's end unless the template says otherwise), or to the next list item,
        whichever comes first."""
        spans = []
        position = start
        while found := self.next_marker(position, end):
            match, marker = found
            close = marker.ends.search(self.text.text, match.end(), end)
            stop = close.end() if close else end
            for index in range(match.end(), stop):
                if self.text.is_line_start(index) and self.vocabulary.list_item.match(
                    self.text.text, index
                ):
                    stop = index
                    break
            spans.append((match.start(), stop, marker))
            position = stop
        return spans

    def explanation(
        self, start: int, end: int, marker: ExplanationMarker, state: _State, named: str
    ) -> Explanation:
        """The explanation's subject is what the words before its marker name (公务用车运行维护费
        开支内容包括), else the current subject (…,主要原因是); a difference is the subject's."""
        opening = marker.pattern.match(self.text.text, start)
        if marker.kind == REASON:
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
            kind = marker.kind
        return Explanation(
            section_code=self.section_code,
            topic=self.topic,
            subject=named if named and kind != "difference_reason" else state.subject,
            kind=kind,
            text=self.text.text[opening.end() : end].rstrip("。;"),
            source_line=self.text.line_at(start),
            raw_text=self.text.raw_span(start, end),
            stated_comparison=opening.groupdict().get("comparison"),
        )

    def figure(self, match: re.Match[str], boundary: int, state: _State) -> Figure | None:
        text = self.text
        number = parse_printed_number(match["num"])
        if number is None:
            raise ExtractionError(
                text.document.source_file,
                f"cannot read the number {match['num']!r} before {match['unit']!r}",
                section=self.section_code,
                line=text.line_at(match.start()),
                page=text.document.page_of(text.line_at(match.start())),
            )
        unit = match["unit"]
        prefix_start = _prefix_start(text.text, boundary, match.start())
        if state.qualifier_start is not None:
            prefix_start, state.qualifier_start = state.qualifier_start, None
        if self.clean_label(text.text[prefix_start : match.start()]) in (
            self.vocabulary.context_labels
        ):
            prefix_start = _prefix_start(text.text, boundary, match.start(), _SENTENCE_DELIMITERS)
        prefix = text.text[prefix_start : match.start()]
        negative = prefix.endswith("-")
        prefix = prefix.rstrip("-")
        if item := self.vocabulary.list_item.match(prefix):
            prefix = prefix[item.end() :]
        qualifier = self.vocabulary.qualifier
        if qualifier and prefix.endswith(qualifier):
            state.qualifier_start = prefix_start
            return None
        value = -number.value if negative else number.value
        noun = _COUNT_NOUN.match(text.text, match.end()) if unit == "个" else None
        if noun:
            prefix += noun.group()
        measure, line_item, share_base = self.measure(prefix, unit, state)
        if measure is None:
            return None
        if measure.startswith("change") and not prefix.endswith(("增加", "减少", "增长", "下降")):
            raise ExtractionError(
                text.document.source_file,
                "change without a direction",
                section=self.section_code,
                line=text.line_at(match.start()),
                page=text.document.page_of(text.line_at(match.start())),
            )
        if measure in ("change_amount", "change_count", "change_pct") and prefix.endswith(
            ("减少", "下降")
        ):
            value = -value
        state.measure = measure
        state.line_item = line_item
        return Figure(
            section_code=self.section_code,
            topic=self.topic,
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

    def measure(
        self, prefix: str, unit: str, state: _State
    ) -> tuple[str | None, str | None, str | None]:
        """(measure, line item, share base) of a figure from the words before it; updates
        the subject when the words name a new one."""
        label = self.clean_label(prefix)
        labels = self.vocabulary.labels

        def full(measure: str) -> re.Match[str] | None:
            pattern = labels.get(measure)
            return pattern.fullmatch(label) if pattern else None

        if not label:  # `0批次, 0人次`: a second count of the same line item
            return (state.measure or "count", state.line_item, None)
        if unit == "%":
            if share := full("share_pct"):
                return ("share_pct", state.line_item, share["base"] or None)
            if execution := full("budget_execution_pct"):
                return ("budget_execution_pct", state.subject, execution["base"] or None)
            if full("change_pct"):
                return ("change_pct", state.subject, None)
            if full("budget_variance_pct"):
                return ("budget_variance_pct", state.subject, None)
        if change := full("change_amount"):
            if change["subject"]:
                state.subject = change["subject"]
            return ("change_amount" if unit == "万元" else "change_count", state.subject, None)
        for measure in ("budget_initial_amount", "budget_amount", "executed_amount",
                        "final_amount", "value_amount"):  # fmt: skip
            if found := full(measure):
                if found.groupdict().get("subject"):
                    state.subject = found["subject"]
                return (measure, state.subject, None)
        state.subject = label
        return (self.vocabulary.unit_measures.get(unit, "count"), label, None)

    def clean_label(self, raw: str) -> str:
        """A label as the document names it, without the year, the department's own name
        and connecting words (其中, 本部门)."""
        label = _YEAR_OR_DATE.sub("", raw)
        name = self.department_name
        for noise in (name + "(部门)", name, "本部门", "(部门)"):
            label = label.replace(noise, "")
        label = label.removeprefix("其中")
        return label.strip(_DELIMITERS + '"“”')

    def statements(self, start: int, end: int) -> list[Explanation]:
        """Sentences that carry no figure and no explanation: kept as statements."""
        text = self.text
        found = []
        position = start
        while position < end:
            stop = text.text.find("。", position, end)
            stop = end if stop < 0 else stop + 1
            sentence = text.text[position:stop]
            has_marker = any(m.pattern.search(sentence) for m in self.vocabulary.explanations)
            if (
                sentence.strip("。")
                and not self.vocabulary.number_with_unit.search(sentence)
                and not has_marker
            ):
                found.append(
                    Explanation(
                        section_code=self.section_code,
                        topic=self.topic,
                        subject=None,
                        kind="statement",
                        text=sentence.rstrip("。"),
                        source_line=text.line_at(position),
                        raw_text=text.raw_span(position, stop),
                    )
                )
            position = stop
        return found


def _prefix_start(
    text: str, boundary: int, number_start: int, delimiters: str = _DELIMITERS
) -> int:
    """Start of the words that name a number: after the last delimiter before it."""
    position = number_start
    while position > boundary and text[position - 1] not in delimiters:
        position -= 1
    return position

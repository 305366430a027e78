"""The ledger of numeric tokens: every number in a parsed section is either part of a
record or listed as unparsed with the reason (nothing is dropped silently)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..records import Unparsed
from ..text import CompactText

# A numeric token: digits with the commas and points printed inside it.
NUMERIC_TOKEN = re.compile(r"\d(?:[\d,.]*\d)?")

# Why a number that is not a figure is not one, by what surrounds it.
_DOCUMENT_NUMBER = re.compile(r"〔\d{4}〕\d+号|\(\d{4}\)\d+号")
_FOLLOWED_BY = (
    (re.compile(r"年"), "year"),
    (re.compile(r"月|日"), "date"),
    (re.compile(r"号"), "document_number"),
)


@dataclass
class Claims:
    """Spans of the compact text already accounted for, with what accounts for them."""

    spans: list[tuple[int, int, str]] = field(default_factory=list)

    def claim(self, start: int, end: int, reason: str) -> None:
        self.spans.append((start, end, reason))

    def reason_at(self, position: int) -> str | None:
        for start, end, reason in self.spans:
            if start <= position < end:
                return reason
        return None


def leftover_tokens(
    text: CompactText,
    start: int,
    end: int,
    claims: Claims,
    section_code: str,
    list_item: re.Pattern[str],
) -> list[Unparsed]:
    """Unparsed rows for every numeric token in text[start:end] that no figure holds
    (list_item: the template's numbered item, whose number is a list number)."""
    document_numbers = [m.span() for m in _DOCUMENT_NUMBER.finditer(text.text, start, end)]
    unparsed = []
    for match in NUMERIC_TOKEN.finditer(text.text, start, end):
        reason = claims.reason_at(match.start())
        if reason in ("figure", "clause_figure", "list_entry"):
            continue
        if reason is None:
            reason = _reason_from_context(text, match, document_numbers, list_item)
        unparsed.append(
            Unparsed(
                section_code=section_code,
                token=match.group(),
                reason=reason,
                source_line=text.line_at(match.start()),
                context=text.text[max(start, match.start() - 12) : min(end, match.end() + 12)],
            )
        )
    return unparsed


def _reason_from_context(
    text: CompactText,
    match: re.Match[str],
    document_numbers: list[tuple[int, int]],
    list_item: re.Pattern[str],
) -> str:
    if any(s <= match.start() < e for s, e in document_numbers):
        return "document_number"
    if text.is_line_start(match.start()) and list_item.match(text.text, match.start()):
        return "list_number"
    following = text.text[match.end() : match.end() + 1]
    for pattern, reason in _FOLLOWED_BY:
        if pattern.match(following):
            return reason
    return "no_rule_matched"

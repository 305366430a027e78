"""Compact text: a section's lines joined without the extraction's stray whitespace and
markup, with every character mapped back to its source line.

The PDF-to-text step inserts spaces inside words and numbers (`比上 年决算`, `0. 00`) and
wraps sentences over lines and blank lines (docs/DOMAIN.md §4). Parsers match on the compact
text and report positions through the map, so every value keeps its source line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import Document

# Markdown and HTML left by the conversion: heading marks, bullets, bold, tags.
_LINE_MARKUP = re.compile(r"^\s*(?:#+\s*|-\s+)")
_INLINE_MARKUP = re.compile(r"\*\*|</?(?:b|u|del|i|em|strong|span)\b[^>]*>")
# A numbered list item at the start of a line: `1. 教育支出…` (not `948.60万元`).
LIST_ITEM = re.compile(r"^\s*(?:-\s+)?(\d+)\.(?!\d)")
# Between two lines whose junction would glue two numbers together.
LINE_BREAK_GUARD = "|"
# Full-width punctuation read as its ASCII form (one character for one, so that every
# character keeps its column): the parsers' patterns are written once, in ASCII.
_ASCII_FORMS = str.maketrans("（）：，；％［］", "():,;%[]")


@dataclass(frozen=True)
class CompactText:
    text: str
    lines: tuple[int, ...]  # source line of each character of text
    columns: tuple[int, ...]  # column of each character in its source line
    document: Document

    def line_at(self, index: int) -> int:
        return self.lines[min(index, len(self.lines) - 1)]

    def raw_span(self, start: int, end: int) -> str:
        """The text exactly as printed from compact index start to end (exclusive)."""
        if end <= start:
            return ""
        first_line, first_col = self.lines[start], self.columns[start]
        last_line, last_col = self.lines[end - 1], self.columns[end - 1]
        if first_line == last_line:
            return self.document.line(first_line)[first_col : last_col + 1]
        pieces = [self.document.line(first_line)[first_col:].strip()]
        pieces += [
            self.document.line(n).strip()
            for n in range(first_line + 1, last_line)
            if self.document.line(n).strip()
        ]
        pieces.append(self.document.line(last_line)[: last_col + 1].strip())
        return "\n".join(pieces)

    def is_line_start(self, index: int) -> bool:
        return index == 0 or self.lines[index - 1] != self.lines[index]


def ascii_forms(text: str) -> str:
    """Full-width punctuation as ASCII, as the compact text reads it."""
    return text.translate(_ASCII_FORMS)


def compact(
    document: Document, first_line: int, last_line: int, *, skip: frozenset[int] = frozenset()
) -> CompactText:
    """Join lines first_line..last_line (but the lines in skip, read otherwise), dropping
    whitespace and markup."""
    chars: list[str] = []
    lines: list[int] = []
    columns: list[int] = []
    for number in range(first_line, last_line + 1):
        if number in skip:
            continue
        raw = document.line(number)
        keep = _visible_columns(raw)
        if not keep:
            continue
        if chars and chars[-1].isdigit() and raw[keep[0]].isdigit():
            chars.append(LINE_BREAK_GUARD)
            lines.append(lines[-1])
            columns.append(columns[-1])
        for column in keep:
            chars.append(raw[column].translate(_ASCII_FORMS))
            lines.append(number)
            columns.append(column)
    return CompactText("".join(chars), tuple(lines), tuple(columns), document)


def _visible_columns(raw: str) -> list[int]:
    """Columns of raw that carry text: not markup, not whitespace."""
    hidden = [False] * len(raw)
    if match := _LINE_MARKUP.match(raw):
        for i in range(match.end()):
            hidden[i] = True
    for match in _INLINE_MARKUP.finditer(raw):
        for i in range(match.start(), match.end()):
            hidden[i] = True
    return [i for i, ch in enumerate(raw) if not hidden[i] and not ch.isspace()]


def clean_text(raw: str) -> str:
    """Printed text without whitespace and markup (labels, names, reasons)."""
    return re.sub(r"\s+", "", _INLINE_MARKUP.sub("", raw))

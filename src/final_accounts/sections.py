"""Splitting a document into the sections of the national template (docs/DOMAIN.md §2)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import Document
from .errors import ExtractionError

_NUMERALS = "一二三四五六七八九十"
_PART = re.compile(r"^#+\s*第([一二三四])部分\s*(?P<title>.*)$")
_SECTION = re.compile(rf"^#+\s*(?P<numeral>[{_NUMERALS}]+)、\s*(?P<title>.+)$")
_SUBSECTION = re.compile(rf"^#+\s*\((?P<numeral>[{_NUMERALS}]+)\)\s*(?P<title>.+)$")
_TOC = re.compile(r"^#+\s*目\s*录\s*$")
# The performance self-evaluation tables open with this heading inside section 十一.
_PERFORMANCE_TABLES = re.compile(r"^#+\s*部门整体支出绩效自评表")

# Sections every document of the template has, in order: (code, what it is).
REQUIRED_SECTIONS: tuple[tuple[str, str], ...] = (
    ("1.一", "主要职能"),
    ("1.二", "机构设置及人员情况"),
    ("2.一", "收入支出决算总体情况说明"),
    ("2.二", "收入决算情况说明"),
    ("2.三", "支出决算情况说明"),
    ("2.四", "财政拨款收入支出决算总体情况说明"),
    ("2.五", "一般公共预算财政拨款支出决算情况说明"),
    ("2.六", "一般公共预算财政拨款基本支出决算情况说明"),
    ("2.七", "政府性基金预算财政拨款收入支出决算情况说明"),
    ("2.八", "国有资本经营预算财政拨款收入支出决算情况说明"),
    ("2.九", "财政拨款“三公”经费支出决算情况说明"),
    ("2.十", "其他重要事项的情况说明"),
    ("2.十一", "预算绩效的情况说明"),
    ("2.十二", "其他需说明的事项"),
    ("3", "专业名词解释"),
    ("4", "部门决算报表"),
)

# How each kind of section is treated by the extractor.
KIND_NARRATIVE = "narrative"
KIND_PERFORMANCE_TABLES = "performance_tables"  # parsed by the performance-table extractor
KIND_FRAME = "frame"  # title, table of contents, part headings: no figures expected


def numeral_value(numeral: str) -> int:
    """一 → 1 … 十 → 10, 十一 → 11, 二十三 → 23."""
    if numeral == "十":
        return 10
    if "十" in numeral:
        tens, _, units = numeral.partition("十")
        return (_NUMERALS.index(tens) + 1 if tens else 1) * 10 + (
            _NUMERALS.index(units) + 1 if units else 0
        )
    return _NUMERALS.index(numeral) + 1


@dataclass(frozen=True)
class Section:
    """A run of lines of one section (or subsection) of the document."""

    code: str  # e.g. "2.五", "2.五(三)", "3"; subsections carry their section's code first
    title: str
    kind: str
    heading_line: int
    first_line: int  # first body line (after the heading)
    last_line: int

    @property
    def section_code(self) -> str:
        """The section without its subsection, e.g. "2.五" for "2.五(三)"."""
        return self.code.split("(", 1)[0]

    @property
    def subsection(self) -> str:
        return self.code[len(self.section_code) :]


def split_sections(document: Document) -> list[Section]:
    """Sections in document order, each line in exactly one; ExtractionError if the
    template's sections are missing, duplicated or out of order."""
    starts: list[tuple[int, str, str, str]] = []  # (heading line, code, title, kind)
    part: str | None = None
    parts_seen: set[str] = set()
    section: str | None = None
    in_toc = False
    in_tables = False
    for number, raw in enumerate(document.lines, start=1):
        line = raw.strip()
        if number == 1 or not line.startswith("#"):
            continue
        if _TOC.match(line):
            starts.append((number, "toc", "目录", KIND_FRAME))
            in_toc = True
            continue
        if match := _PART.match(line):
            part_no = str(_NUMERALS.index(match[1]) + 1)
            if in_toc and part_no not in parts_seen:
                parts_seen.add(part_no)  # a part named in the table of contents
                continue
            if part_no in {code for _, code, _, _ in starts}:
                raise ExtractionError(
                    document.source_file,
                    f"第{match[1]}部分 appears twice",
                    section=part_no,
                    line=number,
                )
            in_toc = in_tables = False
            part, section = part_no, None
            kind = KIND_NARRATIVE if part in {"3", "4"} else KIND_FRAME
            starts.append((number, part, match["title"].strip(), kind))
            continue
        if in_toc or part is None:
            continue
        if in_tables:
            # Inside the performance tables only the next section of part 2 ends them.
            match = _SECTION.match(line)
            if not (match and numeral_value(match["numeral"]) > numeral_value(section or "一")):
                continue
        if match := _SECTION.match(line):
            code = f"{part}.{match['numeral']}"
            if code in {c for _, c, _, _ in starts}:
                raise ExtractionError(
                    document.source_file, "section appears twice", section=code, line=number
                )
            section = match["numeral"]
            in_tables = False
            starts.append((number, code, match["title"].strip(), KIND_NARRATIVE))
        elif (match := _SUBSECTION.match(line)) and section is not None:
            code = f"{part}.{section}({match['numeral']})"
            if code in {c for _, c, _, _ in starts}:
                raise ExtractionError(
                    document.source_file, "subsection appears twice", section=code, line=number
                )
            starts.append((number, code, match["title"].strip(), KIND_NARRATIVE))
        elif _PERFORMANCE_TABLES.match(line) and section == "十一":
            in_tables = True
            starts.append((number, "2.十一.tables", "预算绩效自评表", KIND_PERFORMANCE_TABLES))

    sections = [
        Section(
            code=code,
            title=title,
            kind=kind,
            heading_line=heading,
            first_line=heading + 1,
            last_line=(starts[i + 1][0] - 1) if i + 1 < len(starts) else len(document.lines),
        )
        for i, (heading, code, title, kind) in enumerate(starts)
    ]
    _check_template(document, sections)
    return sections


def _check_template(document: Document, sections: list[Section]) -> None:
    """Every required section present, in template order."""
    found = {s.code: s for s in sections}
    missing = [(code, title) for code, title in REQUIRED_SECTIONS if code not in found]
    if missing:
        last = len(document.lines)
        code, _ = missing[0]
        names = ", ".join(f"{c} {t}" for c, t in missing)
        if "4" not in found:
            raise ExtractionError(
                document.source_file,
                f"missing section(s): {names}; the text ends at line {last} — "
                "the file looks truncated",
                section=code,
                line=last,
            )
        # Where the first missing section should have started: before the next one found.
        codes = [c for c, _ in REQUIRED_SECTIONS]
        following = [found[c] for c in codes[codes.index(code) + 1 :] if c in found]
        expected_before = min((s.heading_line for s in following), default=last)
        raise ExtractionError(
            document.source_file,
            f"missing section(s): {names} (expected before line {expected_before})",
            section=code,
            line=expected_before,
        )
    order = [found[code].heading_line for code, _ in REQUIRED_SECTIONS]
    for (code, _), previous, current in zip(REQUIRED_SECTIONS[1:], order, order[1:], strict=False):
        if current < previous:
            raise ExtractionError(
                document.source_file,
                "section out of template order",
                section=code,
                line=found[code].heading_line,
            )

"""Splitting a document into the sections its template describes (templates/*.yaml).

A heading is a line in one of the national scheme's numbering forms (第一部分 …, 一、…, (一)…)
whose title is one the template expects at that place: inside the current part for a
section, inside the current section for a subsection. Any other line is body text, so the
numbered items of a list (`(一)贯彻执行…` inside 主要职能) never start a section. A heading
whose title wraps onto the next line (`第三部分…部门决算情况` + `说明`) is read over both lines.
The table of contents is skipped up to the first part heading it named. Every line after
the first heading is in exactly one section; a missing, repeated or misplaced section of the
template is an ExtractionError naming it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import ExtractionError
from .templates import NUMERALS, SectionSpec, Template, normal_heading

if TYPE_CHECKING:
    from .document import Document

_PART = re.compile(rf"^第(?P<numeral>[{NUMERALS}]+)部分\s*(?P<title>.*)$")
_SECTION = re.compile(rf"^(?P<numeral>[{NUMERALS}]+)\s*[、.．]\s*(?P<title>.+)$")
_SUBSECTION = re.compile(rf"^[(（]\s*(?P<numeral>[{NUMERALS}]+)\s*[)）]\s*(?P<title>.+)$")

# How each kind of section is treated by the extractor.
KIND_NARRATIVE = "narrative"
KIND_PERFORMANCE_TABLES = "performance_tables"  # parsed by the performance-table extractor
KIND_STATEMENTS = "statements"  # the nine statements, read from the document's tables
KIND_FRAME = "frame"  # title, table of contents, part headings: no figures expected
_KINDS = {"frame": KIND_FRAME, "performance_tables": KIND_PERFORMANCE_TABLES,
          "statements": KIND_STATEMENTS}  # fmt: skip
TOC_CODE = "toc"
_LEVEL_WORDS = {"part": "part", "section": "section", "subsection": "subsection",
                "block": "section"}  # fmt: skip


def numeral_value(numeral: str) -> int:
    """一 → 1 … 十 → 10, 十一 → 11, 二十三 → 23."""
    if numeral == "十":
        return 10
    if "十" in numeral:
        tens, _, units = numeral.partition("十")
        return (NUMERALS.index(tens) + 1 if tens else 1) * 10 + (
            NUMERALS.index(units) + 1 if units else 0
        )
    return NUMERALS.index(numeral) + 1


@dataclass(frozen=True)
class Section:
    """A run of lines of one section (or subsection) of the document."""

    code: str  # e.g. "2.五", "2.五(三)", "3"; subsections carry their section's code first
    title: str  # as printed, after the numbering
    kind: str
    heading_line: int
    first_line: int  # first body line (after the heading, which may wrap over two lines)
    last_line: int
    topic: str | None = None  # the template's topic id: what the section is about
    parse: str = "frame"  # the parser that reads it (templates.PARSERS)
    printed_department: str | None = None  # the department the heading names, where it does

    @property
    def section_code(self) -> str:
        """The section without its subsection, e.g. "2.五" for "2.五(三)"."""
        return self.code.split("(", 1)[0]

    @property
    def subsection(self) -> str:
        return self.code[len(self.section_code) :]


@dataclass(frozen=True)
class _Heading:
    line: int
    last_line: int  # the heading's own last line (a wrapped title takes two)
    spec: SectionSpec | None  # None for the table of contents
    title: str


class _Reader:
    """The headings of one document under one template, in document order."""

    def __init__(self, document: Document, template: Template) -> None:
        self.document = document
        self.template = template
        self.specs = {spec.code: spec for spec in template.sections}
        self.headings: list[_Heading] = []

    def text(self, number: int) -> str | None:
        """A line's text without the heading markup; None when it cannot be a heading."""
        line = self.document.line(number).strip()
        markup = self.template.headings.markup
        found = markup.match(line) if markup else None
        if self.template.headings.require_markup and not found:
            return None
        return line[found.end() :] if found else line

    def next_text(self, number: int) -> tuple[int, str] | None:
        """The next non-blank line after number, for a title that wraps."""
        for following in range(number + 1, min(number + 3, len(self.document.lines) + 1)):
            if text := self.document.line(following).strip():
                return following, text
        return None

    def title_of(self, spec: SectionSpec, number: int, title: str) -> tuple[str, int] | None:
        """(title, last line) when the heading's title is the spec's, maybe wrapped."""
        if spec.matches(title):
            return title, number
        wrapped = self.next_text(number)
        if wrapped and spec.matches(title + wrapped[1]):
            return title + wrapped[1], wrapped[0]
        return None

    def read(self) -> list[_Heading]:
        toc = self.template.headings.toc
        part: SectionSpec | None = None
        section: SectionSpec | None = None
        in_toc = False
        in_block = False
        toc_parts: set[str] = set()
        skip_to = 0
        for number in range(1, len(self.document.lines) + 1):
            if number <= skip_to or self.document.is_table_row(number):
                continue  # a heading is never inside a table
            if (text := self.text(number)) is None or not text:
                continue
            if toc and toc.match(normal_heading(text)) and not self.headings:
                self.headings.append(_Heading(number, number, None, "目录"))
                in_toc = True
                continue
            if match := _PART.match(text):
                spec = self.specs.get(str(numeral_value(match["numeral"])))
                titled = spec and self.title_of(spec, number, match["title"].strip())
                if not titled:
                    continue
                if in_toc and spec.code not in toc_parts:
                    toc_parts.add(spec.code)  # a part the table of contents names
                    continue
                self.add(number, spec, *titled)
                part, section, in_toc, in_block = spec, None, False, False
                skip_to = titled[1]
                continue
            if in_toc or part is None:
                continue
            if (match := _SECTION.match(text)) and (
                spec := self.specs.get(f"{part.code}.{match['numeral']}")
            ):
                titled = self.title_of(spec, number, match["title"].strip())
                later = section is None or numeral_value(spec.numeral) > numeral_value(
                    section.numeral
                )
                if titled and (not in_block or later):
                    self.add(number, spec, *titled)
                    section, in_block = spec, False
                    skip_to = titled[1]
                continue
            if in_block or section is None:
                continue
            if (match := _SUBSECTION.match(text)) and (
                spec := self.specs.get(f"{section.code}({match['numeral']})")
            ):
                if titled := self.title_of(spec, number, match["title"].strip()):
                    self.add(number, spec, *titled)
                    skip_to = titled[1]
                continue
            block = next(
                (
                    s
                    for s in self.template.sections
                    if s.level == "block"
                    and s.code.startswith(section.code + ".")
                    and normal_heading(text).startswith(s.titles)
                ),
                None,
            )
            if block:
                # A block (the self-evaluation tables) runs to the next section of the part.
                self.add(number, block, block.label or text, number)
                in_block = True
        return self.headings

    def add(self, number: int, spec: SectionSpec, title: str, last_line: int) -> None:
        if any(h.spec is spec for h in self.headings):
            what = (
                f"第{_part_numeral(spec)}部分" if spec.level == "part" else _LEVEL_WORDS[spec.level]
            )
            raise ExtractionError(
                self.document.source_file,
                f"{what} appears twice",
                section=spec.code,
                line=number,
                page=self.document.page_of(number),
            )
        self.headings.append(_Heading(number, last_line, spec, title))


def _part_numeral(spec: SectionSpec) -> str:
    return NUMERALS[int(spec.code) - 1] if int(spec.code) <= len(NUMERALS) else spec.code


def split_sections(document: Document) -> list[Section]:
    """Sections in document order, each line in exactly one; ExtractionError if a section
    the template requires is missing, repeated or out of order."""
    sections = headings_found(document)
    check_sections(document, document.template, sections)
    return sections


def headings_found(document: Document) -> list[Section]:
    """The sections whose headings the document prints, unchecked (ExtractionError only for a
    heading printed twice)."""
    headings = _Reader(document, document.template).read()
    return [
        Section(
            code=h.spec.code if h.spec else TOC_CODE,
            title=h.title,
            kind=_KINDS.get(h.spec.parse, KIND_NARRATIVE) if h.spec else KIND_FRAME,
            heading_line=h.line,
            first_line=h.last_line + 1,
            last_line=(headings[i + 1].line - 1) if i + 1 < len(headings) else len(document.lines),
            topic=h.spec.topic if h.spec else None,
            parse=h.spec.parse if h.spec else "frame",
            printed_department=named_department(h.spec, h.title) if h.spec else None,
        )
        for i, h in enumerate(headings)
    ]


_YEAR_WORDS = re.compile(r"\d{4}\s*年度?")


def named_department(spec: SectionSpec, title: str) -> str | None:
    """The department a heading names before its title (`上海市普陀区财政局2024年度部门决算表` →
    上海市普陀区财政局), where the template says its headings name it."""
    if not spec.names_department:
        return None
    text = normal_heading(title)
    for known in spec.titles:
        if known in text:
            return _YEAR_WORDS.sub("", text[: text.index(known)]) or None
    return None


def missing_sections(template: Template, sections: list[Section]) -> list[SectionSpec]:
    found = {s.code for s in sections}
    return [spec for spec in template.sections if spec.required and spec.code not in found]


def check_sections(document: Document, template: Template, sections: list[Section]) -> None:
    """Every required section present, in template order."""
    found = {s.code: s for s in sections}
    required = [spec for spec in template.sections if spec.required]
    if missing := missing_sections(template, sections):
        last = len(document.lines)
        first = missing[0]
        names = ", ".join(f"{spec.code} {spec.name}" for spec in missing)
        if required[-1] in missing:
            raise ExtractionError(
                document.source_file,
                f"missing section(s): {names}; the text ends at line {last} — "
                "the file looks truncated",
                section=first.code,
                line=last,
                page=document.page_of(last),
            )
        # Where the first missing section should have started: before the next one found.
        following = [
            found[spec.code] for spec in required[required.index(first) + 1 :] if spec.code in found
        ]
        expected_before = min((s.heading_line for s in following), default=last)
        raise ExtractionError(
            document.source_file,
            f"missing section(s): {names} (expected before line {expected_before})",
            section=first.code,
            line=expected_before,
            page=document.page_of(expected_before),
        )
    order = [found[spec.code].heading_line for spec in required]
    for spec, previous, current in zip(required[1:], order, order[1:], strict=False):
        if current < previous:
            raise ExtractionError(
                document.source_file,
                "section out of template order",
                section=spec.code,
                line=found[spec.code].heading_line,
                page=document.page_of(found[spec.code].heading_line),
            )


@dataclass(frozen=True)
class TocEntry:
    """A line of the table of contents: the part, section or subsection it names."""

    code: str | None  # "2", "2.五", "2.五(一)"; None for a line in no numbering form
    level: str  # part, section, subsection, or text (a line in no numbering form)
    title: str  # as printed, after its numbering
    source_line: int
    printed_department: str | None = None  # the department a part's entry names


_BULLET = re.compile(r"^\s*(?:#+\s*|[-*•]\s+)")


def toc_entries(document: Document, sections: list[Section]) -> list[TocEntry]:
    """Every non-blank line of the table of contents as an entry, coded by the numbering it
    prints within the part it is listed under (the document's structure, not the
    template's: a 目录 may list what the document lacks)."""
    toc = next((s for s in sections if s.code == TOC_CODE), None)
    if toc is None:
        return []
    entries = []
    part = section = None
    specs = {spec.code: spec for spec in document.template.sections}
    for number in range(toc.first_line, toc.last_line + 1):
        text = _BULLET.sub("", document.line(number)).strip()
        if not text:
            continue
        if match := _PART.match(text):
            part, section = str(numeral_value(match["numeral"])), None
            spec = specs.get(part)
            title = match["title"].strip()
            named = named_department(spec, title) if spec else None
            entries.append(TocEntry(part, "part", title, number, named))
        elif part and (match := _SECTION.match(text)):
            section = f"{part}.{match['numeral']}"
            entries.append(TocEntry(section, "section", match["title"].strip(), number))
        elif section and (match := _SUBSECTION.match(text)):
            code = f"{section}({match['numeral']})"
            entries.append(TocEntry(code, "subsection", match["title"].strip(), number))
        else:
            entries.append(TocEntry(None, "text", text, number))
    return entries

"""Names: the project name, the 主管部门 and the 实施单位 of a table, and the totals section
十一 declares for the tables.

Patterns relied on:
- the name cells follow the `项目名称` cell (wrapped over several cells, sometimes starting
  on the line above); the cell after it may carry the text of the 主管部门/实施单位 row
  (*bleed*: `<name> 乌鲁木齐市人力资源和社会保障局 实施单位 乌鲁木齐市社会保险中心`);
- the 主管部门 row is `主管部门 | <dept pieces> | 实施单位 | <unit pieces>`; at a wrap the
  PDF repeats the boundary character, often misread (`乌鲁木齐ī | 市人力资源和社 | 土会保障局`);
- the legible names of the department and of its budget units are printed in the title
  (line 1) and in the list of units in scope (第一部分 二、`…下属预算单位包括:` `1. …`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from difflib import SequenceMatcher

from ...document import Document
from ...numbers import parse_printed_number
from ...performance_records import DeclaredTotals, MissingCell, Recovery
from ...sections import Section
from .cells import TEXT_FIXES, Cell, apply_fixes, join_fragments, looks_garbled
from .layout import COMPETENT_LABEL, PROJECT_NAME_LABEL, UNIT_LABEL, TableLayout
from .notes import Notes

# Debris at the edges of a name piece: `· 运营费`, `息中心(乌财:`, `` ` ``.
_EDGE_STRAY = "·`•ı'\"|.,,、:: ;-_/ īĪ"
# Markers of the OCR layer that prints a name it cannot read (`` ` `` cell, `·` piece).
_OCR_MARKERS = ("`", "·")
# A document number printed with round or square brackets: `乌财社(2024) 67号`.
_DOCUMENT_NUMBER = re.compile(r"([\u4e00-\u9fff])[(\(【\[](\d{4})[)\)】\]](\d+号)")
# The line that introduces the budget units in scope, and its numbered items.
_UNITS_INTRO = re.compile(r"预算单位包括")
_NUMBERED = re.compile(r"^\s*-?\s*\d+\.\s*(\S.*?)\s*$")
# Section 十一's sentence on the tables (compacted).
_DEPARTMENT_TOTALS = re.compile(
    r"整体支出绩效自评表?(\d+)个,全年预算总额([\d,.]+)万元,实际执行总额([\d,.]+)万元"
)
_PROJECT_TOTALS = re.compile(r"项目(\d+)个,全年预算数([\d,.]+)万元,全年执行数([\d,.]+)万元")
_SECTION_ELEVEN = re.compile(r"^#+\s*十一、")

MATCH_THRESHOLD = 0.75
ENDING_MATCH_THRESHOLD = 0.6
MATCH_MARGIN = 0.05


@dataclass(frozen=True)
class Reference:
    """A legible name printed elsewhere in the document."""

    name: str
    line: int
    rule: str


def references(document: Document) -> list[Reference]:
    """The department (title) and the budget units in scope (第一部分 二)."""
    refs = [Reference(document.department_name, 1, "department_name_in_title")]
    intro = next(
        (n for n, raw in enumerate(document.lines, start=1) if _UNITS_INTRO.search(raw)), None
    )
    if intro is None:
        return refs
    for number in range(intro + 1, len(document.lines) + 1):
        raw = document.line(number)
        if not raw.strip():
            continue
        match = _NUMBERED.match(raw)
        if not match:
            break
        name = re.sub(r"[。;;]+$", "", re.sub(r"\s+", "", match[1]).removesuffix("(本级)"))
        if name != document.department_name:
            refs.append(Reference(name, number, "budget_unit_list"))
    return refs


def declared_totals(document: Document, section: Section) -> DeclaredTotals | None:
    """The counts and totals section 十一 states before the tables."""
    start = next(
        (
            n
            for n in range(section.heading_line - 1, 0, -1)
            if _SECTION_ELEVEN.match(document.line(n).strip())
        ),
        None,
    )
    if start is None:
        return None
    for number in range(start + 1, section.heading_line):
        raw = document.line(number)
        text = re.sub(r"\s+", "", raw).replace(",", ",").replace(";", ";")
        project = _PROJECT_TOTALS.search(text)
        if not project:
            continue
        department = _DEPARTMENT_TOTALS.search(text)
        return DeclaredTotals(
            project_count=int(project[1]),
            project_annual_budget=_amount(project[2]),
            project_executed=_amount(project[3]),
            department_annual_budget=_amount(department[2]) if department else None,
            department_executed=_amount(department[3]) if department else None,
            source_line=number,
            raw_text=raw,
        )
    return None


def _amount(text: str) -> Decimal | None:
    number = parse_printed_number(text.rstrip("."))
    return number.value if number else None


# ---------------------------------------------------------------------------------------
# Bleed: `<name> <department> 实施单位 <unit>` in one cell
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bleed:
    name_part: str  # what precedes the department (a project name, or nothing)
    department: str | None
    unit: str | None
    line: int


def split_bleed(text: str, department_name: str, line: int) -> Bleed | None:
    """Split `<name> <department> 实施单位 <unit>`; None when the text has no 实施单位."""
    if UNIT_LABEL not in text:
        return None
    before, _, after = text.partition(UNIT_LABEL)
    before = before.strip()
    department = None
    squeezed = re.sub(r"\s+", "", before)
    for size in range(len(department_name), 5, -1):
        suffix = department_name[-size:]
        if squeezed.endswith(suffix):
            department = department_name if size >= len(department_name) - 1 else suffix
            cut = _cut_suffix(before, suffix)
            tokens = cut.split()
            if tokens and len(tokens[-1]) <= 1:  # a misread first character: `3 鲁木齐市…`
                tokens = tokens[:-1]
            before = " ".join(tokens)
            break
    unit = re.sub(r"\s+", "", after).strip(_EDGE_STRAY) or None
    return Bleed(before.strip(), department, unit, line)


def _cut_suffix(text: str, suffix: str) -> str:
    """text without the trailing suffix (whitespace inside text ignored)."""
    kept = len(suffix)
    i = len(text)
    while kept and i:
        i -= 1
        if not text[i].isspace():
            kept -= 1
    return text[:i]


# ---------------------------------------------------------------------------------------
# The project name
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NameResult:
    raw_name: str
    name: str | None
    quality: str
    source_line: int
    bleed: Bleed | None


def name_cells(layout: TableLayout) -> list[tuple[int, Cell]]:
    """(line, cell) of the name pieces: the preamble's cells, then those after 项目名称."""
    pieces = []
    for line in layout.name_lines:
        cells = line.cells
        if line is layout.name_line:
            label = next(c.index for c in line.filled if c.compact == PROJECT_NAME_LABEL)
            cells = tuple(c for c in cells if c.index > label)
        pieces += [(line.number, c) for c in cells if not c.embedded]
    return pieces


def clean_name(text: str) -> tuple[str, tuple[str, ...]]:
    """A name without whitespace, with glyphs repaired and document numbers in 〔〕."""
    squeezed = re.sub(r"\s+", "", text)
    repaired, fixes = apply_fixes(squeezed, TEXT_FIXES)
    repaired = _DOCUMENT_NUMBER.sub(r"\1〔\2〕\3", repaired)
    return repaired, fixes


def project_name(layout: TableLayout, document: Document, notes: Notes) -> NameResult:
    """The cleaned project name with its quality; recovers a name printed elsewhere in the
    table when its own line has none."""
    assert layout.name_line is not None
    pieces = name_cells(layout)
    raw_name = " | ".join(c.text for _, c in pieces if c.text)
    markers = any(c.compact in _OCR_MARKERS for _, c in pieces)
    lost_markup = any(c.raw.strip() and not c.text for _, c in pieces)  # `<b></b>`
    texts: list[str] = []
    gaps = False
    seen_text = False
    pending_gap = False
    bleed = None
    for _, cell in pieces:
        text = cell.text
        if UNIT_LABEL in text:
            bleed = split_bleed(text, document.department_name, layout.name_line.number)
            text = bleed.name_part if bleed else text
        piece = text.strip(_EDGE_STRAY)
        if not piece or (len(piece) == 1 and piece.isdigit()):
            pending_gap = seen_text
            continue
        if pending_gap:
            gaps = True
        pending_gap = False
        seen_text = True
        texts.append(re.sub(r"\s+", "", piece))
    joined = join_fragments(texts, boundary_duplicates=True)
    plain = "".join(texts)
    name, fixes = clean_name(joined)
    line = layout.name_line.number
    if not name:
        recovered = _name_from_department_row(layout, document)
        if recovered:
            text, source = recovered
            name, _ = clean_name(text)
            notes.recoveries.append(
                Recovery(
                    layout.table_id, "project_name", name, source, line, "name_in_department_row"
                )
            )
            return NameResult(raw_name, name, "recovered", source, bleed)
        notes.missing.append(
            MissingCell(layout.table_id, "project_name", line, "no name cells after 项目名称")
        )
        return NameResult(raw_name, None, "missing", line, bleed)
    garbled = (
        gaps
        or lost_markup
        or looks_garbled(name)
        or len(name) <= 3
        or name.count("(") + name.count("(") != name.count(")") + name.count(")")
        or bool(re.search(r"\d$", name))
        or bool(re.match(r"\d{1,2}[^\d]", name))
        or (markers and joined == plain and len(texts) > 1)
        or (markers and len(texts) == 1 and not fixes)
    )
    if garbled:
        quality = "garbled"
    elif fixes or joined != plain or markers or texts != [t for t in texts if t]:
        quality = "repaired"
    else:
        quality = "clean"
    return NameResult(raw_name, name, quality, line, bleed)


def _name_from_department_row(layout: TableLayout, document: Document) -> tuple[str, int] | None:
    """A project name printed in the 主管部门 row: a long cell that is no unit's name."""
    line = layout.department_line
    if line is None:
        return None
    refs = [document.department_name]
    for cell in line.filled:
        text = cell.compact
        if text in (COMPETENT_LABEL, UNIT_LABEL) or len(text) < 6:
            continue
        if UNIT_LABEL in cell.text:
            bleed = split_bleed(cell.text, document.department_name, line.number)
            if bleed and len(re.sub(r"\s+", "", bleed.name_part)) >= 6:
                return bleed.name_part, line.number
            continue
        if max(similarity(text, r) for r in refs) < MATCH_THRESHOLD and not any(
            w in text for w in ("中心", "局", "院", "支队")
        ):
            return cell.text, line.number
    return None


# ---------------------------------------------------------------------------------------
# 主管部门 and 实施单位
# ---------------------------------------------------------------------------------------


def similarity(a: str, b: str) -> float:
    """How alike two names are: the better of the sequence ratio and the overlap of their
    characters (the OCR reorders pieces of two-line cells)."""
    if not a or not b:
        return 0.0
    ratio = SequenceMatcher(None, a, b).ratio()
    pool = list(b)
    common = 0
    for ch in a:
        if ch in pool:
            pool.remove(ch)
            common += 1
    dice = 2 * common / (len(a) + len(b))
    return max(ratio, dice)


def match_reference(text: str, refs: list[Reference]) -> Reference | None:
    """The reference name text is a misprint of, if one stands out. A text ending like a
    kind of body (…局, …中心, …院, …支队) is compared with the bodies of that kind only,
    with a lower bar."""
    if not text or not refs:
        return None
    threshold = MATCH_THRESHOLD
    ending = next((e for e in _BODY_ENDINGS if text.endswith(e)), None)
    if ending:
        kind = [r for r in refs if r.name.endswith(ending)]
        if kind:
            refs, threshold = kind, ENDING_MATCH_THRESHOLD
    scored = sorted(((similarity(text, r.name), r) for r in refs), key=lambda s: -s[0])
    best_score, best = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else 0.0
    if best_score >= threshold and best_score - runner_up >= MATCH_MARGIN:
        return best
    return None


# Endings that say what kind of body a name is.
_BODY_ENDINGS = ("局", "中心", "中心)", "院", "支队")


@dataclass(frozen=True)
class UnitsResult:
    competent_raw: str | None
    competent: str | None
    unit_raw: str | None
    unit: str | None


def department_and_unit(
    layout: TableLayout,
    document: Document,
    refs: list[Reference],
    bleed: Bleed | None,
    notes: Notes,
) -> UnitsResult:
    """主管部门 and 实施单位 as printed and cleaned (recovered from the name row's bleed or
    from the document's own list of names when misprinted)."""
    line = layout.department_line
    competent_pieces: list[str] = []
    unit_pieces: list[str] = []
    row_bleed = None
    if line is not None:
        target = None
        for cell in line.filled:
            if cell.compact == COMPETENT_LABEL:
                target = competent_pieces
                continue
            if cell.compact == UNIT_LABEL:
                target = unit_pieces
                continue
            if UNIT_LABEL in cell.text and target is competent_pieces:
                row_bleed = split_bleed(cell.text, document.department_name, line.number)
                if row_bleed:
                    if row_bleed.department:
                        competent_pieces.append(row_bleed.department)
                    if row_bleed.unit:
                        unit_pieces.append(row_bleed.unit)
                    target = unit_pieces
                    continue
            if target is competent_pieces and _is_name_bleed(cell.compact, refs):
                continue  # the project name printed in the 主管部门 row
            if target is not None:
                target.append(cell.text)
    number = line.number if line else layout.name_line.number  # type: ignore[union-attr]
    competent_raw = " | ".join(competent_pieces) or None
    unit_raw = " | ".join(unit_pieces) or None
    competent = _resolve(
        layout.table_id,
        "competent_department",
        competent_pieces,
        bleed.department if bleed else None,
        bleed.line if bleed else None,
        refs,
        number,
        notes,
    )
    unit = _resolve(
        layout.table_id,
        "implementing_unit",
        unit_pieces,
        bleed.unit if bleed else None,
        bleed.line if bleed else None,
        refs,
        number,
        notes,
    )
    return UnitsResult(competent_raw, competent, unit_raw, unit)


def _resolve(
    table_id: str,
    field: str,
    pieces: list[str],
    bled: str | None,
    bled_line: int | None,
    refs: list[Reference],
    line: int,
    notes: Notes,
) -> str | None:
    cleaned = [re.sub(r"\s+", "", p).strip(_EDGE_STRAY) for p in pieces]
    printed = join_fragments(
        [c for c in cleaned if c and not _is_header_debris(c)], boundary_duplicates=True
    )
    names = {r.name for r in refs}
    if printed in names:
        return printed
    if bled and (bled in names or not names):
        notes.recoveries.append(
            Recovery(table_id, field, bled, bled_line or line, line, "bleed_in_name_row")
        )
        return bled
    match = match_reference(printed, refs)
    if match:
        notes.recoveries.append(Recovery(table_id, field, match.name, match.line, line, match.rule))
        return match.name
    if bled:
        notes.recoveries.append(
            Recovery(table_id, field, bled, bled_line or line, line, "bleed_in_name_row")
        )
        return bled
    if printed:
        return printed
    notes.missing.append(
        MissingCell(table_id, field, line, f"no {field} cells in the 主管部门 row")
    )
    return None


def _is_name_bleed(text: str, refs: list[Reference]) -> bool:
    return len(text) >= 8 and all(similarity(text, r.name) < 0.5 for r in refs)


def _is_header_debris(text: str) -> bool:
    return any(w in text for w in ("年初预算", "全年预算", "全年执行"))

"""Indicator rows of a table: anchors and fragments (lines.py) → rows → Indicator records.

Rules, in the order they run:
1. *Columns*: the table's usual target and 得分 columns are the medians over its anchors;
   fragment cells are read by the column they fall in.
2. *Fragments to anchors*: the fragment lines between two anchors are split between the
   row above and the row below, for the whole table at once (a dynamic programme): each
   row's name should end like a name (…率, …数, …费), its wrapped lines should sit about
   evenly above and below its values, a unit piece follows the value it completes, a
   value's head (`完全达到`) goes down and its tail (`预期目标`) up, a label goes with the
   row that prints it, a reprinted number fills an empty 分值/得分. Reason pieces continue
   the reason above until it ends with `。`, then open the next one.
3. *Layers*: an anchor whose target and actual are both unreadable is an OCR reprint of
   the nearest readable anchor (`garbage_layer`); two adjacent anchors that complete each
   other (one has the values, the other the numbers) are one row (`complementary_layer`);
   two adjacent anchors with alike names and equal values are one row printed twice
   (`duplicate_row`). Differing values between printings are conflicts, kept with both
   values; the readable layer wins over the garbage one, else the printing that makes the
   table's 总分 (P4) or 100 (P5) hold, else the first printed.
4. *Merged rows*: two rows printed as one line are split: targets and actuals each
   holding two values (`=37 人 =1 家`), or a target and an actual in units that cannot
   measure the same thing (`>=97%` next to `=3.1万元`).
5. *Levels*: a label printed on a row's own line is that row's; the merged 一级/二级 cells
   print their label once, near their vertical middle, so the other rows are grouped into
   consecutive merged cells, one per printed label, each as centred on its label as the
   labels allow; a 一级 follows from the 二级 (数量/质量/时效 → 产出 …).
6. *Recoveries*: an actual missing from its row but listed in a fragment with the actuals
   of its neighbours (one of them anchors the sequence); a name missing from the rows but
   legible in an embedded copy of the table (matched by 分值, 得分 and unit).
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from decimal import Decimal

from ...performance_records import (
    Conflict,
    Indicator,
    IndicatorValue,
    LayerNote,
    MissingCell,
    Recovery,
)
from .cells import Line, join_fragments, looks_garbled, strip_markup
from .layout import TableLayout
from .lines import (
    LEVEL2_TO_LEVEL1,
    Label,
    ParsedLine,
    Piece,
    classify_fragment,
    is_unit_fragment,
    label_tokens,
    levels_of,
    mark_lost_row,
    parse_project_line,
)
from .notes import Notes
from .values import (
    OPERATOR_START,
    compact,
    is_score,
    parse_score,
    parse_value,
    split_values,
    units_compatible,
)

SLOTS = ("target", "actual", "weight", "score")
DEFAULT_TARGET_INDEX = 4.0
DEFAULT_SCORE_GAP = 3.0
LOST_ROW_DISTANCE = 3  # non-blank lines to the nearest anchor for a row to count as lost


@dataclass
class Candidate:
    text: str
    line: int
    garbage: bool  # printed by a garbage layer
    recovered_rule: str | None = None  # read from a wrapped line, not the row's own cell


@dataclass
class Row:
    """One indicator row being assembled from its anchors and fragments."""

    anchors: list[ParsedLine]
    name_pieces: list[Piece] = field(default_factory=list)
    reason_pieces: list[Piece] = field(default_factory=list)
    basis_pieces: list[Piece] = field(default_factory=list)
    candidates: dict[str, list[Candidate]] = field(default_factory=dict)
    name: str | None = None
    name_quality: str = "missing"
    values: dict[str, Candidate | None] = field(default_factory=dict)
    level1: str | None = None
    level1_source: str | None = None
    level2: str | None = None
    level2_source: str | None = None
    lost: bool = False
    reason_override: str | None = None
    missing_reasons: dict[str, str] = field(default_factory=dict)
    # (slot, kept, other, resolution) for printings that disagree
    conflicts: list[tuple[str, Candidate, Candidate, str]] = field(default_factory=list)
    duplicate_lines: set[int] = field(default_factory=set)  # anchors that reprint the row

    @property
    def primary(self) -> ParsedLine:
        return self.anchors[0]

    @property
    def lines(self) -> list[int]:
        numbers = [a.number for a in self.anchors]
        numbers += [p.line for p in self.name_pieces + self.reason_pieces + self.basis_pieces]
        return numbers


# ---------------------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------------------


def project_indicators(layout: TableLayout, notes: Notes) -> list[Indicator]:
    lines = [ln for ln in layout.indicator_lines if not ln.blank]
    parsed = [parse_project_line(ln) for ln in lines]
    return _assemble(layout, parsed, notes, department=False)


def department_indicators(layout: TableLayout, notes: Notes) -> list[Indicator]:
    """The department table has fixed columns (一级 二级 三级 预期指标值 指标值设定依据
    实际完成指标值 分值权重 得分): its rows are read by the header's cell positions."""
    header = {c.compact: c.index for line in layout.indicator_header for c in line.filled}
    columns = {
        "name": header.get("三级指标", 2),
        "target": header.get("预期指标值", 3),
        "basis": header.get("指标值设定依据", 4),
        "actual": header.get("实际完成指标值", 5),
        "weight": header.get("分值权重", 6),
        "score": header.get("得分", 7),
    }
    parsed = []
    for line in layout.indicator_lines:
        if line.blank:
            continue
        parsed.append(_department_line(line, columns))
    return _assemble(layout, parsed, notes, department=True, columns=columns)


def _department_line(line: Line, columns: dict[str, int]) -> ParsedLine:
    parsed = ParsedLine(line)
    by_index = {c.index: c for c in line.filled}
    target = by_index.get(columns["target"])
    if target is None or parse_value(target.text).kind == "unreadable":
        return parsed
    parsed.anchor = True
    parsed.target = Piece(line.number, target.index, target.text)
    for slot in ("actual", "weight", "score"):
        cell = by_index.get(columns[slot])
        if cell is not None:
            setattr(parsed, slot, Piece(line.number, cell.index, cell.text))
    basis = by_index.get(columns["basis"])
    if basis is not None:
        parsed.basis.append(Piece(line.number, basis.index, basis.text))
    name = by_index.get(columns["name"])
    if name is not None:
        parsed.name.append(Piece(line.number, name.index, name.text))
    for cell in line.filled:
        if cell.index < columns["name"]:
            level1, level2 = levels_of(label_tokens(cell.text)[0], department=True)
            if level1:
                parsed.labels.append(Label(line.number, 1, level1))
            if level2:
                parsed.labels.append(Label(line.number, 2, level2))
    parsed.target_index = columns["target"]
    parsed.score_index = columns["score"]
    return parsed


# ---------------------------------------------------------------------------------------
# Assembly
# ---------------------------------------------------------------------------------------


def _assemble(
    layout: TableLayout,
    parsed: list[ParsedLine],
    notes: Notes,
    *,
    department: bool,
    columns: dict[str, int] | None = None,
) -> list[Indicator]:
    table_id = layout.table_id
    parsed = [p for p in parsed if not p.total]
    anchors = [p for p in parsed if p.anchor]
    target_index, score_index = _columns(anchors, columns)
    for p in parsed:
        if not p.anchor:
            classify_fragment(p, target_index, score_index, department)
    _filter_name_cells(anchors, target_index, notes, table_id)
    position = {p.number: i for i, p in enumerate(parsed)}
    for p in parsed:
        if (
            not p.anchor
            and mark_lost_row(p)
            and p.name
            and _distance_to_anchor(p, anchors, position) >= LOST_ROW_DISTANCE
        ):
            p.anchor = True
            p.lost_row = True
    anchors = [p for p in parsed if p.anchor]
    if not anchors:
        return []
    extras = _attach_fragments(parsed, anchors, position, notes, table_id)
    rows = _group(anchors, extras, position, notes, table_id)
    for row in rows:
        _resolve_row(row, extras, notes, table_id)
    _resolve_pending_conflicts(rows)
    rows = _split_merged(rows, notes, table_id)
    _recover_from_value_pieces(rows, parsed, notes, table_id)
    _recover_from_embedded(rows, layout, notes, table_id)
    for row in rows:
        row.lost = row.primary.lost_row
    _assign_levels(rows, parsed, department)
    return [_record(row, seq, table_id, notes) for seq, row in enumerate(rows, start=1)]


def _columns(anchors: list[ParsedLine], columns: dict[str, int] | None) -> tuple[float, float]:
    if columns:
        return float(columns["target"]), float(columns["score"])
    targets = [a.target_index for a in anchors if a.target_index is not None]
    scores = [a.score_index for a in anchors if a.score_index is not None]
    target = float(statistics.median(targets)) if targets else DEFAULT_TARGET_INDEX
    score = float(statistics.median(scores)) if scores else target + DEFAULT_SCORE_GAP
    return target, score


def _filter_name_cells(
    anchors: list[ParsedLine], target_index: float, notes: Notes, table_id: str
) -> None:
    """Name cells of an anchor left of the table's name column stand in the label
    columns: OCR debris of the merged 一级/二级 cells (`数里 疳协`)."""
    for anchor in anchors:
        if len(anchor.name) < 2:
            continue
        keep = anchor.name[-1:]
        for piece in reversed(anchor.name[:-1]):
            if piece.index >= target_index - 1:
                keep.insert(0, piece)
        for piece in anchor.name:
            if piece not in keep:
                anchor.garbage.append(piece)
        anchor.name = keep
    for anchor in anchors:
        for piece in anchor.garbage:
            notes.layers.append(
                LayerNote(table_id, piece.line, "garbage_cell", anchor.number, piece.text)
            )


def _distance_to_anchor(p: ParsedLine, anchors: list[ParsedLine], position: dict[int, int]) -> int:
    if not anchors:
        return 10**6
    return min(abs(position[p.number] - position[a.number]) for a in anchors)


def _nearest(
    p: ParsedLine, anchors: list[ParsedLine], position: dict[int, int], prefer: str = "above"
) -> ParsedLine:
    here = position[p.number]

    def key(a: ParsedLine) -> tuple[int, int]:
        distance = abs(position[a.number] - here)
        above = position[a.number] < here
        tie = 0 if (above if prefer == "above" else not above) else 1
        return distance, tie

    return min(anchors, key=key)


@dataclass
class Extras:
    """What fragments brought to each anchor (by anchor line)."""

    names: dict[int, list[Piece]] = field(default_factory=dict)
    reasons_before: dict[int, list[Piece]] = field(default_factory=dict)
    reasons_after: dict[int, list[Piece]] = field(default_factory=dict)
    basis: dict[int, list[Piece]] = field(default_factory=dict)
    units: dict[int, list[list[Piece]]] = field(default_factory=dict)
    numbers: dict[int, list[Piece]] = field(default_factory=dict)
    value_text: dict[int, list[Piece]] = field(default_factory=dict)


# Last characters of a complete indicator name (a measure, a rate, an amount, a deadline …):
# a name piece ending otherwise continues on the next line.
_NAME_ENDINGS = set("率数量额度费次期本间性效)）%校赛担")
BALANCE_WEIGHT = 0.2
OPEN_NAME_PENALTY = 1.0
MISPLACED_PIECE_PENALTY = 2.0
MISPLACED_UNIT_PENALTY = 1.5
MISPLACED_NUMBER_PENALTY = 1.5
UP_PREFERENCE = 0.01  # breaks ties: a wrapped line continues the row above


@dataclass
class Block:
    """Anchors on adjacent lines (no fragment line between them)."""

    anchors: list[ParsedLine]

    @property
    def key(self) -> int:
        return self.anchors[0].number

    def own_names(self) -> list[Piece]:
        return [p for a in self.anchors for p in a.name]

    def incomplete(self) -> bool:
        """A value that waits for a unit piece (or a deadline for its 前)."""
        for anchor in self.anchors:
            for slot in ("target", "actual"):
                piece = getattr(anchor, slot)
                if piece is not None and (
                    _incomplete(piece.text, "元") or _incomplete(piece.text, "前")
                ):
                    return True
        return False

    def labels(self) -> set[str]:
        return {label.value for a in self.anchors for label in a.labels}

    def numbers_missing(self) -> bool:
        return all(
            not (a.weight and is_score(a.weight.text) and a.score and is_score(a.score.text))
            for a in self.anchors
        )


def _stray_only(p: ParsedLine) -> bool:
    return not (
        p.name
        or p.units
        or p.numbers
        or p.value_text
        or p.reason
        or p.value_pieces
        or p.labels
        or p.basis
    )


def _attach_fragments(
    parsed: list[ParsedLine],
    anchors: list[ParsedLine],
    position: dict[int, int],
    notes: Notes,
    table_id: str,
) -> Extras:
    """Give every fragment line to the row above or below it. Between two rows, the split
    is chosen for the whole table at once: each row's name should end like a name, its
    wrapped lines should sit as evenly above and below its values as the page allows,
    unit pieces follow the value they complete, a value's head (`完全达到`) goes down, a
    tail (`预期目标`) up. Reason pieces follow the 。 rule."""
    extras = Extras()
    blocks: list[Block] = []
    gaps: list[list[ParsedLine]] = [[]]
    for p in parsed:
        if p.anchor:
            if blocks and not gaps[-1]:
                blocks[-1].anchors.append(p)
            else:
                blocks.append(Block([p]))
                gaps.append([])
        elif not _stray_only(p):
            gaps[-1].append(p)
    # gaps[0] lies before the first block, gaps[j] between block j-1 and j, gaps[-1] after
    splits = _choose_splits(blocks, gaps)
    for j, block in enumerate(blocks):
        before = gaps[j][splits[j] :] if j > 0 else gaps[0]
        after = gaps[j + 1][: splits[j + 1]] if j + 1 < len(blocks) else gaps[j + 1]
        for p in before + after:
            key = block.key if p in before else block.anchors[-1].number
            _give(extras, p, key, below=p in after)
            for piece in p.garbage:
                notes.layers.append(
                    LayerNote(table_id, piece.line, "garbage_cell", key, piece.text)
                )
    # Reasons: a reason continues until it ends with 。; pieces after an ended (or
    # empty) reason open the next anchor's reason.
    last: ParsedLine | None = None
    pending: list[Piece] = []
    for p in parsed:
        if p.anchor:
            if pending:
                extras.reasons_before.setdefault(p.number, []).extend(pending)
                pending = []
            last = p
            continue
        if not p.reason:
            continue
        if last is not None:
            text = _reason_text(
                extras.reasons_before.get(last.number, [])
                + last.reason
                + extras.reasons_after.get(last.number, [])
            )
            if text and not text.endswith(("。", ".")):
                extras.reasons_after.setdefault(last.number, []).extend(p.reason)
                continue
        pending.extend(p.reason)
    if pending and last is not None:
        extras.reasons_after.setdefault(last.number, []).extend(pending)
    return extras


def _give(extras: Extras, p: ParsedLine, key: int, *, below: bool) -> None:
    if p.name:
        extras.names.setdefault(key, []).extend(p.name)
    if p.basis:
        extras.basis.setdefault(key, []).extend(p.basis)
    if p.units:
        extras.units.setdefault(key, []).append(p.units)
    if p.numbers:
        extras.numbers.setdefault(key, []).extend(p.numbers)
    if p.value_text and below:
        extras.value_text.setdefault(key, []).extend(
            t for t in p.value_text if _VALUE_TAIL.fullmatch(compact(t.text))
        )


_VALUE_TAIL = re.compile(r"(?:预期|预期目标|预期效果|达到预期|目标)")


def _choose_splits(blocks: list[Block], gaps: list[list[ParsedLine]]) -> list[int]:
    """splits[j] for each gap j between block j-1 and j: how many of its lines go up.
    A dynamic programme over the blocks (each row's cost depends on the gap above and
    the gap below it)."""
    count = len(blocks)
    splits = [0] * (count + 1)
    if count <= 1:
        return splits
    # best[j][s]: cost of rows 0..j-1 when gap j sends s lines up
    best: list[dict[int, tuple[float, int]]] = [dict() for _ in range(count)]
    for s in range(len(gaps[1]) + 1):
        cost = _row_cost(blocks[0], gaps[0], gaps[1][:s]) + _gap_cost(
            blocks[0], blocks[1], gaps[1], s
        )
        best[1][s] = (cost, 0)
    for j in range(2, count):
        for s in range(len(gaps[j]) + 1):
            options = []
            for previous, (cost, _) in best[j - 1].items():
                prefix = gaps[j - 1][previous:]
                total = cost + _row_cost(blocks[j - 1], prefix, gaps[j][:s])
                total += _gap_cost(blocks[j - 1], blocks[j], gaps[j], s)
                options.append((total, previous))
            best[j][s] = min(options)
    final = min(
        (cost + _row_cost(blocks[-1], gaps[count - 1][s:], gaps[count]), s)
        for s, (cost, _) in best[count - 1].items()
    )
    s = final[1]
    for j in range(count - 1, 0, -1):
        splits[j] = s
        s = best[j][s][1]
    return splits


def _row_cost(block: Block, above: list[ParsedLine], below: list[ParsedLine]) -> float:
    names_above = [p for p in above if p.name]
    names_below = [p for p in below if p.name]
    pieces = [n for p in names_above for n in p.name] + block.own_names()
    pieces += [n for p in names_below for n in p.name]
    name = "".join(compact(p.text) for p in pieces)
    cost = BALANCE_WEIGHT * abs(len(names_above) - len(names_below))
    if name and name[-1] not in _NAME_ENDINGS:
        cost += OPEN_NAME_PENALTY
    return cost


def _gap_cost(upper: Block, lower: Block, gap: list[ParsedLine], s: int) -> float:
    cost = -UP_PREFERENCE * s
    for k, p in enumerate(gap):
        goes_up = k < s
        heads = [t for t in p.value_text if not _VALUE_TAIL.fullmatch(compact(t.text))]
        tails = [t for t in p.value_text if _VALUE_TAIL.fullmatch(compact(t.text))]
        if goes_up and heads:
            cost += MISPLACED_PIECE_PENALTY
        if not goes_up and tails:
            cost += MISPLACED_PIECE_PENALTY
        if p.units:
            if goes_up and not upper.incomplete() and lower.incomplete():
                cost += MISPLACED_UNIT_PENALTY
            if not goes_up and upper.incomplete():
                cost += MISPLACED_UNIT_PENALTY
        labels = {label.value for label in p.labels}
        if labels and goes_up and labels <= lower.labels() and not labels & upper.labels():
            cost += MISPLACED_PIECE_PENALTY  # the next row's label, printed above it
        if labels and not goes_up and labels <= upper.labels() and not labels & lower.labels():
            cost += MISPLACED_PIECE_PENALTY
        if p.numbers:
            if goes_up and not upper.numbers_missing() and lower.numbers_missing():
                cost += MISPLACED_NUMBER_PENALTY
            if not goes_up and not lower.numbers_missing() and upper.numbers_missing():
                cost += MISPLACED_NUMBER_PENALTY
    return cost


def _reason_text(pieces: list[Piece]) -> str:
    return join_fragments([compact(p.text) for p in pieces], boundary_duplicates=False)


# ---------------------------------------------------------------------------------------
# Layers: garbage reprints, complementary halves, duplicated rows
# ---------------------------------------------------------------------------------------


def _effective(anchor: ParsedLine, extras: Extras) -> dict[str, Candidate | None]:
    """An anchor's values with the pieces its wrapped lines add (units, numbers)."""
    values: dict[str, Candidate | None] = {}
    target = anchor.target.text if anchor.target else None
    actual = anchor.actual.text if anchor.actual else None
    for group in extras.units.get(anchor.number, []):
        for piece in group:
            if target is not None and _incomplete(target, piece.text):
                target = target + " " + piece.text
            elif actual is not None and _incomplete(actual, piece.text):
                actual = actual + " " + piece.text
    tails = extras.value_text.get(anchor.number, [])
    if tails and actual is not None and parse_value(actual).kind == "qualitative":
        actual = actual + " " + " ".join(p.text for p in tails)
    values["target"] = Candidate(target, anchor.number, anchor.garbage_layer) if target else None
    values["actual"] = Candidate(actual, anchor.number, anchor.garbage_layer) if actual else None
    for slot in ("weight", "score"):
        piece = getattr(anchor, slot)
        values[slot] = Candidate(piece.text, anchor.number, anchor.garbage_layer) if piece else None
    numbers = list(extras.numbers.get(anchor.number, []))
    missing = [s for s in ("weight", "score") if values[s] is None or not is_score(values[s].text)]
    if numbers and missing:
        if len(missing) == 1 and len(numbers) >= 2:
            numbers = numbers[:1] if missing[0] == "weight" else numbers[1:2]
        for slot, piece in zip(missing, numbers, strict=False):
            values[slot] = Candidate(piece.text, piece.line, False, "number_on_wrapped_line")
    return values


def _incomplete(value: str, piece: str) -> bool:
    """A value a unit piece continues: a number without unit, `万` waiting for `元`/`人`,
    a deadline waiting for `前`."""
    parsed = parse_value(value)
    squeezed = compact(piece)
    if parsed.kind == "quantitative":
        unit = parsed.unit or ""
        return not unit or unit.endswith(("万", "/", "平", "平方")) or unit == "元/人"
    if parsed.kind == "text" and squeezed in ("前", "日前", "之前"):
        return not parsed.text.endswith("前")
    return False


def _readable(slot: str, candidate: Candidate | None) -> bool:
    if candidate is None:
        return False
    if slot in ("weight", "score"):
        return is_score(candidate.text)
    return parse_value(candidate.text).kind != "unreadable" and not is_unit_fragment(candidate.text)


def _same_value(slot: str, a: Candidate, b: Candidate) -> bool:
    if slot in ("weight", "score"):
        return parse_score(a.text)[0].value == parse_score(b.text)[0].value  # type: ignore[union-attr]
    va, vb = parse_value(a.text), parse_value(b.text)
    return (va.operator, va.value, va.unit, va.text if va.value is None else None) == (
        vb.operator,
        vb.value,
        vb.unit,
        vb.text if vb.value is None else None,
    )


def _mangled(name: str) -> bool:
    """A name the OCR layer mangled: debris, or a piece printed twice in a row
    (`全市各事业责在以责在以有`)."""
    return looks_garbled(name) or bool(re.search(r"(.{2,4})\1", name))


def _names_alike(a: str, b: str) -> bool:
    """Two printings of one name: equal or one contained in the other, or one mangled
    and both starting alike. Names that differ in a character are different rows
    (`副高级…答辩率` / `正高级…答辩率`)."""
    if not a or not b:
        return True
    if a in b or b in a:
        return True
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return (_mangled(a) or _mangled(b)) and common >= 2


def _anchor_name(anchor: ParsedLine, extras: Extras) -> str:
    pieces = sorted(
        anchor.name + extras.names.get(anchor.number, []), key=lambda p: (p.line, p.index)
    )
    return join_fragments([compact(p.text) for p in pieces], boundary_duplicates=False)


def _group(
    anchors: list[ParsedLine],
    extras: Extras,
    position: dict[int, int],
    notes: Notes,
    table_id: str,
) -> list[Row]:
    readable = [a for a in anchors if not a.garbage_layer]
    if not readable:
        readable = anchors[:1]
    parts: dict[int, list[ParsedLine]] = {a.number: [a] for a in readable}
    for anchor in anchors:
        if anchor in readable:
            continue
        near = _nearest(anchor, readable, position, prefer="below")
        parts[near.number].append(anchor)
        notes.layers.append(
            LayerNote(table_id, anchor.number, "garbage_layer", near.number, anchor.line.raw)
        )
    rows: list[Row] = []
    for anchor in readable:
        group = sorted(parts[anchor.number], key=lambda a: position[a.number])
        row = Row(anchors=[anchor] + [a for a in group if a is not anchor])
        row.anchors.sort(key=lambda a: 0 if a is anchor else 1)
        if rows and _same_row(rows[-1], row, extras):
            previous = rows[-1]
            kind = "duplicate_row" if _duplicate(previous, row, extras) else "complementary_layer"
            for other in row.anchors:
                notes.layers.append(
                    LayerNote(table_id, other.number, kind, previous.primary.number, other.line.raw)
                )
                previous.anchors.append(other)
                if kind == "duplicate_row":
                    previous.duplicate_lines.add(other.number)
            continue
        rows.append(row)
    return rows


def _row_values(row: Row, extras: Extras) -> dict[str, Candidate | None]:
    """The row's values from its first anchor that has each."""
    merged: dict[str, Candidate | None] = {s: None for s in SLOTS}
    for anchor in row.anchors:
        values = _effective(anchor, extras)
        for slot in SLOTS:
            if merged[slot] is None or (
                not _readable(slot, merged[slot]) and _readable(slot, values[slot])
            ):
                merged[slot] = values[slot] or merged[slot]
    return merged


def _compare(
    a: dict[str, Candidate | None], b: dict[str, Candidate | None]
) -> tuple[int, int, int]:
    equal = conflicts = complementary = 0
    for slot in SLOTS:
        ra, rb = _readable(slot, a[slot]), _readable(slot, b[slot])
        if ra and rb:
            if _same_value(slot, a[slot], b[slot]):  # type: ignore[arg-type]
                equal += 1
            else:
                conflicts += 1
        elif ra != rb:
            complementary += 1
    return equal, conflicts, complementary


def _row_names(row: Row, extras: Extras) -> list[str]:
    """The row's name as its parts print it together, and each duplicate printing's."""
    parts = [a for a in row.anchors if a.number not in row.duplicate_lines]
    pieces = sorted(
        [p for a in parts for p in a.name + extras.names.get(a.number, [])],
        key=lambda p: (p.line, p.index),
    )
    combined = join_fragments([compact(p.text) for p in pieces], boundary_duplicates=False)
    return [combined] + [
        _anchor_name(a, extras) for a in row.anchors if a.number in row.duplicate_lines
    ]


def _alike(previous: Row, row: Row, extras: Extras) -> bool:
    return any(
        _names_alike(a, b) for a in _row_names(previous, extras) for b in _row_names(row, extras)
    )


def _both_named(previous: Row, row: Row, extras: Extras) -> bool:
    return any(_row_names(previous, extras)) and any(_row_names(row, extras))


def _is_duplicate(equal: int, conflicts: int, complementary: int) -> bool:
    """Two printings of a row: every value readable in both is equal (two at least), or
    all but one of four."""
    return (equal >= 2 and conflicts == 0 and complementary == 0) or (equal >= 3 and conflicts <= 1)


def _duplicate(previous: Row, row: Row, extras: Extras) -> bool:
    a, b = _row_values(previous, extras), _row_values(row, extras)
    equal, conflicts, complementary = _compare(a, b)
    return _alike(previous, row, extras) and _is_duplicate(equal, conflicts, complementary)


def _same_row(previous: Row, row: Row, extras: Extras) -> bool:
    """Adjacent printings of one row: a duplicate, two halves (values / numbers), or two
    layers each readable where the other is not (crossed), with at most one conflict."""
    if previous.primary.lost_row or row.primary.lost_row:
        return False
    if previous.primary.double_actual or row.primary.double_actual:
        return False
    a, b = _row_values(previous, extras), _row_values(row, extras)
    equal, conflicts, complementary = _compare(a, b)
    if _alike(previous, row, extras) and _is_duplicate(equal, conflicts, complementary):
        return True
    values_a = _readable("target", a["target"]) or _readable("actual", a["actual"])
    numbers_a = _readable("weight", a["weight"]) or _readable("score", a["score"])
    values_b = _readable("target", b["target"]) or _readable("actual", b["actual"])
    numbers_b = _readable("weight", b["weight"]) or _readable("score", b["score"])
    if (values_a and not numbers_a and numbers_b and not values_b) or (
        values_b and not numbers_b and numbers_a and not values_a
    ):
        return True
    crossed = sum(
        1 for slot in ("target", "actual") if _readable(slot, a[slot]) != _readable(slot, b[slot])
    )
    if crossed == 2 and equal >= 1 and conflicts <= 1:
        return True
    return (
        _both_named(previous, row, extras)
        and _alike(previous, row, extras)
        and conflicts == 0
        and complementary >= 1
        and equal + complementary >= 3
    )


# ---------------------------------------------------------------------------------------
# Row values, names and reasons
# ---------------------------------------------------------------------------------------


def _resolve_row(row: Row, extras: Extras, notes: Notes, table_id: str) -> None:
    primary = row.primary
    duplicates = [a for a in row.anchors[1:] if a.number in row.duplicate_lines]
    parts = [a for a in row.anchors if a is primary or a not in duplicates]
    # name: pieces of the primary and its parts in print order; a duplicate printing's
    # name replaces it when longer and legible
    pieces = sorted(
        [p for a in parts for p in a.name + extras.names.get(a.number, [])],
        key=lambda p: (p.line, p.index),
    )
    row.name_pieces = pieces
    name = join_fragments([compact(p.text) for p in pieces], boundary_duplicates=False)
    for dup in duplicates:
        other = _anchor_name(dup, extras)
        if not other or _mangled(other):
            continue
        if not name or _mangled(name) or (len(other) > len(name) and other.startswith(name)):
            name = other
            row.name_pieces = sorted(
                dup.name + extras.names.get(dup.number, []), key=lambda p: (p.line, p.index)
            )
        elif other not in name and _overlaps(name, other):
            # two printings of a wrapped name, each with part of it
            name = join_fragments([name, other], boundary_duplicates=False)
            row.name_pieces = row.name_pieces + dup.name
    repaired = re.sub(r"(?<=[\u4e00-\u9fff])\d$", "", name) if name else name
    row.name = repaired or None
    if not name:
        row.name_quality = "missing"
    elif _mangled(name):
        row.name_quality = "garbled"
    elif repaired != name:
        row.name_quality = "repaired"  # a stray digit after the name (`…劳务成本1`)
    elif len(row.name_pieces) > 1:
        row.name_quality = "joined"
    else:
        row.name_quality = "clean"
    # reason: parts in print order; a duplicate's reason joins only where it overlaps
    reason_pieces: list[Piece] = []
    for anchor in parts:
        reason_pieces += (
            extras.reasons_before.get(anchor.number, [])
            + anchor.reason
            + extras.reasons_after.get(anchor.number, [])
        )
    reason_pieces.sort(key=lambda p: (p.line, p.index))
    text = _reason_text(reason_pieces)
    for dup in duplicates:
        dup_pieces = (
            extras.reasons_before.get(dup.number, [])
            + dup.reason
            + extras.reasons_after.get(dup.number, [])
        )
        other = _reason_text(dup_pieces)
        if not other:
            continue
        if not text:
            text, reason_pieces = other, dup_pieces
        elif other in text:
            continue
        elif _overlaps(text, other):
            text = join_fragments([text, other], boundary_duplicates=False)
            reason_pieces += dup_pieces
        else:
            notes.layers.append(
                LayerNote(table_id, dup.number, "duplicate_reason", primary.number, other)
            )
    row.reason_pieces = reason_pieces
    row.reason_override = text or None
    row.basis_pieces = [p for a in parts for p in a.basis + extras.basis.get(a.number, [])]
    # values
    for slot in SLOTS:
        candidates: list[Candidate] = []
        for anchor in row.anchors:
            value = _effective(anchor, extras)[slot]
            if value is not None:
                candidates.append(value)
        row.candidates[slot] = candidates
        row.values[slot] = _pick(row, slot, candidates, notes, table_id)


def _overlaps(text: str, other: str) -> bool:
    """other starts with the end of text (two characters or more)."""
    return any(text.endswith(other[:size]) for size in range(min(len(text), len(other)), 1, -1))


def _pick(
    row: Row, slot: str, candidates: list[Candidate], notes: Notes, table_id: str
) -> Candidate | None:
    readable = [c for c in candidates if _readable(slot, c)]
    if not readable:
        return candidates[0] if candidates else None
    chosen = readable[0]
    clean = [c for c in readable if not c.garbage] or readable
    chosen = clean[0]
    for other in readable:
        if other is chosen or _same_value(slot, chosen, other):
            continue
        resolution = "kept_readable_layer_over_garbage_layer" if other.garbage else "pending"
        row.conflicts.append((slot, chosen, other, resolution))
    if chosen.recovered_rule:
        notes.recoveries.append(
            Recovery(
                table_id,
                f"indicator:?:{slot}",
                chosen.text,
                chosen.line,
                row.primary.number,
                chosen.recovered_rule,
            )
        )
    elif chosen.line != row.primary.number and candidates[0] is not chosen:
        notes.recoveries.append(
            Recovery(
                table_id,
                f"indicator:?:{slot}",
                chosen.text,
                chosen.line,
                row.primary.number,
                "other_layer_of_the_row",
            )
        )
    return chosen


def _resolve_pending_conflicts(rows: list[Row]) -> None:
    """A conflict between two readable printings that no layer rule settled: keep the
    printing whose line also carries a readable target (the row's own layer; the other line's
    target is debris), else the first printed. Extraction only: no identity is computed here;
    both printings and the rule go to raw_performance_conflicts, and every check that uses the
    cell names the choice (audit chosen_inputs)."""
    for row in rows:
        readable_targets = {
            c.line for c in row.candidates.get("target", []) if _readable("target", c)
        }
        settled = []
        for slot, chosen, other, resolution in row.conflicts:
            if resolution == "pending":
                if other.line in readable_targets and chosen.line not in readable_targets:
                    row.values[slot] = other
                    chosen, other = other, chosen
                    resolution = "kept_layer_with_readable_target"
                elif chosen.line in readable_targets and other.line not in readable_targets:
                    resolution = "kept_layer_with_readable_target"
                else:
                    resolution = "kept_first_printed"
            settled.append((slot, chosen, other, resolution))
        row.conflicts = settled


# ---------------------------------------------------------------------------------------
# Rows printed as one line
# ---------------------------------------------------------------------------------------


def _split_merged(rows: list[Row], notes: Notes, table_id: str) -> list[Row]:
    result: list[Row] = []
    for row in rows:
        primary = row.primary
        target, actual = row.values.get("target"), row.values.get("actual")
        if primary.double_target and primary.double_actual:
            result += _split(
                row,
                (primary.double_target[0], primary.double_actual[0]),
                (primary.double_target[1], primary.double_actual[1]),
                numbers_to_first=True,
                note="two rows printed as one line: target and actual cells hold two values each",
            )
            continue
        if target and actual and _readable("target", target) and _readable("actual", actual):
            tv, av = parse_value(target.text), parse_value(actual.text)
            if tv.kind == av.kind == "quantitative" and not units_compatible(tv.unit, av.unit):
                result += _split(
                    row,
                    (target.text, None),
                    (None, actual.text),
                    numbers_to_first=False,
                    note=(
                        f"two rows printed as one line: target {tv.text} and actual {av.text} "
                        "cannot measure the same thing"
                    ),
                )
                continue
        result.append(row)
    return result


def _split(
    row: Row,
    first: tuple[str | None, str | None],
    second: tuple[str | None, str | None],
    *,
    numbers_to_first: bool,
    note: str,
) -> list[Row]:
    line = row.primary.number
    names = _split_name(row.name_pieces)
    reasons = _split_reason(row.reason_override)
    halves = []
    for k, (target, actual) in enumerate((first, second)):
        half = Row(anchors=row.anchors)
        half.name_pieces = row.name_pieces
        half.name = names[k]
        half.name_quality = ("joined" if names[k] else "missing") if names[k] else "missing"
        if row.name_quality == "garbled" and names[k]:
            half.name_quality = "garbled"
        half.reason_override = reasons[k]
        half.reason_pieces = row.reason_pieces
        half.basis_pieces = row.basis_pieces
        half.values = {
            "target": Candidate(target, line, False) if target else None,
            "actual": Candidate(actual, line, False) if actual else None,
        }
        gets_numbers = (k == 0) == numbers_to_first
        for slot in ("weight", "score"):
            half.values[slot] = row.values.get(slot) if gets_numbers else None
            if not gets_numbers:
                half.missing_reasons[slot] = (
                    f"{note} (line {line}); one 分值/得分 pair is printed for both"
                )
        for slot, value in (("target", target), ("actual", actual)):
            if value is None:
                half.missing_reasons[slot] = f"{note} (line {line}); this row's cell is not printed"
        half.conflicts = row.conflicts if k == 0 else []
        half.level1, half.level2 = row.level1, row.level2
        halves.append(half)
    return halves


def _split_name(pieces: list[Piece]) -> tuple[str | None, str | None]:
    """Split a name cell wrapped at a fixed width (`办公耗材 产品质量 合格率 专家 支出`)
    after its first short segment: that is where the first name ended."""
    segments = [s for p in pieces for s in strip_markup(p.text).split()]
    if len(segments) < 2:
        joined = "".join(segments)
        return (joined or None), None
    width = max(len(s) for s in segments)
    for k, segment in enumerate(segments[:-1]):
        if len(segment) < width:
            return "".join(segments[: k + 1]), "".join(segments[k + 1 :])
    return "".join(segments), None


def _split_reason(text: str | None) -> tuple[str | None, str | None]:
    if not text:
        return None, None
    head, dot, tail = text.partition("。")
    if dot and tail:
        return head + dot, tail
    return text, None


# ---------------------------------------------------------------------------------------
# Recoveries from fragments and embedded layers
# ---------------------------------------------------------------------------------------

_VALUE_TOKEN = re.compile(r"(?:>=|<=|=|>|<)")


def _value_tokens(text: str) -> list[str]:
    """`=221.25万 元 =269.72万 元 4 =147.36万 元` → the three values, units joined."""
    tokens: list[str] = []
    for word in text.split():
        if _VALUE_TOKEN.match(word):
            tokens.append(word)
        elif tokens and not re.fullmatch(r"[\d.]+", word) and not _VALUE_TOKEN.search(word):
            tokens[-1] += word
        elif re.fullmatch(r"[\d.]+", word):
            tokens.append("")  # a reprinted 分值: ends the value before it
    return [t for t in tokens if t]


def _recover_from_value_pieces(
    rows: list[Row], parsed: list[ParsedLine], notes: Notes, table_id: str
) -> None:
    """An actual missing from its row, legible in a fragment that lists the actuals of
    neighbouring rows in order (one of them matching its own row anchors the sequence)."""
    for p in parsed:
        for piece in p.value_pieces:
            tokens = [parse_value(t) for t in _value_tokens(strip_markup(piece.text))]
            tokens = [t for t in tokens if t.kind == "quantitative"]
            if len(tokens) < 2:
                continue
            for k, token in enumerate(tokens):
                anchor_row = next(
                    (
                        j
                        for j, row in enumerate(rows)
                        if row.values.get("actual")
                        and _readable("actual", row.values["actual"])
                        and _value_equal(parse_value(row.values["actual"].text), token)
                    ),
                    None,
                )
                if anchor_row is None:
                    continue
                for d, other in enumerate(tokens):
                    j = anchor_row + d - k
                    if d == k or not 0 <= j < len(rows):
                        continue
                    row = rows[j]
                    if _readable("actual", row.values.get("actual")):
                        continue
                    target = row.values.get("target")
                    if target and not units_compatible(parse_value(target.text).unit, other.unit):
                        continue
                    row.values["actual"] = Candidate(other.raw, piece.line, False, None)
                    notes.recoveries.append(
                        Recovery(
                            table_id,
                            f"indicator:{j + 1}:actual",
                            other.text,
                            piece.line,
                            row.primary.number,
                            "value_fragment_aligned_with_neighbour_rows",
                        )
                    )
                break


def _value_equal(a: IndicatorValue, b: IndicatorValue) -> bool:
    return (a.operator, a.value, a.unit) == (b.operator, b.value, b.unit)


@dataclass(frozen=True)
class EmbeddedRow:
    line: int
    name: str
    target: str
    actual: str | None
    weight: str
    score: str


def embedded_rows(layout: TableLayout) -> list[EmbeddedRow]:
    """Indicator rows legible inside embedded layers (`职业技能 竞赛参赛 选手人数     >=78 人
    8     8`): fields separated by runs of spaces."""
    lines = (
        layout.name_lines
        + ([layout.department_line] if layout.department_line else [])
        + layout.fund_header
        + layout.fund_lines
        + layout.goal_header
        + layout.goal_lines
        + layout.indicator_header
        + layout.indicator_lines
    )
    found: list[EmbeddedRow] = []
    for line in lines:
        for cell in line.cells:
            if not cell.embedded:
                continue
            fields = [f.strip() for f in re.split(r" {2,}", strip_markup(cell.raw)) if f.strip()]
            for k, text in enumerate(fields):
                if not OPERATOR_START.match(compact(text)):
                    continue
                name = _embedded_name(fields[:k])
                rest = fields[k + 1 :]
                doubled = split_values(text)
                target, actual = (doubled[0], doubled[1]) if doubled else (text, None)
                if actual is None and rest and OPERATOR_START.match(compact(rest[0])):
                    actual, rest = rest[0], rest[1:]
                if len(rest) >= 2 and is_score(rest[0]) and is_score(rest[1]) and name:
                    found.append(EmbeddedRow(line.number, name, target, actual, rest[0], rest[1]))
    return found


def _embedded_name(fields: list[str]) -> str | None:
    if not fields:
        return None
    words = fields[-1].split()
    kept = []
    for word in words:
        tokens, coverage = label_tokens(word)
        if (tokens and coverage >= 0.7) or word in ("年度绩效", "指标完成", "情况"):
            kept = []
            continue
        kept.append(word)
    name = "".join(kept)
    if not name or not re.search(r"[\u4e00-\u9fff]", name) or is_score(name):
        return None
    return name


def _numbers_key(row: Row) -> tuple[Decimal, Decimal, str | None] | None:
    """(分值, 得分, target unit) of a row whose numbers are readable."""
    weight, score = row.values.get("weight"), row.values.get("score")
    if not (_readable("weight", weight) and _readable("score", score)):
        return None
    target = row.values.get("target")
    unit = parse_value(target.text).unit if target and _readable("target", target) else None
    return (
        parse_score(weight.text)[0].value,  # type: ignore[union-attr]
        parse_score(score.text)[0].value,  # type: ignore[union-attr]
        unit,
    )


def _embedded_key(e: EmbeddedRow) -> tuple[Decimal, Decimal, str | None]:
    return (
        parse_score(e.weight)[0].value,  # type: ignore[union-attr]
        parse_score(e.score)[0].value,  # type: ignore[union-attr]
        parse_value(e.target).unit,
    )


def _recover_from_embedded(
    rows: list[Row], layout: TableLayout, notes: Notes, table_id: str
) -> None:
    """Names legible in an embedded layer of the same table (a copy of rows squeezed into
    one cell), for rows whose own line prints no legible name, and conflicts between the
    two printings. A layer row matches the one table row with the same 分值, 得分 and
    target unit."""
    found = embedded_rows(layout)
    if not found:
        return
    context_text = "".join(
        c.compact for line in layout.name_lines + layout.goal_lines for c in line.filled
    )
    keys = [_numbers_key(row) for row in rows]
    for j, row in enumerate(rows):
        key = keys[j]
        if key is None or keys.count(key) != 1:
            continue
        matches = [e for e in found if _embedded_key(e) == key]
        if not matches:
            continue
        names = [e.name for e in matches if not looks_garbled(e.name)]
        own_name = any(a.name for a in row.anchors)
        if names and (row.name is None or row.name_quality == "garbled" or not own_name):
            # a name outvotes the shorter printings it contains
            best = max(
                set(names),
                key=lambda n: (sum(1 for o in names if o in n), _shared(n, context_text), len(n)),
            )
            if best != row.name:
                source = next(e.line for e in matches if e.name == best)
                notes.recoveries.append(
                    Recovery(
                        table_id,
                        f"indicator:{j + 1}:name",
                        best,
                        source,
                        row.primary.number,
                        "embedded_layer_row",
                    )
                )
                row.name = best
                row.name_quality = "recovered"
        target = row.values.get("target")
        if target and _readable("target", target):
            for e in matches:
                if not _value_equal(parse_value(e.target), parse_value(target.text)):
                    notes.conflicts.append(
                        Conflict(
                            table_id,
                            f"indicator:{j + 1}:target",
                            target.text,
                            target.line,
                            e.target,
                            e.line,
                            target.text,
                            "kept_table_cell_over_embedded_layer",
                        )
                    )
                    break
        for e in matches:
            notes.layers.append(
                LayerNote(
                    table_id,
                    e.line,
                    "embedded_layer",
                    row.primary.number,
                    f"{e.name} {e.target} {e.actual or ''} {e.weight} {e.score}",
                )
            )


def _shared(a: str, b: str) -> int:
    return sum(1 for ch in set(a) if ch in b)


# ---------------------------------------------------------------------------------------
# Levels
# ---------------------------------------------------------------------------------------


@dataclass
class LabelRun:
    """Consecutive printings of one label: the text of a merged cell, printed at (or
    near) the vertical middle of the rows the cell spans."""

    value: str
    rows: list[int]  # rows printing it on their own line: they are in its group
    positions: list[float]  # where it is printed, in row units

    @property
    def centre(self) -> float:
        return sum(self.positions) / len(self.positions)


def _assign_levels(rows: list[Row], parsed: list[ParsedLine], department: bool) -> None:
    """一级/二级 of every row (module rule 5). A label printed on a row's line is that
    row's; the other rows belong to the merged cell whose label sits nearest their group's
    middle: the rows are split into consecutive groups, one per printed label, each as
    centred on its label as the labels allow."""
    if not rows:
        return
    lines = [row.primary.number for row in rows]
    own = {a.number: k for k, row in enumerate(rows) for a in row.anchors}
    runs: dict[int, list[LabelRun]] = {1: [], 2: []}
    printed: list[dict[int, str]] = [{} for _ in rows]
    for p in parsed:
        for label in p.labels:
            if label.line in own:
                k = own[label.line]
                printed[k].setdefault(label.level, label.value)
                position, must = float(k), [k]
            else:
                position, must = _row_position(lines, label.line), []
            level_runs = runs[label.level]
            if level_runs and level_runs[-1].value == label.value:
                level_runs[-1].rows += must
                level_runs[-1].positions.append(position)
            else:
                level_runs.append(LabelRun(label.value, must, [position]))
    for level in (2, 1):
        groups = _centred_groups(len(rows), runs[level])
        for k, row in enumerate(rows):
            if row.lost:
                continue
            value, source = printed[k].get(level), "printed"
            if value is None and groups[k] is not None:
                value = groups[k].value  # type: ignore[union-attr]
                source = "merged_cell_above" if groups[k].centre < k else "merged_cell_below"  # type: ignore[union-attr]
            if level == 2:
                row.level2, row.level2_source = value, (source if value else None)
            else:
                row.level1, row.level1_source = value, (source if value else None)
    if department:
        return
    for row in rows:
        if row.lost:
            continue
        derived = LEVEL2_TO_LEVEL1.get(row.level2 or "")
        if derived and row.level1 != derived:
            if row.level1_source == "printed" and row.level2_source != "printed":
                # the merged 二级 contradicts the row's own 一级: not its group
                row.level2, row.level2_source = None, None
            elif row.level1_source != "printed":
                row.level1, row.level1_source = derived, "from_level2"
        if row.level2 is None and row.level1 == "满意度指标":
            row.level2, row.level2_source = "满意度指标", "from_level1"


def _row_position(lines: list[int], line: int) -> float:
    """A line in row units: 2.5 is halfway between the third and the fourth row."""
    if line <= lines[0]:
        return 0.0
    for k in range(len(lines) - 1):
        if lines[k] <= line <= lines[k + 1]:
            return k + (line - lines[k]) / (lines[k + 1] - lines[k])
    return float(len(lines) - 1)


def _centred_groups(count: int, runs: list[LabelRun]) -> list[LabelRun | None]:
    """Split rows 0..count-1 into consecutive groups, one per label run, each holding the
    rows that print its label, minimising Σ (group middle − label position)². On a tie
    the earlier group takes more rows."""
    if not runs or count == 0:
        return [None] * count
    m = len(runs)
    inf = float("inf")

    def cost(i: int, a: int, b: int) -> float:
        run = runs[i]
        if run.rows and (a > min(run.rows) or b < max(run.rows)):
            return inf
        return ((a + b) / 2 - run.centre) ** 2

    # best[i][b]: least cost of runs 0..i with run i's group ending at row b
    best: list[dict[int, tuple[float, int]]] = [dict() for _ in range(m)]
    for b in range(count):
        best[0][b] = (cost(0, 0, b), -1)
    for i in range(1, m):
        for b in range(i, count):
            options = [
                (c + cost(i, previous + 1, b), -previous, previous)
                for previous, (c, _) in best[i - 1].items()
                if previous < b
            ]
            if options:
                total, _, previous = min(options)
                best[i][b] = (total, previous)
    final = best[m - 1].get(count - 1)
    if final is None or final[0] == inf:
        return [min(runs, key=lambda r: (abs(r.centre - k), r.centre > k)) for k in range(count)]
    groups: list[LabelRun | None] = [None] * count
    b = count - 1
    for i in range(m - 1, -1, -1):
        previous = best[i][b][1]
        for k in range(previous + 1, b + 1):
            groups[k] = runs[i]
        b = previous
    return groups


# ---------------------------------------------------------------------------------------
# Records
# ---------------------------------------------------------------------------------------


def _value(candidate: Candidate | None) -> IndicatorValue | None:
    if candidate is None:
        return None
    return parse_value(candidate.text)


def _record(row: Row, seq: int, table_id: str, notes: Notes) -> Indicator:
    prefix = f"indicator:{seq}"
    for recovery in list(notes.recoveries):
        if (
            recovery.table_id == table_id
            and recovery.field.startswith("indicator:?:")
            and (recovery.target_line == row.primary.number)
        ):
            index = notes.recoveries.index(recovery)
            notes.recoveries[index] = Recovery(
                recovery.table_id,
                recovery.field.replace("indicator:?", prefix),
                recovery.recovered_value,
                recovery.source_line,
                recovery.target_line,
                recovery.rule,
            )
    for slot, chosen, other, resolution in row.conflicts:
        notes.conflicts.append(
            Conflict(
                table_id,
                f"{prefix}:{slot}",
                chosen.text,
                chosen.line,
                other.text,
                other.line,
                chosen.text,
                resolution,
            )
        )
    values = {slot: row.values.get(slot) for slot in SLOTS}
    target, actual = _value(values["target"]), _value(values["actual"])
    weight = parse_score(values["weight"].text)[0] if values["weight"] else None
    score = parse_score(values["score"].text)[0] if values["score"] else None
    line = row.primary.number
    for slot, parsed_value in (("target", target), ("actual", actual)):
        if parsed_value is None or parsed_value.kind == "unreadable":
            reason = row.missing_reasons.get(slot) or _missing_reason(row, slot, parsed_value)
            notes.missing.append(MissingCell(table_id, f"{prefix}:{slot}", line, reason))
    for slot, number in (("weight", weight), ("score", score)):
        if number is None:
            reason = row.missing_reasons.get(slot) or _missing_reason(row, slot, None)
            notes.missing.append(MissingCell(table_id, f"{prefix}:{slot}", line, reason))
    if row.name is None:
        notes.missing.append(
            MissingCell(
                table_id,
                f"{prefix}:name",
                line,
                "三级指标 cell empty in print"
                if not row.lost
                else "row lost in print: only the tails of its cells remain",
            )
        )
    basis_text = join_fragments(
        [compact(p.text) for p in row.basis_pieces], boundary_duplicates=False
    )
    if basis_text and looks_garbled(basis_text):
        notes.missing.append(
            MissingCell(
                table_id, f"{prefix}:basis", line, f"cell holds a garbage layer {basis_text[:40]!r}"
            )
        )
        basis_text = ""
    lines = row.lines
    return Indicator(
        table_id=table_id,
        seq=seq,
        level1=row.level1,
        level1_source=row.level1_source,
        level2=row.level2,
        level2_source=row.level2_source,
        name=row.name,
        name_raw=" | ".join(p.text for p in row.name_pieces) or None,
        name_quality=row.name_quality,
        target=target,
        basis=basis_text or None,
        actual=actual,
        weight=weight.value if weight else None,
        weight_raw=values["weight"].text if values["weight"] else None,
        score=score.value if score else None,
        score_raw=values["score"].text if values["score"] else None,
        deviation_reason=row.reason_override,
        source_line=line,
        source_line_end=max(lines),
        first_line=min(lines),
        layer_lines=tuple(a.number for a in row.anchors[1:]),
        raw_text=row.primary.line.raw,
    )


def _missing_reason(row: Row, slot: str, value: IndicatorValue | None) -> str:
    if row.lost:
        return "row lost in print: only the tails of its cells remain"
    if value is not None and value.kind == "unreadable":
        return f"cell unreadable in every printing: {value.raw!r}"
    candidates = row.candidates.get(slot, [])
    if candidates:
        return f"cell unreadable in every printing: {candidates[0].text!r}"
    primary = row.primary
    if slot == "score" and primary.weight and primary.reason:
        after = primary.reason[0]
        if after.index == primary.weight.index + 1:
            return f"the 得分 cell holds text, not a score: {after.text[:30]!r}"
    return "cell empty in print"

"""Lines of the performance tables as cells, and the text repairs they need.

The cells come from the document model: the reader (reading/) found them, in a PDF's ruled
grid or in a text's TAB-separated rows (docs/DOMAIN.md §4). A cell
may carry markup (`<b>`, `<u>`, `<del>`), stray glyphs left by the OCR layer (`ı`, `l`,
`·`, `` ` ``), glyph errors (`平/文` for 年度, `成乡` for 城乡, `対` for 效) or a whole copy
of other rows squeezed into one cell with runs of spaces (an *embedded layer*).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ...document import Document

# Inline markup left by the conversion. Superscripts and subscripts only ever carry OCR
# debris here (`<sup>3</sup>`, `<sub>4</sub>`), so their content goes too.
_DEBRIS_MARKUP = re.compile(r"<(sup|sub)>.*?</\1>")
_MARKUP = re.compile(r"</?(?:b|u|del|i|em|strong|span|ul|li)\b[^>]*>")
_ENTITIES = {"&gt;": ">", "&lt;": "<", "&amp;": "&"}

# An embedded layer: a cell holding a copy of several rows, its cells separated by runs of
# three or more spaces instead of tabs (`主管部门         乌鲁木齐市…         实施单位 …`),
# or two words four spaces or more apart (`数量指标     竞赛参赛`).
_SPACE_RUN = re.compile(r" {3,}")
_INNER_GAP = re.compile(r"\S {4,}\S")
EMBEDDED_MIN_RUNS = 2

# Characters the OCR layer scatters as debris (a cell of only these carries nothing).
_STRAY = set("ıIlĪīǐîŗĮįŢţ·`•,.，、-_—–'\"?;:!|/\\()[]{}*#=<>~^ ") | {
    "\u0627",  # ا
    "\u0650",  # ِ (kasra)
    "\u0646",  # ن
    "\u1295",  # ን
    "\u0399",  # Ι
    "\u0408",  # Ј
}

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Cell:
    """One tab-separated cell of a line."""

    index: int  # position among the line's cells, from 0
    raw: str  # as printed
    text: str  # markup removed, whitespace collapsed to single spaces, stripped
    embedded: bool  # an embedded layer (a copy of other rows), not a cell of this row

    @cached_property
    def compact(self) -> str:
        """The text without any whitespace."""
        return _WHITESPACE.sub("", self.text)

    @cached_property
    def empty(self) -> bool:
        return not self.compact or self.embedded


def strip_markup(raw: str) -> str:
    text = _DEBRIS_MARKUP.sub("", raw)
    text = _MARKUP.sub("", text)
    for entity, char in _ENTITIES.items():
        text = text.replace(entity, char)
    return text


def as_cells(pieces: tuple[str, ...]) -> list[Cell]:
    """The cells of a printed line (the reader's pieces, in column order), markup removed."""
    cells = []
    for index, raw in enumerate(pieces):
        unmarked = strip_markup(raw)
        embedded = (
            len(_SPACE_RUN.findall(unmarked)) >= EMBEDDED_MIN_RUNS
            or _INNER_GAP.search(unmarked) is not None
        )
        cells.append(Cell(index, raw, _WHITESPACE.sub(" ", unmarked).strip(), embedded))
    return cells


@dataclass(frozen=True)
class Line:
    """A numbered line of the document with its cells."""

    number: int
    raw: str
    cells: tuple[Cell, ...]

    @cached_property
    def filled(self) -> list[Cell]:
        """Cells that carry text of this row (not empty, not an embedded layer)."""
        return [c for c in self.cells if not c.empty]

    @property
    def blank(self) -> bool:
        return not self.raw.strip()

    def has_cell(self, *texts: str) -> bool:
        return any(c.compact in texts for c in self.filled)

    def cell_index(self, text: str) -> int | None:
        return next((c.index for c in self.filled if c.compact == text), None)


def read_lines(document: Document, first: int, last: int) -> list[Line]:
    return [
        Line(n, document.line(n), tuple(as_cells(document.cell_texts(n))))
        for n in range(first, last + 1)
    ]


def is_stray(text: str) -> bool:
    """Only debris glyphs (or nothing): `ı`, `·`, `` ` ``, `.,`, `l,` …"""
    compact = _WHITESPACE.sub("", text)
    return all(ch in _STRAY for ch in compact)


def cjk_count(text: str) -> int:
    return len(_CJK.findall(text))


def is_cjk(ch: str) -> bool:
    return bool(_CJK.match(ch))


# Junk that marks a text as OCR debris rather than words: letters of other scripts,
# symbols, and short syllables repeated many times (`一个一个一个`, `大大 大大 大大`).
_FOREIGN = re.compile(
    r"[\u0370-\u03ff\u0400-\u04ff\u0600-\u06ff\u1100-\u11ff\u3040-\u30ff\uac00-\ud7af₩₹■□▶√※≠]"
)
_REPEATS = re.compile(r"(.{1,3}?)\1{3,}")


def looks_garbled(text: str) -> bool:
    """A text that carries OCR debris: foreign letters, symbols, or a syllable repeated
    four or more times. Used to flag names and reasons, never to drop them."""
    compact = re.sub(r"[\s,,、]+", "", text)
    if not compact:
        return False
    if _FOREIGN.search(compact) or _REPEATS.search(compact):
        return True
    letters = sum(ch.isascii() and ch.isalpha() for ch in compact)
    return letters > 2 and letters * 3 > len(compact)


# ---------------------------------------------------------------------------------------
# Glyph repairs: each is a named pattern seen in the text, applied where its context says.
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GlyphFix:
    name: str
    pattern: re.Pattern[str]
    replacement: str


# In names and texts: the year word and the two characters the OCR confuses.
TEXT_FIXES: tuple[GlyphFix, ...] = (
    GlyphFix("平/文 for 年度", re.compile(r"平/[文支]"), "年度"),
    GlyphFix("成乡 for 城乡", re.compile(r"(?<!城)成乡"), "城乡"),
    GlyphFix("対 for 效", re.compile(r"対"), "效"),
    GlyphFix("毎 for 每", re.compile(r"毎"), "每"),
    GlyphFix("乌鲁木剂 for 乌鲁木齐", re.compile(r"乌鲁木剂"), "乌鲁木齐"),
)

# In target and actual values: the operator and unit glyphs.
VALUE_FIXES: tuple[GlyphFix, ...] = (
    *TEXT_FIXES,
    GlyphFix("〈 for <", re.compile(r"[〈＜]"), "<"),
    GlyphFix("＞ for >", re.compile(r"＞"), ">"),
    GlyphFix("≥ for >=", re.compile(r"≥"), ">="),
    GlyphFix("≤ for <=", re.compile(r"≤"), "<="),
    GlyphFix("↑ for 个", re.compile(r"(?<=\d)↑"), "个"),
    GlyphFix("兀 for 元", re.compile(r"兀"), "元"),
    # 完全达到 misread with 元 for 完 and 至/生/主 for 全.
    GlyphFix("元至 for 完全", re.compile(r"元[至生主]达到"), "完全达到"),
)


def apply_fixes(text: str, fixes: tuple[GlyphFix, ...]) -> tuple[str, tuple[str, ...]]:
    """The text repaired, and the names of the fixes that changed it."""
    applied = []
    for fix in fixes:
        repaired = fix.pattern.sub(fix.replacement, text)
        if repaired != text:
            applied.append(fix.name)
            text = repaired
    return text, tuple(applied)


def join_fragments(parts: list[str], *, boundary_duplicates: bool) -> str:
    """Join the pieces of a wrapped cell. With boundary_duplicates, a piece that starts
    with the character the previous one ended with loses it: the PDF repeats the
    boundary character when it wraps a cell (`乌鲁木齐市社` + `社会保险中心`)."""
    joined = ""
    for part in parts:
        if not part:
            continue
        if boundary_duplicates and joined and part[0] == joined[-1] and _boundary(joined, part):
            part = part[1:]
        joined += _overlap_tail(joined, part)
    return joined


def _boundary(joined: str, part: str) -> bool:
    """The character repeated at a wrap: a Chinese character, or a digit inside a number
    cut short (`202` | `24 年` is 2024, not 20224)."""
    if is_cjk(part[0]):
        return True
    digits = re.search(r"\d+$", joined)
    return bool(digits) and len(digits.group()) < 4 and part[0].isdigit()


def _overlap_tail(joined: str, part: str) -> str:
    """part without the beginning it shares with the end of joined (two characters or
    more): two printings of one wrapped cell overlap (`孵化基地` + `孵化基地房租补贴`)."""
    for size in range(min(len(joined), len(part)), 1, -1):
        if joined.endswith(part[:size]):
            return part[size:]
    return part

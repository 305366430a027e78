"""Templates as data: each regional template of the national scheme is a description file
(templates/*.yaml), loaded and validated here. A template says how a document of it prints
its identity, its parts, sections and subsections (with their topic ids and the parser that
reads each), where its statements are, the wording of its sentences and the placeholders of
its blank form. The parsers and the SQL rules key on topic ids, never on a section's number.

A document is matched to a template by what it prints (identity and headings), never by its
file name: see identify.py. Headings are compared in a normal form (normal_heading): without
whitespace and quotes, full-width brackets and colons as ASCII, so that a template says each
title once however a source spaces or quotes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"

# What a section's content is read by (extract.py dispatches on these).
PARSERS = frozenset(
    {
        "frame", "narrative", "main_functions", "functional_clauses", "glossary",
        "attached_tables", "performance_tables", "statements", "unit_table",
    }
)  # fmt: skip
# Lists a narrative section may also carry (read beside its sentences).
LISTS = frozenset({"budget_units", "internal_offices", "class_totals", "basic_expenditure_items"})
IDENTITY_SOURCES = frozenset({"first_line", "cover"})
CALIBERS = frozenset({"汇总", "本级"})
NUMERALS = "一二三四五六七八九十"


class TemplateError(Exception):
    """A template file that is not well formed; names the file and what is wrong."""


@dataclass(frozen=True)
class SectionSpec:
    """A part, section, subsection or block of a template, in template order."""

    code: str  # the document's own structure: "2", "2.五", "2.五(三)", "2.十一.tables"
    level: str  # part | section | subsection | block
    numeral: str | None  # 一 … for sections and subsections; the digit string for parts
    name: str  # the template's title, as error messages name the section
    titles: tuple[str, ...]  # the title and its variants, in normal form (normal_heading)
    topic: str | None
    parse: str
    required: bool
    lists: tuple[str, ...] = ()
    budget_type: str | None = None
    expected_entries: int | None = None
    # A block's heading is the title of its first table, not its own: the name it goes by.
    label: str | None = None
    names_department: bool = False  # the heading prints the department's name before its title

    def matches(self, heading_title: str) -> bool:
        """The heading's text after its numbering contains the title or a variant (a part
        heading also prints the department and year around it)."""
        text = normal_heading(heading_title)
        return any(title in text for title in self.titles)


@dataclass(frozen=True)
class Identity:
    where: str  # first_line | cover
    pattern: re.Pattern[str]
    shape: str  # how the identity reads, for the error message
    caliber: str  # printed, or a fixed 汇总 / 本级
    caliber_rule: str | None  # why a fixed caliber is right for the template


@dataclass(frozen=True)
class Headings:
    markup: re.Pattern[str] | None  # removed from a line before it is matched
    require_markup: bool  # only lines with that markup can be headings
    toc: re.Pattern[str] | None


@dataclass(frozen=True)
class StatementSpec:
    """One of the statements a template's statements part prints, in template order."""

    title: str
    classification: str | None  # functional (功能分类 codes), economic (经济分类) or None
    budget_type: str | None = None  # the one appropriation it shows (一般公共预算 …), if one


@dataclass(frozen=True)
class StatementVocabulary:
    """The statements a template prints and the words their tables use."""

    statements: tuple[StatementSpec, ...]
    label_headers: tuple[str, ...]  # a label column's lowest header: 项目, 科目名称
    code_header: str  # in the header of a code column: 科目编码
    code_levels: tuple[str, ...]  # the level names under it: 类, 款, 项
    sides: tuple[str, ...]  # the top headers of a two-sided statement: 收入, 支出
    halves: tuple[str, ...]  # names of identical side-by-side halves (statement 6)
    body_label: re.Pattern[str]  # a label that starts the body when no row has a value yet
    empty_note: re.Pattern[str]  # the note of a statement printed without data
    unit_line: re.Pattern[str]  # the printed unit line, group `unit`
    unit: str  # the unit the values are in


@dataclass(frozen=True)
class ExplanationMarker:
    pattern: re.Pattern[str]  # the words that open it; group `comparison` if it states one
    kind: str  # reason (kind from the measure before it), purpose, enumeration, ...
    ends: re.Pattern[str]  # where its text ends (the sentence's end unless said otherwise)


@dataclass(frozen=True)
class ClauseVocabulary:
    """The 类/款/项 clauses of the functional sections: where one starts and how it reads."""

    start: re.Pattern[str]
    pattern: re.Pattern[str]  # groups no, class, kuan, item, amount; optionally budget,
    # change/direction, pct/pct_direction, purpose, comparison or flat, reason
    shape: str  # the form, for the error message


@dataclass(frozen=True)
class NarrativeVocabulary:
    """How a template's narrative states its figures (parsers/narrative.py)."""

    units: tuple[str, ...]
    unit_measures: dict[str, str]  # the measure a bare figure of the unit has
    explanations: tuple[ExplanationMarker, ...]
    change_subject: re.Pattern[str]  # names the subject of the changes that follow
    labels: dict[str, re.Pattern[str]]  # measure → the label pattern that yields it
    qualifier: str | None  # a label ending so qualifies the next figure's label
    context_labels: tuple[str, ...]  # labels that need the clause before them
    list_item: re.Pattern[str]  # a numbered item at the start of a line
    clause: ClauseVocabulary | None
    figure: re.Pattern[str]  # a printed number before one of the units (groups num, unit)
    number_with_unit: re.Pattern[str]  # a sentence that states a figure


@dataclass(frozen=True)
class UnitTableVocabulary:
    """The header words of a table of budget units (第一部分 二 of Shanghai)."""

    number: str | None  # 序号
    name: str  # 单位名称
    remark: str | None  # 备注
    own_unit: re.Pattern[str]  # marks the department's own body in a name: (本级)


@dataclass(frozen=True)
class Template:
    template_id: str
    description: str
    identity: Identity
    headings: Headings
    sections: tuple[SectionSpec, ...]  # parts, sections, subsections and blocks, in order
    statements: StatementVocabulary | None  # what the statements part prints
    narrative: NarrativeVocabulary  # the sentence vocabulary
    unit_table: UnitTableVocabulary | None  # the words of a table of budget units
    placeholders: tuple[re.Pattern[str], ...]  # texts of the blank form, never of a document
    path: Path
    raw: dict = field(repr=False, compare=False)

    def spec(self, code: str) -> SectionSpec:
        return next(s for s in self.sections if s.code == code)


def load_template(path: Path) -> Template:
    where = path.name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise TemplateError(f"{where}: not YAML ({error})") from None
    if not isinstance(data, dict):
        raise TemplateError(f"{where}: a template is a mapping")
    for key in ("id", "identity", "headings", "parts"):
        if key not in data:
            raise TemplateError(f"{where}: needs `{key}`")
    return Template(
        template_id=data["id"],
        description=str(data.get("description", "")).strip(),
        identity=_identity(data["identity"], where),
        headings=_headings(data["headings"], where),
        sections=tuple(_sections(data["parts"], where)),
        statements=_statements(data["statements"], where) if data.get("statements") else None,
        narrative=_narrative(data.get("narrative") or {}, where),
        unit_table=UnitTableVocabulary(
            number=data["unit_table"].get("number"),
            name=data["unit_table"]["name"],
            remark=data["unit_table"].get("remark"),
            own_unit=_pattern(data["unit_table"]["own_unit"], f"{where} unit_table"),
        )
        if data.get("unit_table")
        else None,
        placeholders=tuple(
            _pattern(p, f"{where} placeholders") for p in data.get("placeholders") or ()
        ),
        path=path,
        raw=data,
    )


_HEADING_FORM = str.maketrans({"（": "(", "）": ")", "：": ":", "，": ",", "、": "、"})
_HEADING_NOISE = re.compile(r"[\s\"'“”‘’「」『』]+")


def normal_heading(text: str) -> str:
    """A heading's text as templates write it: no whitespace or quotes, ASCII brackets."""
    return _HEADING_NOISE.sub("", text.translate(_HEADING_FORM))


@cache
def all_templates(directory: Path = TEMPLATES) -> tuple[Template, ...]:
    paths = sorted(directory.glob("*.yaml"))
    if not paths:
        raise TemplateError(f"no templates (*.yaml) in {directory}")
    templates = tuple(load_template(path) for path in paths)
    ids = [t.template_id for t in templates]
    if len(set(ids)) != len(ids):
        raise TemplateError(f"two templates share an id: {ids}")
    return templates


def _pattern(text: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(text)
    except re.error as error:
        raise TemplateError(f"{where}: bad pattern {text!r} ({error})") from None


def _identity(data: dict, where: str) -> Identity:
    source = data.get("where")
    if source not in IDENTITY_SOURCES:
        raise TemplateError(f"{where}: identity.where must be one of {sorted(IDENTITY_SOURCES)}")
    pattern = _pattern(data.get("pattern", ""), f"{where} identity")
    missing = {"department", "year"} - set(pattern.groupindex)
    if missing:
        raise TemplateError(f"{where}: identity.pattern needs the groups {sorted(missing)}")
    caliber = data.get("caliber")
    if caliber == "printed":
        if "caliber" not in pattern.groupindex:
            raise TemplateError(f"{where}: a printed caliber needs the group `caliber`")
    elif caliber not in CALIBERS:
        raise TemplateError(f"{where}: identity.caliber must be printed, 汇总 or 本级")
    elif not data.get("caliber_rule"):
        raise TemplateError(f"{where}: a fixed caliber needs its caliber_rule")
    return Identity(
        where=source,
        pattern=pattern,
        shape=data.get("shape", pattern.pattern),
        caliber=caliber,
        caliber_rule=data.get("caliber_rule"),
    )


# The label patterns the narrative scanner knows, by the measure each yields.
LABEL_MEASURES = frozenset({
    "change_amount", "change_pct", "share_pct", "budget_execution_pct", "budget_variance_pct",
    "budget_initial_amount", "budget_amount", "executed_amount", "final_amount", "value_amount",
})  # fmt: skip
# A printed number inside a clause pattern (`{number}`): letters too, so that a garbled
# number is caught as unreadable instead of half-read.
CLAUSE_NUMBER = r"[0-9A-Za-z][0-9A-Za-z,.]*"
_NARRATIVE_KEYS = ("units", "unit_measures", "explanations", "change_subject", "labels",
                   "list_item")  # fmt: skip


def _narrative(data: dict, where: str) -> NarrativeVocabulary:
    here = f"{where} narrative"
    if missing := [key for key in _NARRATIVE_KEYS if key not in data]:
        raise TemplateError(f"{here}: needs {missing}")
    if unknown := set(data["labels"]) - LABEL_MEASURES:
        raise TemplateError(f"{here}: unknown label measures {sorted(unknown)}")
    markers = tuple(
        ExplanationMarker(
            pattern=_pattern(entry["marker"], here),
            kind=entry["kind"],
            ends=_pattern(entry.get("ends", "。"), here),
        )
        for entry in data["explanations"]
    )
    change_subject = _pattern(data["change_subject"], here)
    if "subject" not in change_subject.groupindex:
        raise TemplateError(f"{here}: change_subject needs the group `subject`")
    clause = data.get("clause")
    units = "|".join(re.escape(unit) for unit in data["units"])
    return NarrativeVocabulary(
        units=tuple(data["units"]),
        unit_measures=dict(data["unit_measures"]),
        explanations=markers,
        change_subject=change_subject,
        labels={measure: _pattern(text, here) for measure, text in data["labels"].items()},
        qualifier=data.get("qualifier"),
        context_labels=tuple(data.get("context_labels", ())),
        list_item=_pattern(data["list_item"], here),
        clause=ClauseVocabulary(
            start=_pattern(clause["start"], here),
            pattern=_pattern(clause["pattern"].replace("{number}", CLAUSE_NUMBER), here),
            shape=clause["shape"],
        ) if clause else None,
        # Letters are part of a number here so that a garbled one (`3,8O2.53万元`) is caught
        # as unreadable instead of being read as `2.53`.
        figure=re.compile(
            rf"(?<![0-9A-Za-z.])(?P<num>[0-9A-Za-z][0-9A-Za-z,.]*)(?P<unit>{units})"
        ),
        number_with_unit=re.compile(rf"\d(?:[\d,.]*)(?:{units})"),
    )  # fmt: skip


CLASSIFICATIONS = frozenset({"functional", "economic"})
_STATEMENT_WORDS = ("label_headers", "code_header", "code_levels", "sides", "halves",
                    "body_label", "empty_note", "unit_line", "unit")  # fmt: skip


def _statements(data: dict, where: str) -> StatementVocabulary:
    here = f"{where} statements"
    if missing := [key for key in ("list", *_STATEMENT_WORDS) if key not in data]:
        raise TemplateError(f"{here}: needs {missing}")
    specs = []
    for entry in data["list"]:
        classification = entry.get("classification")
        if classification is not None and classification not in CLASSIFICATIONS:
            raise TemplateError(f"{here}: classification must be one of {sorted(CLASSIFICATIONS)}")
        specs.append(StatementSpec(entry["title"], classification, entry.get("budget_type")))
    unit_line = _pattern(data["unit_line"], here)
    if "unit" not in unit_line.groupindex:
        raise TemplateError(f"{here}: unit_line needs the group `unit`")
    return StatementVocabulary(
        statements=tuple(specs),
        label_headers=tuple(data["label_headers"]),
        code_header=data["code_header"],
        code_levels=tuple(data["code_levels"]),
        sides=tuple(data["sides"]),
        halves=tuple(data["halves"]),
        body_label=_pattern(data["body_label"], here),
        empty_note=_pattern(data["empty_note"], here),
        unit_line=unit_line,
        unit=data["unit"],
    )


def _headings(data: dict, where: str) -> Headings:
    markup = data.get("markup")
    toc = data.get("toc")
    return Headings(
        markup=_pattern(markup, f"{where} headings.markup") if markup else None,
        require_markup=bool(data.get("require_markup", False)),
        toc=_pattern(toc, f"{where} headings.toc") if toc else None,
    )


def _sections(parts: list, where: str) -> list[SectionSpec]:
    specs: list[SectionSpec] = []
    for part in parts:
        number = str(part["part"])
        specs.append(_spec(part, number, "part", number, where))
        for section in part.get("sections", ()):
            code = f"{number}.{section['numeral']}"
            specs.append(_spec(section, code, "section", section["numeral"], where))
            for sub in section.get("subsections", ()):
                specs.append(
                    _spec(sub, f"{code}({sub['numeral']})", "subsection", sub["numeral"], where)
                )
            for block in section.get("blocks", ()):
                specs.append(_spec(block, f"{code}.{block['code']}", "block", None, where))
    codes = [s.code for s in specs]
    if len(set(codes)) != len(codes):
        raise TemplateError(f"{where}: two sections share a code")
    return specs


def _spec(data: dict, code: str, level: str, numeral: str | None, where: str) -> SectionSpec:
    here = f"{where}, {code}"
    parse = data.get("parse", "frame" if data.get("kind") == "frame" else None)
    if parse not in PARSERS:
        raise TemplateError(f"{here}: parse must be one of {sorted(PARSERS)}")
    lists = tuple(data.get("lists", ()))
    if unknown := set(lists) - LISTS:
        raise TemplateError(f"{here}: unknown lists {sorted(unknown)}")
    if not data.get("title"):
        raise TemplateError(f"{here}: needs a title")
    if (parse == "functional_clauses" or "class_totals" in lists) and not data.get("budget_type"):
        raise TemplateError(f"{here}: functional clauses and class totals need their budget_type")
    titles = (data["title"], *data.get("also", ()))
    return SectionSpec(
        code=code,
        level=level,
        numeral=numeral,
        name=data["title"],
        titles=tuple(normal_heading(t) for t in titles),
        topic=data.get("topic"),
        parse=parse,
        # A part that is only a frame is there when its sections are: they are required.
        required=bool(
            data.get("required", level == "section" or (level == "part" and parse != "frame"))
        ),
        lists=lists,
        budget_type=data.get("budget_type"),
        expected_entries=data.get("expected_entries"),
        label=data.get("label"),
        names_department=bool(data.get("names_department", False)),
    )

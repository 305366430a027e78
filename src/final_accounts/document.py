"""A document identified: its source read into the document model (reading/), matched to the
template it follows (templates/*.yaml) and named from what it prints (docs/DOMAIN.md §1).

The template is chosen by what the document prints, never by its file name: every template
whose identity (title line or cover) the document prints is a candidate, and when several
are, the one whose required headings the document has most of. The department, year and
caliber come from the identity; a template whose documents never print the caliber fixes it
with a stated rule (templates/*.yaml, identity.caliber_rule).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ExtractionError
from .reading import read_source
from .reading.model import SourceDocument
from .sections import headings_found, missing_sections
from .templates import Template, all_templates

_CALIBER_CODES = {"汇总": "consolidated", "本级": "own"}
COVER_PAGE = 1


@dataclass(frozen=True)
class Document:
    """One source document, its lines numbered from 1."""

    document_id: str
    department_name: str
    caliber: str  # 汇总 (department with its subordinate units) or 本级 (the body itself)
    fiscal_year: int
    title: str
    source_file: str
    source_sha256: str
    lines: tuple[str, ...]
    template: Template = field(repr=False, compare=False)
    source: SourceDocument = field(repr=False, compare=False)
    caliber_printed: bool = True  # False: the template's caliber_rule decided it

    def line(self, number: int) -> str:
        return self.lines[number - 1]

    def page_of(self, number: int) -> int | None:
        """The page a line is printed on; None for a text source (one page, no page numbers
        to cite) and past the end."""
        if self.source.kind == "pdf" and 1 <= number <= len(self.source.lines):
            return self.source.lines[number - 1].page
        return None

    def is_table_row(self, number: int) -> bool:
        return self.source.lines[number - 1].table is not None

    def cell_texts(self, number: int) -> tuple[str, ...]:
        """The texts of a line's cells in column order (one piece for a line of prose):
        what the reader found, not a re-split of the line's text."""
        line = self.source.lines[number - 1]
        if line.table is None:
            return (line.text,)
        table = self.source.tables[line.table]
        row = sorted(
            (cell for cell in table.cells if cell.line == number and cell.row == line.row),
            key=lambda cell: cell.column,
        )
        return tuple(cell.text for cell in row)


def document_id_for(department_name: str, caliber: str, fiscal_year: int) -> str:
    """A stable id from what the title says: the same document always gets the same id."""
    digest = hashlib.sha256(f"{department_name}|{caliber}|{fiscal_year}".encode()).hexdigest()
    return f"{fiscal_year}_{_CALIBER_CODES[caliber]}_{digest[:10]}"


def read_document(path: Path) -> Document:
    """Read, match to a template and identify a document; ExtractionError if it cannot be
    read or prints no template's identity."""
    return identify(read_source(path))


@dataclass(frozen=True)
class _Identity:
    template: Template
    match: re.Match[str]
    text: str
    line: int


def identify(source: SourceDocument, templates: tuple[Template, ...] | None = None) -> Document:
    templates = templates or all_templates()
    found = [identity for t in templates if (identity := _identity(source, t))]
    if not found:
        first = _first_text_line(source)
        shapes = "; ".join(
            f"{t.template_id}: the {_place(t)} is not {t.identity.shape}" for t in templates
        )
        raise ExtractionError(
            source.source_file,
            f"not a final-accounts title ({shapes})",
            section="title",
            line=first,
            page=source.lines[first - 1].page if source.kind == "pdf" and source.lines else None,
        )
    if len(found) > 1:
        found.sort(key=lambda identity: _missing_headings(source, identity))
    document = _document(source, found[0])
    _refuse_placeholders(document, found[0])
    return document


def _missing_headings(source: SourceDocument, identity: _Identity) -> int:
    """How many of the template's required headings the document lacks under it."""
    try:
        return len(missing_sections(identity.template, headings_found(_document(source, identity))))
    except ExtractionError:  # a heading printed twice: the worst match
        return len(identity.template.sections)


def _place(template: Template) -> str:
    return "first line" if template.identity.where == "first_line" else "cover (page 1)"


def _first_text_line(source: SourceDocument) -> int:
    return next((line.number for line in source.lines if line.text.strip()), 1)


def _identity(source: SourceDocument, template: Template) -> _Identity | None:
    if not source.lines:
        return None
    if template.identity.where == "first_line":
        number = _first_text_line(source)
        text = source.lines[number - 1].text.strip()
    else:
        cover = [line for line in source.lines if line.page == COVER_PAGE and line.text.strip()]
        if not cover:
            return None
        number = cover[0].number
        text = " ".join(line.text.strip() for line in cover)
    match = template.identity.pattern.match(text)
    return _Identity(template, match, text, number) if match else None


def _document(source: SourceDocument, identity: _Identity) -> Document:
    rule = identity.template.identity
    department = re.sub(r"\s+", "", identity.match["department"])
    caliber = identity.match["caliber"] if rule.caliber == "printed" else rule.caliber
    year = int(identity.match["year"])
    return Document(
        document_id=document_id_for(department, caliber, year),
        department_name=department,
        caliber=caliber,
        fiscal_year=year,
        title=identity.text.lstrip("#").strip(),
        source_file=source.source_file,
        source_sha256=source.source_sha256,
        lines=tuple(line.text for line in source.lines),
        template=identity.template,
        source=source,
        caliber_printed=rule.caliber == "printed",
    )


def _refuse_placeholders(document: Document, identity: _Identity) -> None:
    """The blank form of a template names no department: its cover prints a placeholder."""
    for placeholder in identity.template.placeholders:
        if placeholder.search(document.department_name):
            raise ExtractionError(
                document.source_file,
                f"the blank {identity.template.template_id} template, not a filled-in "
                f"document: the department is the placeholder {document.department_name!r}",
                section="title",
                line=identity.line,
                page=document.page_of(identity.line),
            )

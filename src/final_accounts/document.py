"""Reading a source document: bytes → checked text lines and the identity from its title."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import ExtractionError

# The title line, e.g. `## 乌鲁木齐市人力资源和社会保障局(汇总) 2024年度部门决算公开说明`.
_TITLE = re.compile(
    r"^#*\s*(?P<department>\S.*?)\s*\((?P<caliber>汇总|本级)\)\s*"
    r"(?P<year>\d{4})\s*年度?\s*部门决算公开说明\s*$"
)
_CALIBER_CODES = {"汇总": "consolidated", "本级": "own"}


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

    def line(self, number: int) -> str:
        return self.lines[number - 1]


def document_id_for(department_name: str, caliber: str, fiscal_year: int) -> str:
    """A stable id from what the title says: the same document always gets the same id."""
    digest = hashlib.sha256(f"{department_name}|{caliber}|{fiscal_year}".encode()).hexdigest()
    return f"{fiscal_year}_{_CALIBER_CODES[caliber]}_{digest[:10]}"


def read_document(path: Path) -> Document:
    """Read and identify a document; ExtractionError if it is not UTF-8 text with a title."""
    name = path.name
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ExtractionError(
            name, f"not UTF-8 text (byte {error.start}: {error.reason})", line=line
        ) from None
    text = text.removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # A final newline ends the last line; it does not start another one.
    lines = tuple(text.removesuffix("\n").split("\n"))
    title_number, title = next(
        ((i, line) for i, line in enumerate(lines, start=1) if line.strip()), (1, "")
    )
    match = _TITLE.match(title.strip())
    if not match:
        raise ExtractionError(
            name,
            "the first line is not a final-accounts title "
            "('<部门>(汇总|本级) <年>年度部门决算公开说明')",
            section="title",
            line=title_number,
        )
    department = match["department"].strip()
    caliber = match["caliber"]
    year = int(match["year"])
    return Document(
        document_id=document_id_for(department, caliber, year),
        department_name=department,
        caliber=caliber,
        fiscal_year=year,
        title=title.strip().lstrip("#").strip(),
        source_file=name,
        source_sha256=hashlib.sha256(data).hexdigest(),
        lines=lines,
    )

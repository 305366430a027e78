"""Errors that name the document, section and line where the input went wrong."""

from __future__ import annotations


class ExtractionError(Exception):
    """Bad input: a message that always says where (document, section, line)."""

    def __init__(
        self, document: str, message: str, *, section: str | None = None, line: int | None = None
    ) -> None:
        self.document = document
        self.section = section
        self.line = line
        self.message = message
        where = [f"document {document}"]
        if section:
            where.append(f"section {section}")
        if line is not None:
            where.append(f"line {line}")
        super().__init__(f"{', '.join(where)}: {message}")


class BuildError(Exception):
    """A build stage failed; the published warehouse was left untouched."""

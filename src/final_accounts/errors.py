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

    def __reduce__(self):
        # Raised in an extraction worker process and re-raised in the parent: pickle by fields.
        return _rebuild_extraction_error, (self.document, self.message, self.section, self.line)


def _rebuild_extraction_error(
    document: str, message: str, section: str | None, line: int | None
) -> ExtractionError:
    return ExtractionError(document, message, section=section, line=line)


class InputErrors(Exception):
    """Several documents of one set could not be read; each error names its place."""

    def __init__(self, errors: list[ExtractionError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))


class BuildError(Exception):
    """A build stage failed; the published warehouse was left untouched."""

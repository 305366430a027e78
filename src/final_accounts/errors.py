"""Errors that name the document, section and line where the input went wrong."""

from __future__ import annotations


class ExtractionError(Exception):
    """Bad input: a message that always says where (document, and the page, section and line
    where they apply)."""

    def __init__(
        self,
        document: str,
        message: str,
        *,
        section: str | None = None,
        line: int | None = None,
        page: int | None = None,
    ) -> None:
        self.document = document
        self.section = section
        self.line = line
        self.page = page
        self.message = message
        where = [f"document {document}"]
        if page is not None:
            where.append(f"page {page}")
        if section:
            where.append(f"section {section}")
        if line is not None:
            where.append(f"line {line}")
        super().__init__(f"{', '.join(where)}: {message}")

    def __reduce__(self):
        # Raised in an extraction worker process and re-raised in the parent: pickle by fields.
        return _rebuild_extraction_error, (
            self.document, self.message, self.section, self.line, self.page
        )  # fmt: skip


def _rebuild_extraction_error(
    document: str, message: str, section: str | None, line: int | None, page: int | None
) -> ExtractionError:
    return ExtractionError(document, message, section=section, line=line, page=page)


class InputErrors(Exception):
    """Several documents of one set could not be read; each error names its place."""

    def __init__(self, errors: list[ExtractionError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))


class BuildError(Exception):
    """A build stage failed; the published warehouse was left untouched."""

"""One parser module per part of the document; each turns a section into records."""

"""dbt docs as one static HTML page: models, columns, descriptions, lineage, readable from
disk without `dbt docs serve`.

`dbt docs generate --static` inlines the manifest and the catalog (the column types and
comments read from the built DuckDB file) into target/static_index.html. The build runs it
right after `dbt build`, in the same dbt process and on the same parse (GENERATE, given to
dbt_runner.run_dbt with the build), and publishes the page with the warehouse.

The page's own <script>/<link> tags load nothing from the network. Its JavaScript carries
dbt's usage tracker (Snowplow), which would load a script from a CDN, but only when the
inlined manifest says send_anonymous_usage_stats is true; dbt_project.yml turns it off,
and `loads_tracker` tells whether a page would.
"""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

from .errors import BuildError

PAGE = "index.html"
_NETWORK = re.compile(r"^\s*(https?:)?//", re.IGNORECASE)  # http://, https:// or //host


# The command that writes the page; the models were compiled by the build already, so only
# the catalog is read (--no-compile).
GENERATE = ["docs", "generate", "--static", "--no-compile"]


def publish_static_docs(project_dir: Path, out_dir: Path) -> Path:
    """Move the page GENERATE wrote in project_dir to out_dir/index.html (os.replace: a
    reader sees the old page or the new one); returns that path."""
    page = project_dir / "target" / "static_index.html"
    if not page.is_file():
        raise BuildError(f"dbt docs generate --static wrote no {page}")
    out_dir.mkdir(parents=True, exist_ok=True)
    os.replace(page, out_dir / PAGE)
    return out_dir / PAGE


def network_references(page: str) -> list[str]:
    """The src/href of <script> and <link> tags that point at another host (http://,
    https:// or protocol-relative //): what a browser would fetch to show the page."""
    parser = _TagCollector()
    parser.feed(page)
    parser.close()
    return [url for url in parser.urls if _NETWORK.match(url)]


def loads_tracker(page: str) -> bool:
    """Whether dbt's usage tracker is on in the page's inlined manifest (its JavaScript
    then loads Snowplow's sp.js from a CDN and sends page views)."""
    flags = re.findall(r'"send_anonymous_usage_stats":\s*(true|false)', page)
    return any(json.loads(flag) for flag in flags)


class _TagCollector(HTMLParser):
    """Collects src/href of script and link tags (a script's body is not parsed as HTML,
    so tags written inside JavaScript strings are not taken for tags)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "link"):
            self.urls.extend(v for k, v in attrs if k in ("src", "href") and v)

    handle_startendtag = handle_starttag

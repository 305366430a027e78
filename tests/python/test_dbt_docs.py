"""dbt docs as one static page, written by the session's clean build beside its warehouse
(the docs stage runs on the build's workspace before anything is published)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from support import REPO

from final_accounts.dbt_docs import PAGE, loads_tracker, network_references

MODEL = "model.final_accounts.fct_functional_expenditure"


@dataclass
class Docs:
    page: Path
    text: str
    manifest: dict
    catalog: dict


def inlined(text: str, name: str) -> dict:
    """The JSON document dbt inlined into the page as `<name>:{...}` (manifest, catalog).
    dbt writes it with JSON escapes (\\uXXXX) for non-ASCII text, which a browser decodes."""
    start = text.index(f'{name}:{{"metadata"') + len(name) + 1
    document, _ = json.JSONDecoder().raw_decode(text, start)
    return document


@pytest.fixture(scope="module")
def docs(clean_build) -> Docs:
    assert clean_build.exit_code == 0, clean_build.stderr
    page = clean_build.warehouse.parent / "dbt_docs" / PAGE
    text = page.read_text(encoding="utf-8")
    return Docs(page, text, inlined(text, "manifest"), inlined(text, "catalog"))


def test_the_page_is_written_beside_the_warehouse(docs, published):
    assert docs.page.is_file()
    assert docs.text.lstrip().lower().startswith("<!doctype html")
    # The build's workspace (where the docs were generated) is gone.
    assert not list(published.parent.glob(".build-*"))


def test_the_page_is_self_contained(docs):
    # No <script src>/<link href> to another host, and dbt's usage tracker (which would
    # load sp.js from a CDN) is off in the inlined manifest.
    assert network_references(docs.text) == []
    assert not loads_tracker(docs.text)
    # The manifest and catalog are inlined, not fetched beside the page.
    assert docs.manifest["metadata"]["project_name"] == "final_accounts"
    assert docs.catalog["nodes"]


def test_the_page_names_the_marts_with_their_descriptions(docs):
    assert "fct_functional_expenditure" in docs.text
    assert "dim_document" in docs.text
    models = yaml.safe_load(
        (REPO / "models/marts/core/_core__models.yml").read_text(encoding="utf-8")
    )["models"]
    written = next(m for m in models if m["name"] == "fct_functional_expenditure")
    node = docs.manifest["nodes"][MODEL]
    assert node["description"] == written["description"]
    assert "支出决算数" in node["description"]
    budget_type = next(c for c in written["columns"] if c["name"] == "budget_type")
    assert node["columns"]["budget_type"]["description"] == budget_type["description"]
    assert "一般公共预算" in budget_type["description"]


def test_the_catalog_carries_the_built_column_types(docs):
    # The catalog was read from the build's DuckDB file: the mart exists there, with its
    # amounts as DECIMAL(18,2).
    columns = docs.catalog["nodes"][MODEL]["columns"]
    amounts = {name: c["type"] for name, c in columns.items() if name.endswith("_wan_yuan")}
    assert amounts and set(amounts.values()) == {"DECIMAL(18,2)"}
    assert docs.catalog["nodes"][MODEL]["metadata"]["schema"] == "marts"


def test_network_references_finds_remote_scripts_and_styles():
    page = (
        "<html><head>"
        '<script src="https://cdn.example.org/a.js"></script>'
        '<link rel="stylesheet" href="//fonts.example.org/b.css"/>'
        '<link rel="icon" href="favicon.ico">'
        "<script>var s = '<script src=\"https://inside.a.string/c.js\">';</script>"
        "</head></html>"
    )
    assert network_references(page) == [
        "https://cdn.example.org/a.js",
        "//fonts.example.org/b.css",
    ]


def test_loads_tracker_reads_the_inlined_flag():
    assert loads_tracker('{"metadata": {"send_anonymous_usage_stats": true}}')
    assert not loads_tracker('{"metadata": {"send_anonymous_usage_stats": false}}')

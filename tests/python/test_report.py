"""The HTML report the build writes: rendered by headless Chromium (Debian's `chromium`,
installed by `make test`), offline, with every chart drawn and the document's figures shown."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest
from support import REAL_DOCUMENT_ID

from final_accounts.dbt_docs import network_references
from final_accounts.report import INDEX, documents_href_for, write_reports
from final_accounts.report.page import PLOTLY_SCRIPT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# As the machine notes say: as root Chromium needs --no-sandbox, and without the
# background-networking flags it tries to reach Google at every start. The host resolver
# rule makes every host name fail, so a page that needed a CDN would render without charts.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--virtual-time-budget=15000",
)

# Marks each chart draws for the bundled document: bars (both years) of 4 类 and 32 项,
# 6 income sources, 5 natures, 5 "三公" rows with a budget (budget and final), 58 projects
# (execution rate against score), 16 missed indicators with a defined ratio, and
# 42 checks (36 identities and 6 document checks) × 5 outcomes (stacked).
EXPECTED_MARKS = {
    "classes": 8,
    "items": 64,
    "income": 6,
    "nature": 5,
    "three-public": 10,
    "projects": 58,
    "missed-indicators": 16,
    "identities": 210,
}


@dataclass
class RenderedChart:
    svg_count: int = 0
    marks: int = 0
    texts: list[str] = field(default_factory=list)


class _RenderedPage(HTMLParser):
    """Reads the DOM Chromium dumps after running the page's scripts: per chart
    (`<div data-chart>`), its SVGs, its marks (Plotly's `point` elements) and SVG texts;
    the page's text; the anchors `#L<n>` and the ids they point at."""

    def __init__(self) -> None:
        super().__init__()
        self.charts: dict[str, RenderedChart] = {}
        self.text: list[str] = []
        self.links: set[str] = set()
        self.hrefs: set[str] = set()
        self.ids: set[str] = set()
        self._chart: str | None = None
        self._depth = 0
        self._in_svg_text = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        href = attributes.get("href") or ""
        self.hrefs.add(href)
        if href.startswith("#L"):
            self.links.add(href[1:])
        if self._chart is None and "data-chart" in attributes:
            self._chart, self._depth = attributes["data-chart"], 0
            self.charts[self._chart] = RenderedChart()
        if self._chart is None:
            return
        self._depth += 1
        chart = self.charts[self._chart]
        classes = (attributes.get("class") or "").split()
        if tag == "svg" and "main-svg" in classes:
            chart.svg_count += 1
        if "point" in classes:
            chart.marks += 1
        self._in_svg_text = tag == "text"

    def handle_endtag(self, tag):
        if self._chart is None:
            return
        self._depth -= 1
        self._in_svg_text = False
        if self._depth == 0:
            self._chart = None

    def handle_data(self, data):
        self.text.append(data)
        if self._chart is not None and self._in_svg_text:
            self.charts[self._chart].texts.append(data)


def render(page: Path, profile: Path) -> _RenderedPage:
    if CHROMIUM is None:
        pytest.fail("chromium is not installed: `make test` installs Debian's chromium package")
    completed = subprocess.run(
        [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    parsed = _RenderedPage()
    parsed.feed(completed.stdout)
    parsed.close()
    return parsed


@pytest.fixture(scope="module")
def reports(clean_build) -> Path:
    assert clean_build.exit_code == 0, f"the clean build failed:\n{clean_build.stderr}"
    return clean_build.warehouse.parent / "reports"


@pytest.fixture(scope="module")
def rendered(reports, tmp_path_factory) -> _RenderedPage:
    return render(reports / f"{REAL_DOCUMENT_ID}.html", tmp_path_factory.mktemp("chromium"))


def test_the_build_writes_a_page_per_document_and_an_index(reports):
    """reports/<document_id>.html and reports/index.html beside the published warehouse."""
    assert sorted(p.name for p in reports.glob("*.html")) == sorted(
        [f"{REAL_DOCUMENT_ID}.html", INDEX]
    )


def test_pages_load_nothing_from_the_network(reports):
    """No <script src> or <link href> to another host: the one script a document page loads
    is the local copy of Plotly beside it, shared by all the pages."""
    assert (reports / PLOTLY_SCRIPT).stat().st_size > 1_000_000
    for page in reports.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert network_references(text) == [], page.name
        scripts = re.findall(r"<script src='([^']*)'", text)
        assert scripts == ([] if page.name == INDEX else [PLOTLY_SCRIPT]), page.name


def test_a_document_page_is_small(reports):
    """Without the charting library inlined, a page is its data: at most 500 KB."""
    for page in reports.glob("*.html"):
        assert page.stat().st_size <= 500_000, (page.name, page.stat().st_size)


def test_the_same_warehouse_gives_byte_identical_pages(clean_build, published, reports, tmp_path):
    """Deterministic: writing the report again from the published warehouse changes nothing."""
    href = documents_href_for(clean_build.documents, reports)
    for page in write_reports(published, tmp_path, documents_href=href).pages:
        assert page.read_bytes() == (reports / page.name).read_bytes(), page.name
    assert (tmp_path / PLOTLY_SCRIPT).read_bytes() == (reports / PLOTLY_SCRIPT).read_bytes()


def test_a_page_is_copied_only_while_its_inputs_and_bytes_are_the_same(
    clean_build, published, reports, tmp_path
):
    """pages.json keys each page by its inputs (its data and the report's code) and records
    its SHA-256: written again with the published report as the previous one, an unchanged
    page is copied byte for byte; a page whose bytes are not the recorded ones, or whose
    document's data changed, is rendered again."""
    href = documents_href_for(clean_build.documents, reports)
    page_name = f"{REAL_DOCUMENT_ID}.html"
    again = write_reports(published, tmp_path / "again", documents_href=href, previous=reports)
    assert again.reused == 1
    assert (tmp_path / "again" / page_name).read_bytes() == (reports / page_name).read_bytes()

    tampered = tmp_path / "tampered"
    shutil.copytree(reports, tampered)
    (tampered / page_name).write_text("<html>not the page</html>", "utf-8")
    again = write_reports(published, tmp_path / "t", documents_href=href, previous=tampered)
    assert again.reused == 0
    assert (tmp_path / "t" / page_name).read_bytes() == (reports / page_name).read_bytes()

    changed = tmp_path / published.name
    shutil.copy2(published, changed)
    with duckdb.connect(str(changed)) as connection:
        connection.execute("update marts.dim_document set department_name = '改名后的部门'")
    after_change = write_reports(changed, tmp_path / "c", documents_href=href, previous=reports)
    assert after_change.reused == 0
    assert "改名后的部门" in (tmp_path / "c" / page_name).read_text("utf-8")


def test_chromium_draws_every_chart_with_all_its_marks(rendered):
    """Offline (every host name fails to resolve), Plotly draws each chart: an SVG with one
    mark per bar or point of the document's data."""
    drawn = {name: chart.marks for name, chart in rendered.charts.items()}
    assert drawn == EXPECTED_MARKS
    assert all(chart.svg_count >= 1 for chart in rendered.charts.values())


def test_the_charts_label_the_documents_figures(rendered):
    """The bars carry the printed amounts: 社会保障和就业支出 27,666.64 万元 (line 130), 技校教育's
    change +30.22% (line 136), 财政拨款收入 32,139.22 万元 (line 104), 基本支出 13,717.58 万元,
    "三公" budget 82.08 and final 81.97 (line 214)."""
    texts = {name: Counter(chart.texts) for name, chart in rendered.charts.items()}
    assert texts["classes"]["27,666.64"] == 1
    assert texts["items"]["+30.22%"] == 1
    assert texts["income"]["32,139.22 万元"] == 1
    assert texts["nature"]["13,717.58 万元"] == 1
    assert texts["three-public"]["82.08"] == 2  # 财政拨款"三公"经费 and 公务用车运行维护费
    assert texts["three-public"]["81.97"] == 2
    assert texts["missed-indicators"]["64.97%"] == 1  # P19 补贴发放人次数: 421 of 648


def test_the_page_shows_the_key_figures_and_their_source_lines(rendered):
    """Key figures in the rendered page, each cited line linked to the quoted source line."""
    text = re.sub(r"\s+", " ", "".join(rendered.text))
    for figure in (
        "32,312.49",  # 收入总计, line 96
        "32,139.53",  # 本年收入, line 96
        "32,221.61",  # 本年支出, line 98
        "-4,015.04 万元 (-11.05%)",  # the change against last year, line 100
        "3,802.53",  # 技校教育
        "综合业务费",  # P06, the lowest execution rate
        "91.33",
        "=14.73万元",  # P06 业务办公用品成本 missed its <=12万元 target
        "acknowledged",  # N5 其他收入, the publisher's 0.000%
    ):
        assert figure in text, figure
    assert "- 3. 社会保障和就业支出(类)27,666.64万元,占85.96%。" in text  # line 130 verbatim
    assert rendered.links, "no source line is cited"
    assert rendered.links <= rendered.ids, sorted(rendered.links - rendered.ids)[:10]


def test_the_index_links_every_document(reports, tmp_path):
    """The index lists the document with its income, expenditure and identity failures."""
    index = render(reports / INDEX, tmp_path)
    text = re.sub(r"\s+", " ", "".join(index.text))
    assert "乌鲁木齐市人力资源和社会保障局" in text
    assert "32,139.53" in text and "32,221.61" in text
    assert f"{REAL_DOCUMENT_ID}.html" in index.hrefs

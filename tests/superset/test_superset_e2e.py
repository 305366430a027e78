"""End to end: Superset provisioned from superset/bundle shows the warehouse's figures, read-only.

Run by `make test-superset` (not by the main `pytest`, whose testpaths are tests/python). The
fixture provisions a scratch SUPERSET_HOME, serves it on a free port with superset/run.py (the
script of `make superset`), and always stops it; the admin logs in with the password that
provisioning generated there (or $SUPERSET_ADMIN_PASSWORD), as superset/secrets_store.py reads
it. Each chart's data is fetched through Superset's API (its saved query context, as the
dashboard runs it) and compared, exactly, with the same question asked of the warehouse with
duckdb; the known figures are read per document, with the filter the dashboard's document filter
adds. Superset returns DECIMAL as JSON floats: a float equals a warehouse Decimal when its
shortest repr, quantised to the Decimal's scale, is equal.
"""

import http.cookiejar
import importlib.util
import json
import os
import signal
import socket
import stat
import subprocess
import time
import urllib.error
import urllib.request
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

REPO = Path(__file__).resolve().parents[2]
SUPERSET_PYTHON = REPO / ".venv-superset" / "bin" / "python"
WAREHOUSE = REPO / "warehouse" / "final_accounts.duckdb"
DASHBOARD_SLUG = "final-accounts"
START_TIMEOUT_S = 300
STATUS_CHART = "文档校验状态 Document status (every document)"
FINDINGS_CHART = "检查发现:不通过与已确认 Findings: failed and acknowledged checks"

# superset/ is no package (and `superset` is Superset's own name): loaded by its path.
_spec = importlib.util.spec_from_file_location(
    "secrets_store", REPO / "superset" / "secrets_store.py"
)
secrets_store = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(secrets_store)

# slice name → the warehouse query that answers the chart's question. Its column names are the
# keys of Superset's rows (metric labels included); `ordered` when the chart's order is total.
CHARTS = {
    "按功能分类(类)的支出 Spending by function (类), 万元": dict(
        ordered=True,
        sql="""
            select class_name, sum(amount_wan_yuan) as "支出 Expenditure (万元)"
            from marts.fct_functional_class_expenditure
            group by class_name order by 2
        """,
    ),
    "支出最多的项及变化 Largest 项 (items) and their change": dict(
        ordered=True,
        sql="""
            select item_name, function_code, amount_wan_yuan, prior_year_wan_yuan,
                   change_wan_yuan, change_pct, reason
            from marts.fct_functional_expenditure
            order by amount_wan_yuan desc limit 10
        """,
    ),
    "收入来源 Income by source, 万元": dict(
        ordered=False,
        ignore={"收入 Income (万元)__contribution"},  # the pie's share, a float by design
        sql="""
            select source_name, sum(amount_wan_yuan) as "收入 Income (万元)"
            from marts.fct_income_by_source group by source_name
        """,
    ),
    '“三公”经费:预算与决算 "Three public" expenses: budget vs final, 万元': dict(
        ordered=False,  # sorted by budget, which has ties
        sql="""
            select component_name,
                   sum(coalesce(budget_wan_yuan, budget_initial_wan_yuan))
                       as "预算 Budget (全年预算, else 年初预算; 万元)",
                   sum(final_wan_yuan) as "决算 Final (万元)"
            from marts.fct_three_public_expenses
            where coalesce(budget_wan_yuan, budget_initial_wan_yuan) is not null
                and figure_source = 'narrative'
            group by component_name
        """,
    ),
    "会计恒等式检查结果 Accounting identity outcomes (count)": dict(
        ordered=True,
        # Superset pivots severity into columns; an empty cell is null, not 0.
        sql="""
            select outcome,
                   nullif(count(*) filter (where severity = 'critical'), 0) as critical,
                   nullif(count(*) filter (where severity = 'warning'), 0) as warning
            from audit.identity_results
            group by outcome order by outcome
        """,
    ),
    "项目执行率与自评得分 Project execution rate and self-evaluation score (lowest 15)": dict(
        ordered=True,
        sql="""
            select projects.table_id, projects.project_name,
                   funding.budget_full_year_wan_yuan, funding.executed_wan_yuan,
                   funding.execution_rate_pct, projects.total_score
            from marts.fct_project_funding as funding
            join marts.dim_project as projects on projects.project_id = funding.project_id
            where funding.row_kind = 'total'
            order by funding.execution_rate_pct, projects.table_id
            limit 15
        """,
    ),
    "未达成目标的绩效指标 Indicators that missed their targets": dict(
        ordered=True,
        sql="""
            select table_id, level3_name, target_text, actual_text, achievement_ratio,
                   weight, score, deviation_reason
            from marts.fct_indicator_result
            where is_target_met = false
            order by table_id, indicator_seq
        """,
    ),
    STATUS_CHART: dict(
        ordered=True,
        sql="""
            select status.department_name, status.fiscal_year, documents.caliber,
                   status.template_id, status.status, status.critical_failures,
                   status.acknowledged, status.warnings, status.document_id, status.source_file,
                   status.error_message
            from audit.document_status as status
            left join marts.dim_document as documents on documents.document_id = status.document_id
            order by status.status desc, status.department_name, status.fiscal_year,
                     documents.caliber, status.source_file
            limit 1000
        """,
    ),
    # What decides or explains a status: unacknowledged failures and acknowledged ones.
    FINDINGS_CHART: dict(
        ordered=True,
        sql="""
            select documents.department_name, findings.check_id, findings.severity,
                   findings.outcome, findings.message, findings.pages, findings.source_lines
            from audit.findings as findings
            left join marts.dim_document as documents
                on documents.document_id = findings.document_id
            where findings.outcome in ('fail', 'acknowledged')
            order by documents.department_name, findings.severity, findings.outcome desc,
                     findings.finding_id
            limit 1000
        """,
    ),
}


class Client:
    """Superset's REST API as a logged-in admin: JWT bearer token, session cookie, CSRF token."""

    def __init__(self, base: str, password: str):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        self.headers = {"Referer": base}
        login = {"username": "admin", "password": password, "provider": "db", "refresh": False}
        status, body = self.request("POST", "/api/v1/security/login", login)
        assert status == 200, body
        self.headers["Authorization"] = f"Bearer {body['access_token']}"
        # POSTs other than the login need a CSRF token bound to the session cookie.
        status, body = self.request("GET", "/api/v1/security/csrf_token/")
        assert status == 200, body
        self.headers["X-CSRFToken"] = body["result"]

    def request(self, method: str, path: str, payload: dict | None = None) -> tuple[int, dict]:
        data = None if payload is None else json.dumps(payload).encode()
        headers = dict(self.headers)
        if data is not None:
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(self.base + path, data, headers, method=method)
        try:
            with self.opener.open(request, timeout=120) as response:
                return response.status, json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as error:
            text = error.read()
            try:
                return error.code, json.loads(text)
            except ValueError:
                return error.code, {"text": text.decode(errors="replace")}

    def get(self, path: str) -> dict:
        status, body = self.request("GET", path)
        assert status == 200, (path, body)
        return body


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def healthy(base: str) -> bool:
    try:
        with urllib.request.urlopen(base + "/health", timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("superset_home")


@pytest.fixture(scope="module")
def base_url(home):
    if not SUPERSET_PYTHON.exists():
        pytest.fail("no .venv-superset: run `make test-superset`")
    if not WAREHOUSE.exists():
        pytest.fail(f"no {WAREHOUSE}: run `make build` (or `make test-superset`)")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log_path = home / "server.log"
    command = [str(SUPERSET_PYTHON), str(REPO / "superset" / "run.py"), "--port", str(port)]
    command += ["--home", str(home)]
    with open(log_path, "wb") as log:
        # Own process group: the finaliser stops gunicorn and its worker together.
        server = subprocess.Popen(
            command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not healthy(base):
            if server.poll() is not None or time.monotonic() > deadline:
                tail = log_path.read_text(errors="replace")[-4000:]
                pytest.fail(f"Superset did not start (exit {server.poll()}):\n{tail}")
            time.sleep(1)
        yield base
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()


@pytest.fixture(scope="module")
def client(base_url, home) -> Client:
    return Client(base_url, secrets_store.admin_password(home))


@pytest.fixture(scope="module")
def charts(client) -> dict[str, int]:
    """The dashboard's charts: slice name → id."""
    body = client.get(f"/api/v1/dashboard/{DASHBOARD_SLUG}/charts")
    return {chart["slice_name"]: chart["id"] for chart in body["result"]}


@pytest.fixture(scope="module")
def warehouse():
    connection = duckdb.connect(str(WAREHOUSE), read_only=True)
    yield connection
    connection.close()


def chart_rows(client: Client, chart_id: int, document_id: str | None = None) -> list[dict]:
    """The chart's data as the dashboard gets it: its saved query context, post-processed.

    With a document_id, the filter the dashboard's document filter adds to each query.
    """
    if document_id is None:
        body = client.get(f"/api/v1/chart/{chart_id}/data/")
    else:
        context = json.loads(client.get(f"/api/v1/chart/{chart_id}")["result"]["query_context"])
        for query in context["queries"]:
            query["filters"].append({"col": "document_id", "op": "IN", "val": [document_id]})
        status, body = client.request("POST", "/api/v1/chart/data", context)
        assert status == 200, body
    (result,) = body["result"]
    return result["data"]


def same_value(actual, expected) -> bool:
    if isinstance(expected, Decimal):
        if not isinstance(actual, int | float) or isinstance(actual, bool):
            return False
        exponent = Decimal(1).scaleb(expected.as_tuple().exponent)
        return Decimal(repr(actual)).quantize(exponent) == expected
    if isinstance(expected, int) and not isinstance(expected, bool):
        # counts come back as floats from Superset's pivot
        return isinstance(actual, int | float) and actual == expected and actual % 1 == 0
    return actual == expected


def test_dashboard_shows_every_chart(client, charts):
    dashboard = client.get(f"/api/v1/dashboard/{DASHBOARD_SLUG}")["result"]
    assert dashboard["dashboard_title"].startswith("部门决算 Final accounts")
    assert dashboard["published"] is True
    assert set(charts) == set(CHARTS)


def test_dashboard_shows_one_document_at_a_time(client, charts):
    """Its charts aggregate: a single-select native filter on document_id keeps documents apart."""
    dashboard = client.get(f"/api/v1/dashboard/{DASHBOARD_SLUG}")["result"]
    (document_filter,) = json.loads(dashboard["json_metadata"])["native_filter_configuration"]
    assert document_filter["filterType"] == "filter_select"
    assert document_filter["controlValues"]["multiSelect"] is False
    assert document_filter["controlValues"]["defaultToFirstItem"] is True
    (target,) = document_filter["targets"]
    assert target["column"]["name"] == "document_id"
    assert "datasetId" in target  # the importer resolved the bundle's dataset uuid
    # ... except the document status table, which lists every document (its id remapped)
    assert document_filter["scope"]["excluded"] == [charts[STATUS_CHART]]


@pytest.mark.parametrize("slice_name", list(CHARTS))
def test_chart_figures_equal_the_warehouse(client, charts, warehouse, slice_name):
    spec = CHARTS[slice_name]
    cursor = warehouse.execute(spec["sql"])
    columns = [column[0] for column in cursor.description]
    expected = cursor.fetchall()
    assert expected, "the warehouse query returned nothing"

    rows = chart_rows(client, charts[slice_name])
    ignore = spec.get("ignore", set())
    assert {key for row in rows for key in row} - ignore == set(columns)
    actual = [tuple(row[column] for column in columns) for row in rows]
    if not spec["ordered"]:  # then the first column is the chart's category, unique
        actual.sort(key=lambda row: row[0])
        expected.sort(key=lambda row: row[0])
    assert len(actual) == len(expected)
    for actual_row, expected_row in zip(actual, expected, strict=True):
        assert all(map(same_value, actual_row, expected_row)), (actual_row, expected_row)


@pytest.fixture(scope="module")
def statuses(client, charts) -> list[dict]:
    """The document status table's rows, one per file of documents/."""
    return chart_rows(client, charts[STATUS_CHART])


@pytest.fixture(scope="module")
def documents(statuses) -> dict[str, dict]:
    """The readable documents' rows by department."""
    return {row["department_name"]: row for row in statuses if row["document_id"] is not None}


def test_known_figures(client, charts, documents):
    """A few figures of each document as the dashboard shows it, as README.md shows them."""
    urumqi = documents["乌鲁木齐市人力资源和社会保障局"]["document_id"]
    putuo = documents["上海市普陀区财政局"]["document_id"]
    by_class = "按功能分类(类)的支出 Spending by function (类), 万元"
    assert {"class_name": "社会保障和就业支出", "支出 Expenditure (万元)": 27666.64} in chart_rows(
        client, charts[by_class], urumqi
    )
    assert {"class_name": "一般公共服务支出", "支出 Expenditure (万元)": 2106.66} in chart_rows(
        client, charts[by_class], putuo
    )
    largest = charts["支出最多的项及变化 Largest 项 (items) and their change"]
    items = chart_rows(client, largest, urumqi)
    assert (items[0]["item_name"], items[0]["amount_wan_yuan"]) == ("行政运行", 8287.62)
    items = chart_rows(client, largest, putuo)
    assert (items[0]["item_name"], items[0]["amount_wan_yuan"]) == ("行政运行", 1511.89)
    projects = chart_rows(
        client,
        charts["项目执行率与自评得分 Project execution rate and self-evaluation score (lowest 15)"],
        urumqi,
    )
    assert (projects[0]["table_id"], projects[0]["execution_rate_pct"]) == ("P06", 91.33)
    # The budget the narrative prints: 全年预算 (Urumqi), else 年初预算 (Putuo, Shanghai 七(一)).
    three_public = charts['“三公”经费:预算与决算 "Three public" expenses: budget vs final, 万元']
    budget = "预算 Budget (全年预算, else 年初预算; 万元)"
    vehicles = {"component_name": "公务用车运行维护费", budget: 82.08, "决算 Final (万元)": 81.97}
    assert vehicles in chart_rows(client, three_public, urumqi)
    # Putuo prints the "三公" total only: 年初预算 0.95, 决算 0 (no component has a budget).
    total = {"component_name": '财政拨款"三公"经费', budget: 0.95, "决算 Final (万元)": 0.0}
    assert chart_rows(client, three_public, putuo) == [total]


def test_document_status_and_findings(client, charts, statuses, documents):
    """Both documents are certified with acknowledgements; the findings say which and why."""
    for department in ("乌鲁木齐市人力资源和社会保障局", "上海市普陀区财政局"):
        assert documents[department]["status"] == "certified_with_acknowledgements"
        assert documents[department]["critical_failures"] == 0
    putuo = documents["上海市普陀区财政局"]
    assert (putuo["template_id"], putuo["caliber"], putuo["acknowledged"]) == (
        "shanghai_2024",
        "汇总",
        2,
    )
    findings = chart_rows(client, charts[FINDINGS_CHART], putuo["document_id"])
    (x,) = [row for row in findings if row["check_id"] == "X"]
    assert (x["department_name"], x["severity"], x["outcome"]) == (
        "上海市普陀区财政局",
        "critical",
        "acknowledged",
    )
    assert "0.300 vs 2961.680" in x["message"]
    assert (x["pages"], x["source_lines"]) == ("13,21", "202,325")
    # The table lists exactly what the status counts, document by document.
    for row in statuses:
        if row["document_id"] is None:  # a file that could not be read: no document to choose
            continue
        findings = chart_rows(client, charts[FINDINGS_CHART], row["document_id"])
        counted = row["critical_failures"] + row["acknowledged"] + row["warnings"]
        assert len(findings) == counted, row["department_name"]


def sql_lab(client: Client, database_id: int, sql: str) -> tuple[int, dict]:
    payload = {
        "database_id": database_id,
        "sql": sql,
        "runAsync": False,
        "schema": "marts",
        "tab": "e2e",
        "queryLimit": 10,
        "select_as_cta": False,
        "client_id": f"e2e{time.monotonic_ns() % 10**7}",
    }
    return client.request("POST", "/api/v1/sqllab/execute/", payload)


def test_connection_is_read_only(client):
    (database,) = client.get("/api/v1/database/")["result"]  # the list shows `extra`
    assert database["allow_dml"] is False
    assert database["allow_file_upload"] is False
    assert json.loads(database["extra"])["engine_params"]["connect_args"]["read_only"] is True

    # Superset refuses DML on this database before it reaches DuckDB ...
    status, body = sql_lab(client, database["id"], "create table marts.e2e_probe as select 1")
    assert status >= 400, body
    assert "DML_NOT_ALLOWED_ERROR" in json.dumps(body), body
    # ... and DuckDB itself has the file open read-only.
    status, body = sql_lab(client, database["id"], "select current_setting('access_mode') as mode")
    assert status == 200, body
    assert body["data"] == [{"mode": "read_only"}]


def test_admin_password_is_no_constant(base_url, home):
    """Provisioning generated the key and the password into the home, private; admin/admin fails."""
    if not os.environ.get(secrets_store.SECRET_KEY_ENV):
        assert stat.S_IMODE((home / secrets_store.SECRET_KEY_FILE).stat().st_mode) == 0o600
    if not os.environ.get(secrets_store.ADMIN_PASSWORD_ENV):
        assert stat.S_IMODE((home / secrets_store.ADMIN_PASSWORD_FILE).stat().st_mode) == 0o600
    assert secrets_store.admin_password(home) != "admin"
    login = {"username": "admin", "password": "admin", "provider": "db", "refresh": False}
    request = urllib.request.Request(
        base_url + "/api/v1/security/login",
        json.dumps(login).encode(),
        {"Content-Type": "application/json"},
        method="POST",
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=60)
    assert refused.value.code == 401

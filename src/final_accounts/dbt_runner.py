"""Running dbt on a project folder and one DuckDB file, in a child process.

A child process closes and checkpoints the DuckDB file when it exits, so the file is whole
before anyone else opens it. The outcome is read from the run's run_results.json: what ran,
by resource type and status, and how long each kind took.

dbt parses the whole project at every invocation (~3 s) unless it finds the previous
invocation's partial-parse state with the same profile and vars; the commands of one call
share one parse and one start of dbt (dbt_session). The child runs in the project folder
with the database named relatively to it (a build's is always final_accounts.duckdb beside
the project), so the profile is the same for every build, and a build keeps the state
between builds. The state remembers the folder it was parsed in, so nothing may depend on
the project's absolute path (the seed materialization reads its file relatively).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from . import project
from .errors import BuildError


@dataclass
class DbtResults:
    """Nodes of one dbt invocation by (resource type, status), and seconds per type (summed
    over nodes; with several threads they overlap)."""

    counts: Counter[tuple[str, str]] = field(default_factory=Counter)
    seconds: Counter[str] = field(default_factory=Counter)
    elapsed: float = 0.0

    def count(self, resource_type: str, status: str | None = None) -> int:
        return sum(
            n
            for (kind, state), n in self.counts.items()
            if kind == resource_type and (status is None or state == status)
        )

    @property
    def tests_passed(self) -> int:
        return self.count("test", "pass") + self.count("unit_test", "pass")

    @property
    def tests_warned(self) -> int:
        return self.count("test", "warn") + self.count("unit_test", "warn")


def copy_dbt_project(root: Path) -> None:
    """The dbt project, with the committed raw seeds (a build overwrites every one of them
    with its documents' rows; a re-evaluation of a copied warehouse needs them only for dbt
    to resolve its references)."""
    for name in project.DBT_PROJECT_FILES:
        shutil.copy2(project.ROOT / name, root / name)
    for name in project.DBT_PROJECT_DIRS:
        shutil.copytree(project.ROOT / name, root / name)


def threads() -> int:
    return os.cpu_count() or 1


PARSE_STATE = "partial_parse.msgpack"


def run_dbt(
    project_dir: Path,
    database: Path,
    *commands: list[str],
    variables: dict | None = None,
    parse_state: Path | None = None,
) -> DbtResults:
    """Run the dbt commands (each a list of arguments, `build --selector …`) in order on
    project_dir with the warehouse at database, in one child process and on one parse
    (dbt_session); BuildError naming every node that failed. parse_state is a folder that
    keeps dbt's partial-parse state from one run to the next. The results are what the last
    command that ran nodes wrote into run_results.json (docs generate writes none)."""
    common = [
        "--project-dir", str(project_dir),
        "--profiles-dir", str(project_dir),
        "--target-path", str(project_dir / "target"),
        "--log-path", str(project_dir / "logs"),
        "--threads", str(threads()),
        "--quiet",
    ]  # fmt: skip
    if variables:
        common += ["--vars", json.dumps(variables, ensure_ascii=False)]
    session = [
        sys.executable, "-m", "final_accounts.dbt_session",
        json.dumps({"commands": commands, "options": common}, ensure_ascii=False),
    ]  # fmt: skip
    environment = {
        **os.environ,
        "FINAL_ACCOUNTS_DUCKDB": os.path.relpath(database, project_dir),
    }
    state = project_dir / "target" / PARSE_STATE
    if parse_state is not None and (parse_state / PARSE_STATE).is_file():
        state.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(parse_state / PARSE_STATE, state)
    completed = subprocess.run(
        session, env=environment, cwd=project_dir, capture_output=True, text=True
    )
    if parse_state is not None and state.is_file():
        parse_state.mkdir(parents=True, exist_ok=True)
        shutil.copy2(state, parse_state / PARSE_STATE)
    run_results = _read_run_results(project_dir / "target" / "run_results.json")
    if completed.returncode != 0:
        failures = [
            _describe_failure(node, database)
            for node in run_results.get("results", [])
            if node["status"] in ("error", "fail")
        ]
        detail = "\n".join(failures) or (completed.stdout + completed.stderr).strip()
        names = " then ".join(" ".join(arguments) for arguments in commands)
        raise BuildError(f"dbt {names} failed:\n{detail}")
    return _summarise(run_results)


FAILING_ROWS_SHOWN = 5


def _describe_failure(node: dict, database: Path) -> str:
    """The node and dbt's message; for a failed data test, also the first rows its query
    returns (a column_rules test names the rule, column and value that broke)."""
    text = f"  {node['unique_id']}: {node.get('message')}"
    if node["status"] != "fail" or not node.get("compiled_code"):
        return text
    try:
        with duckdb.connect(str(database), read_only=True) as connection:
            cursor = connection.execute(
                f"select * from ({node['compiled_code']}) limit {FAILING_ROWS_SHOWN}"
            )
            names = [column[0] for column in cursor.description]
            rows = cursor.fetchall()
    except duckdb.Error as error:
        return f"{text}\n      (its failing rows could not be read: {error})"
    return text + "".join(
        "\n      " + ", ".join(f"{name}={value}" for name, value in zip(names, row, strict=True))
        for row in rows
    )


def _read_run_results(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _summarise(run_results: dict) -> DbtResults:
    results = DbtResults(elapsed=run_results.get("elapsed_time", 0.0))
    for node in run_results.get("results", []):
        kind = node["unique_id"].split(".", 1)[0]
        results.counts[(kind, node["status"])] += 1
        results.seconds[kind] += node.get("execution_time") or 0.0
    return results

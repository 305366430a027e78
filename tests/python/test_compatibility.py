"""Readers on DuckDB 1.x open the published warehouse: the oldest 1.x release (1.0.0), which
the set-up (`make`, see OLD_READER in the Makefile) installs into .venv/duckdb-1.0 beside the
project's own DuckDB, reads its tables and views."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

# Where the Makefile's set-up puts DuckDB 1.0.0 (not importable by the project's own Python).
OLDEST_READER = Path(sys.prefix) / "duckdb-1.0"

_READ = """
import json, sys
import duckdb
with duckdb.connect(sys.argv[1], read_only=True) as connection:
    count = lambda table: connection.execute(f"select count(*) from {table}").fetchone()[0]
    print(json.dumps({
        "version": duckdb.__version__,
        "figures": count("marts.fct_disclosed_figure"),
        "checks": count("audit.identity_checks"),
    }))
"""


def test_duckdb_1_0_reads_the_published_warehouse(published):
    if not (OLDEST_READER / "duckdb").is_dir():
        pytest.fail(f"DuckDB 1.0.0 is not in {OLDEST_READER}: `make test` installs it")
    completed = subprocess.run(
        [sys.executable, "-c", _READ, str(published)],
        env={"PYTHONPATH": str(OLDEST_READER)},
        capture_output=True,
        text=True,
        check=True,
    )
    seen = json.loads(completed.stdout)
    # 257 narrative figures; 1,625 identity rows (audit.identity_checks)
    assert seen == {"version": "1.0.0", "figures": 257, "checks": 1675}

"""Readers on DuckDB 1.x open the published warehouse: the oldest 1.x release (1.0.0),
installed beside the project's own DuckDB, reads its tables and views."""

from __future__ import annotations

import json
import subprocess
import sys

OLDEST_READER = "duckdb==1.0.0"

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


def test_duckdb_1_0_reads_the_published_warehouse(published, tmp_path):
    target = tmp_path / "old_duckdb"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
         OLDEST_READER],
        check=True,
        capture_output=True,
    )  # fmt: skip
    completed = subprocess.run(
        [sys.executable, "-c", _READ, str(published)],
        env={"PYTHONPATH": str(target)},
        capture_output=True,
        text=True,
        check=True,
    )
    seen = json.loads(completed.stdout)
    # 257 narrative figures; 1,623 identity rows (the audit view over the raw tables)
    assert seen == {"version": "1.0.0", "figures": 257, "checks": 1623}

"""A BI tool's rounds of reflection over a warehouse, run as its own process by the rebuild
fixture (conftest.py): open the engine read-only as the README tells, reflect schema marts
table by table (get_table_names, get_columns), count each table's rows and the validation
runs, dispose of the engine; one JSON line per round on stdout, until the stop file exists
(then one more round).

A round costs seconds of CPU (duckdb-engine reflects each table's columns through DuckDB's
pg_catalog views, ~0.15 s a table), so the build runs slower beside it.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, inspect, text

warehouse, stop = sys.argv[1], Path(sys.argv[2])
number = 0
while True:
    last = stop.exists()
    started = time.time()
    try:
        engine = create_engine(f"duckdb:///{warehouse}", connect_args={"read_only": True})
        try:
            inspector = inspect(engine)
            tables = inspector.get_table_names(schema="marts")
            columns = {
                t: [[c["name"], str(c["type"])] for c in inspector.get_columns(t, schema="marts")]
                for t in tables
            }
            with engine.connect() as connection:
                counts = {
                    t: connection.execute(text(f'select count(*) from marts."{t}"')).scalar_one()
                    for t in tables
                }
                runs = connection.execute(
                    text("select count(*) from audit.validation_runs")
                ).scalar_one()
        finally:
            engine.dispose()
        digest = hashlib.sha256(json.dumps(columns, sort_keys=True).encode()).hexdigest()
        record = {"tables": len(tables), "columns": digest, "counts": counts, "runs": runs}
    except Exception as error:
        record = {"error": f"{type(error).__name__}: {error}"[:2000]}
    record.update(round=number, started=started, ended=time.time())
    print(json.dumps(record), flush=True)
    number += 1
    if last:
        break

"""`final-accounts bench`: wall time and peak memory of every build stage, for 1 document
and for 20 copies of it under distinct ids, so the cost per document is visible.

Each stage runs in a forked child so that its peak resident memory (ru_maxrss from
wait4) is its own, including DuckDB's and dbt's child processes it waits for.
"""

from __future__ import annotations

import csv
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from . import project
from .build import STAGES, Workspace, discard, new_workspace
from .document import document_id_for, read_document
from .quality.mutation import score_report, sweep


def make_copies(count: int, directory: Path) -> dict[str, str]:
    """count copies of every bundled document, each under another department name (so
    another document id); the text is otherwise the same. Returns copy id → original id."""
    copies = {}
    for source in sorted(project.DOCUMENTS.glob("*.txt")):
        document = read_document(source)
        original = document.department_name
        text = source.read_text(encoding="utf-8")
        for number in range(1, count + 1):
            name = original if number == 1 else f"{original}副本{number:02d}"
            file_name = source.name if number == 1 else f"{source.stem}_{number:02d}.txt"
            (directory / file_name).write_text(text.replace(original, name), encoding="utf-8")
            copy_id = document_id_for(name, document.caliber, document.fiscal_year)
            copies[copy_id] = document.document_id
    return copies


def acknowledge_copies(workspace: Workspace, copies: dict[str, str]) -> None:
    """A copy repeats its original's publisher errors: the original's acknowledgements are
    repeated for each copy, in the workspace only (the committed seed is not touched)."""
    path = workspace.root / "seeds" / "reference" / "ref_identity_acknowledgements.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    extra = [
        {**row, "document_id": copy_id, "evidence": f"benchmark copy of {original}: "
         + row["evidence"]}
        for copy_id, original in copies.items()
        if copy_id != original
        for row in rows
        if row["document_id"] == original
    ]  # fmt: skip
    if extra:
        with path.open("a", encoding="utf-8", newline="") as f:
            csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n").writerows(extra)


def _run_stage_in_child(stage, workspace: Workspace) -> tuple[float, int]:
    """(wall seconds, peak resident KiB) of one stage run in a forked child."""
    sys.stdout.flush()
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the child: run the stage, report success by exit status
        code = 1
        try:
            stage(workspace)
            code = 0
        except Exception as error:  # the parent reports the failure
            print(f"stage failed: {error}", file=sys.stderr)
        finally:
            sys.stdout.flush()
            os._exit(code)
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{stage.__name__} failed during the benchmark")
    return elapsed, usage.ru_maxrss


def run_bench(sizes: list[int], runs: int) -> int:
    print(f"Benchmark: {runs} run(s) per size; median wall time, peak memory per stage")
    print("(each stage runs in a forked child; peak memory is that child's maximum RSS)")
    for size in sizes:
        with tempfile.TemporaryDirectory() as scratch:
            documents = Path(scratch) / "documents"
            documents.mkdir()
            copies = make_copies(size, documents)
            warehouse = Path(scratch) / "warehouse" / project.WAREHOUSE.name
            timings: dict[str, list[float]] = {name: [] for name, _ in STAGES}
            peaks: dict[str, int] = dict.fromkeys(timings, 0)
            for _ in range(runs):
                workspace = new_workspace(documents, warehouse, None)
                acknowledge_copies(workspace, copies)
                try:
                    for name, stage in STAGES:
                        seconds, peak = _run_stage_in_child(stage, workspace)
                        timings[name].append(seconds)
                        peaks[name] = max(peaks[name], peak)
                finally:
                    discard(workspace)
            print(f"\n{size} document(s)")
            print(f"  {'stage':<12} {'median s':>9} {'s/doc':>8} {'peak MiB':>9}")
            total = 0.0
            for name, _ in STAGES:
                median = statistics.median(timings[name])
                total += median
                print(
                    f"  {name:<12} {median:>9.2f} {median / size:>8.3f} {peaks[name] / 1024:>9.1f}"
                )
            print(f"  {'total':<12} {total:>9.2f} {total / size:>8.3f}")
            if size == 1:  # the sweep judges each figure once: one document is enough
                print(
                    "\nMutation sweep (each extracted amount changed in a copy of the warehouse):"
                )
                started = time.perf_counter()
                for line in score_report(sweep(warehouse)):
                    print(f"  {line}")
                print(f"  ({time.perf_counter() - started:.0f} s)")
    return 0

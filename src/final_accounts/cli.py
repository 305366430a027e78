"""`final-accounts`: the command line of the warehouse (build, extract, bench)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import project
from .build import STAGES, discard, mart_row_counts, new_workspace, work_beside
from .cache import ExtractionCache
from .corpus import document_paths, extract_corpus, write_corpus_seeds
from .errors import BuildError, ExtractionError, InputErrors
from .quality.data_docs import write_data_docs
from .quality.gate import OUTCOMES, describe_failures_of, describe_statuses, evaluate
from .summary import document_summaries

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="final-accounts",
        description="Build the warehouse of department final accounts (部门决算公开).",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser(
        "build",
        help="extract every document, build and test the warehouse, publish it; exit 0 when "
        "every document is certified, 1 when any failed its checks or was rejected (the "
        "warehouse of the readable documents is published all the same)",
    )
    _location_options(build)
    build.add_argument(
        "--strict",
        action="store_true",
        help="publish nothing unless every document is certified (rejected input: exit 2; "
        "failed checks: exit 1)",
    )
    build.add_argument(
        "--keep-workspace",
        action="store_true",
        help="keep the build's workspace (its dbt project, seeds and database) when a stage "
        "fails, to look into it",
    )
    build.set_defaults(run=_build)

    extract = commands.add_parser(
        "extract", help="extract every document into the raw seeds (seeds/raw/*.csv)"
    )
    extract.add_argument("--documents", type=Path, default=project.DOCUMENTS)
    extract.add_argument("--seeds", type=Path, default=project.RAW_SEEDS)
    extract.add_argument(
        "--cache",
        type=Path,
        default=project.EXTRACT_CACHE,
        help="the extraction cache (entries by document hash and extractor version)",
    )
    extract.set_defaults(run=_extract)

    validate = commands.add_parser(
        "validate",
        help="run the quality-gate suites on the published warehouse (read-only) and print "
        "each document's status; exit 0 when every document is certified, 1 otherwise",
    )
    validate.add_argument("--warehouse", type=Path, default=project.WAREHOUSE)
    validate.set_defaults(run=_validate)

    suites = commands.add_parser(
        "suites",
        help="write the Great Expectations suites of expectations/ from the check registry "
        "(seeds/reference/ref_checks.csv, ref_check_instances.csv, ref_check_suites.csv)",
    )
    suites.add_argument("--out", type=Path, default=project.EXPECTATIONS)
    suites.set_defaults(run=_suites)

    export = commands.add_parser(
        "export",
        help="export the marts and the quality-gate results as Parquet or CSV, with schema.json",
    )
    export.add_argument("--warehouse", type=Path, default=project.WAREHOUSE)
    export.add_argument("--format", choices=("parquet", "csv"), default="parquet")
    export.add_argument("--out", type=Path, default=project.ROOT / "warehouse" / "export")
    export.set_defaults(run=_export)

    bench = commands.add_parser(
        "bench",
        help="time every build stage for 1, 20 and 200 documents and an incremental rebuild "
        "(median, peak memory, marginal cost per document), then the mutation sweep",
    )
    bench.add_argument("--runs", type=int, default=3, help="runs per configuration")
    bench.add_argument("--sizes", type=int, nargs="+", default=[1, 20, 200])
    bench.add_argument("--no-sweep", action="store_true", help="skip the mutation sweep")
    bench.set_defaults(run=_bench)

    arguments = parser.parse_args(argv)
    return arguments.run(arguments)


def _location_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--documents", type=Path, default=project.DOCUMENTS)
    command.add_argument("--warehouse", type=Path, default=project.WAREHOUSE)


def _build(arguments: argparse.Namespace) -> int:
    documents = arguments.documents.resolve()
    # The committed seeds follow the bundled documents only, never a side folder.
    seeds_out = project.RAW_SEEDS if documents == project.DOCUMENTS else None
    return run_build(
        documents,
        arguments.warehouse.resolve(),
        seeds_out,
        keep_workspace=arguments.keep_workspace,
        strict=arguments.strict,
    )


def run_build(
    documents: Path,
    warehouse: Path,
    seeds_out: Path | None,
    *,
    keep_workspace: bool = False,
    strict: bool = False,
) -> int:
    """Run every stage and publish the warehouse of the readable documents. Returns the exit
    code: 0 when every document is certified, 1 when any failed its checks or was rejected
    (or a stage failed), 2 when no document could be read (or, strict, any)."""
    started = time.perf_counter()
    workspace = new_workspace(documents, warehouse, seeds_out, strict=strict)
    failed = True
    try:
        for number, stage in enumerate(STAGES, start=1):
            print(f"[{number}/{len(STAGES)}] {stage.name} …", flush=True)
            stage_started = time.perf_counter()
            with work_beside(stage):
                message = stage.run(workspace)
            print(f"      {message} ({time.perf_counter() - stage_started:.1f} s)", flush=True)
    except (ExtractionError, InputErrors) as error:
        _print_bad_input(error)
        print(f"The published warehouse was not changed: {warehouse}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
        print(f"The published warehouse was not changed: {warehouse}", file=sys.stderr)
        return EXIT_FAILED
    else:
        failed = False
    finally:
        if failed and keep_workspace:
            print(f"The workspace is kept: {workspace.root}", file=sys.stderr)
        else:
            discard(workspace)
    _print_summary(workspace, warehouse, time.perf_counter() - started)
    return EXIT_OK if workspace.gate.all_certified else EXIT_FAILED


def _print_bad_input(error: ExtractionError | InputErrors) -> None:
    errors = error.errors if isinstance(error, InputErrors) else [error]
    for each in errors:
        print(f"error: bad input: {each}", file=sys.stderr)


def _print_summary(workspace, warehouse: Path, seconds: float) -> None:
    print("\nSummary")
    summaries = document_summaries(warehouse)
    statuses = [row["status"] for row in workspace.gate.statuses] if workspace.gate else []
    rejected = statuses.count("rejected_input")
    print(f"  documents: {len(statuses) - rejected} read, {rejected} rejected")
    for line in summaries:
        print(f"    {line}")
    print("  rows per mart:")
    for name, rows in mart_row_counts(warehouse).items():
        print(f"    {name:<45} {rows:>6}")
    results = workspace.dbt_results
    print(f"  dbt tests passed: {results.tests_passed}, warnings: {results.tests_warned}")
    if workspace.gate is not None:
        _print_gate(workspace.gate)
    print(f"  report: {warehouse.parent / 'reports' / 'index.html'}")
    print(f"  warehouse: {warehouse} ({seconds:.1f} s)")


def _print_gate(report) -> None:
    """Each document's status and its findings (failures, warnings and acknowledged errors,
    with pages and lines; every document that failed or was rejected, the findings of each
    cut at gate.FINDINGS_PER_DOCUMENT: all are in audit.findings and the Data Docs), then the
    checks by outcome."""
    counts = report.outcome_counts()
    summary = ", ".join(f"{o} {counts.get(o, 0)}" for o in OUTCOMES)
    print("  documents by status:")
    for line in describe_statuses(report, limited=True):
        print(f"    {line}")
    print(f"  checks: {summary}")
    print(f"  Data Docs: {report.data_docs}")


def _validate(arguments: argparse.Namespace) -> int:
    warehouse = arguments.warehouse.resolve()
    if not warehouse.exists():
        print(
            f"error: no warehouse at {warehouse}; run `final-accounts build` first", file=sys.stderr
        )
        return EXIT_FAILED
    report = evaluate(warehouse, read_only=True)
    report.data_docs = write_data_docs(report, warehouse.parent / "data_docs")
    print(f"Validated {warehouse} ({len(report.documents)} document(s))")
    _print_gate(report)
    if report.system_failures:
        for line in describe_failures_of(report.system_failures):
            print(f"error: {line}", file=sys.stderr)
    return EXIT_OK if report.all_certified else EXIT_FAILED


def _extract(arguments: argparse.Namespace) -> int:
    try:
        paths = document_paths(arguments.documents)
        corpus = extract_corpus(paths, ExtractionCache(arguments.cache.resolve()))
    except (ExtractionError, InputErrors) as error:
        _print_bad_input(error)
        return EXIT_BAD_INPUT
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    write_corpus_seeds(corpus, arguments.seeds)
    for document in corpus.documents:
        print(f"{document.document_id} ({document.source_file})")
    for rejected in corpus.rejected:
        print(f"error: rejected: {rejected.error_message}", file=sys.stderr)
    print(
        f"{len(corpus.documents)} document(s) ({corpus.extracted} extracted, {corpus.cached} "
        f"from the cache, {len(corpus.rejected)} rejected); seeds written to {arguments.seeds}"
    )
    return EXIT_BAD_INPUT if corpus.rejected else EXIT_OK


def _suites(arguments: argparse.Namespace) -> int:
    from .quality.suites import generate_suites, read_registry, write_suites

    paths = write_suites(generate_suites(read_registry(project.REFERENCE_SEEDS)), arguments.out)
    print(f"{len(paths)} suites written to {arguments.out}: {', '.join(p.name for p in paths)}")
    return EXIT_OK


def _export(arguments: argparse.Namespace) -> int:
    from .export import export_marts

    warehouse = arguments.warehouse.resolve()
    if not warehouse.exists():
        print(
            f"error: no warehouse at {warehouse}; run `final-accounts build` first",
            file=sys.stderr,
        )
        return EXIT_FAILED
    files = export_marts(warehouse, arguments.out.resolve() / arguments.format, arguments.format)
    print(f"{len(files) - 1} tables and schema.json written to {files[-1].parent}")
    return EXIT_OK


def _bench(arguments: argparse.Namespace) -> int:
    from .bench import run_bench

    return run_bench(arguments.sizes, arguments.runs, sweep=not arguments.no_sweep)


if __name__ == "__main__":
    sys.exit(main())

"""The child process of dbt_runner: dbt commands run in order on one parse of the project.

`python -m final_accounts.dbt_session '{"commands": [[...], ...], "options": [...]}'` parses
the project once (dbt parse, from the partial-parse state when it is current) and hands the
manifest to each command, so dbt's import and parse (3–8 s) are paid once per step, not per
command. It stops at the first command that fails. Exit code: 0 when every command succeeded, 1 when
one failed (a node errored or a test failed), 2 when dbt could not run it at all.
"""

from __future__ import annotations

import json
import sys

from dbt.cli.main import dbtRunner


def run(commands: list[list[str]], options: list[str]) -> int:
    """Each command (its words and selection) with the options every command shares
    (project, profiles, target and log paths, threads, vars, quiet)."""
    if not commands:
        return 0
    parsed = dbtRunner().invoke(["parse", *options])
    if not parsed.success:
        _print_exception("parse", parsed.exception)
        return 2
    runner = dbtRunner(manifest=parsed.result)
    for arguments in commands:
        result = runner.invoke([*arguments, *options])
        if result.exception is not None:
            _print_exception(arguments[0], result.exception)
            return 2
        if not result.success:
            return 1
    return 0


def _print_exception(command: str, exception: BaseException | None) -> None:
    # without an exception, dbt has printed why (a parse error names its file)
    if exception is not None:
        print(f"dbt {command} could not run: {exception}", file=sys.stderr)


if __name__ == "__main__":
    session = json.loads(sys.argv[1])
    sys.exit(run(session["commands"], session["options"]))

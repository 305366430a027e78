"""`make superset`: provision Superset, then serve it on 127.0.0.1 in the foreground.

    .venv-superset/bin/python superset/run.py [--port 8088] [--home DIR] [--warehouse FILE]

The e2e test (tests/superset) starts it the same way, with a scratch home and a free port.
"""

import argparse
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from provision import ADMIN, DEFAULT_HOME, DEFAULT_WAREHOUSE, HERE, configure_environment
from secrets_store import admin_password, admin_password_source

DASHBOARD_SLUG = "final-accounts"


def provision_quietly(home: Path, warehouse: Path) -> None:
    """provision.py in a child process, its chatter (migrations, warnings) kept in a log file."""
    log_path = home / "provision.log"
    print(f"Provisioning Superset in {home} (log: {log_path}) ...", flush=True)
    started = time.monotonic()
    command = [sys.executable, str(HERE / "provision.py"), "--home", str(home)]
    command += ["--warehouse", str(warehouse)]
    with open(log_path, "wb") as log:
        result = subprocess.run(command, stdout=log, stderr=subprocess.STDOUT, check=False)
    if result.returncode:
        sys.stderr.write(log_path.read_text(errors="replace")[-4000:])
        sys.exit(f"provisioning failed (exit {result.returncode}), see {log_path}")
    print(f"Provisioned in {time.monotonic() - started:.0f} s", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("SUPERSET_PORT", 8088)))
    parser.add_argument("--home", type=Path, default=DEFAULT_HOME)
    parser.add_argument("--warehouse", type=Path, default=DEFAULT_WAREHOUSE)
    args = parser.parse_args()
    home, warehouse = args.home.resolve(), args.warehouse.resolve()
    if not warehouse.is_file():
        sys.exit(f"{warehouse} not found: run `make build` first")
    with socket.socket() as probe:  # fail now rather than after provisioning
        if probe.connect_ex(("127.0.0.1", args.port)) == 0:
            sys.exit(f"port {args.port} is in use: choose another with SUPERSET_PORT=...")

    configure_environment(home)  # creates the home; gunicorn inherits the environment
    # Here, not in provision.py's log: a password generated now is printed to this terminal.
    admin_password(home, create=True)
    provision_quietly(home, warehouse)

    url = f"http://127.0.0.1:{args.port}/superset/dashboard/{DASHBOARD_SLUG}/"
    print(
        f"\nSuperset starts on {url}\n"
        f"  log in as {ADMIN['username']}, password in {admin_password_source(home)}"
        " (local only); Ctrl-C stops it\n",
        flush=True,
    )
    # gunicorn as Superset's docs run it; bound to the loopback interface only. exec keeps
    # the pid, so whoever started this script (make, the test) stops the server with it.
    os.execv(
        sys.executable,
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--bind",
            f"127.0.0.1:{args.port}",
            "--workers",
            "1",
            "--worker-class",
            "gthread",
            "--threads",
            "8",
            "--timeout",
            "120",
            "--limit-request-line",
            "0",
            "--limit-request-field_size",
            "0",
            "--no-control-socket",  # gunicorn 27 would open one in ~/.gunicorn, shared by all
            "superset.app:create_app()",
        ],
    )


if __name__ == "__main__":
    main()

"""The local Superset's two secrets: Flask's SECRET_KEY and the admin's password.

Each comes from its environment variable when that is set (SUPERSET_SECRET_KEY,
SUPERSET_ADMIN_PASSWORD); otherwise it is generated once into a file of Superset's home
(superset/.home/ by default, git-ignored), mode 0600, and read from that file afterwards.
Nothing secret is in the repository.

Standard library only, and no import of superset: superset_config.py, provision.py, run.py,
export.py and the tests (with the project's .venv) all load this one module.
"""

import os
import secrets
from pathlib import Path

SECRET_KEY_ENV = "SUPERSET_SECRET_KEY"
SECRET_KEY_FILE = "secret_key"
ADMIN_PASSWORD_ENV = "SUPERSET_ADMIN_PASSWORD"
ADMIN_PASSWORD_FILE = "admin_password"


def _read(path: Path) -> str:
    value = path.read_text(encoding="utf-8").strip()
    if not value:
        raise RuntimeError(f"{path} is empty: delete it to have a new one generated")
    return value


def _stored(path: Path, generate) -> tuple[str, bool]:
    """(the value in `path`, whether this call created it), generating it if the file is missing.

    Created whole or not at all: written to a private temporary file, then linked to its name,
    which fails if another process (gunicorn's worker, a parallel provisioning) got there first;
    that process's value is then the one read and returned.
    """
    if path.exists():
        return _read(path), False
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            os.fchmod(file.fileno(), 0o600)  # whatever the umask
            file.write(generate() + "\n")
            file.flush()
            os.fsync(file.fileno())
        try:
            os.link(temporary, path)
            created = True
        except FileExistsError:
            created = False
    finally:
        temporary.unlink(missing_ok=True)
    return _read(path), created


def _shown(path: Path) -> str:
    """The path relative to the working directory when it is below it (as the README names it)."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def secret_key(home: Path) -> str:
    """Flask's SECRET_KEY: $SUPERSET_SECRET_KEY, else `home/secret_key` (created on first use)."""
    if value := os.environ.get(SECRET_KEY_ENV):
        return value
    return _stored(Path(home) / SECRET_KEY_FILE, lambda: secrets.token_urlsafe(48))[0]


def admin_password(home: Path, *, create: bool = False) -> str:
    """The admin's password: $SUPERSET_ADMIN_PASSWORD, else the one stored in
    `home/admin_password`. Provisioning passes `create=True`: with no stored password yet, one is
    generated, stored and printed, once, to stdout. Everyone else (run.py, export.py, the e2e
    test) only reads it, and fails if Superset was never provisioned in that home."""
    if value := os.environ.get(ADMIN_PASSWORD_ENV):
        return value
    path = Path(home) / ADMIN_PASSWORD_FILE
    if not create:
        if not path.exists():
            raise FileNotFoundError(f"no {path}: provision Superset in {home} first")
        return _read(path)
    value, created = _stored(path, lambda: secrets.token_urlsafe(16))
    if created:
        print(f"Superset admin password (stored in {_shown(path)}): {value}", flush=True)
    return value


def admin_password_source(home: Path) -> str:
    """Where admin_password(home) takes the password from, to tell the user (not the password)."""
    if os.environ.get(ADMIN_PASSWORD_ENV):
        return f"${ADMIN_PASSWORD_ENV}"
    return _shown(Path(home) / ADMIN_PASSWORD_FILE)

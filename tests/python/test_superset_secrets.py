"""superset/secrets_store.py: the local Superset's SECRET_KEY and admin password, per home.

Fast and without Superset: the module is standard library only, loaded here by its path (the
folder superset/ is no package, and `superset` is Superset's own name). superset_config.py is
loaded the same way, as Superset loads it, to show that it takes its key from the home.
"""

import importlib.util
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

SUPERSET_DIR = Path(__file__).resolve().parents[2] / "superset"


def load(name: str):
    spec = importlib.util.spec_from_file_location(name, SUPERSET_DIR / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


store = load("secrets_store")


@pytest.fixture(autouse=True)
def no_secret_environment(monkeypatch):
    monkeypatch.delenv(store.SECRET_KEY_ENV, raising=False)
    monkeypatch.delenv(store.ADMIN_PASSWORD_ENV, raising=False)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_each_home_has_its_own_key_and_password(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    assert store.secret_key(first) != store.secret_key(second)
    assert store.admin_password(first, create=True) != store.admin_password(second, create=True)
    assert len(store.secret_key(first)) >= 64  # token_urlsafe(48)


def test_a_second_call_returns_the_stored_values(tmp_path):
    key = store.secret_key(tmp_path)
    password = store.admin_password(tmp_path, create=True)
    stored = {path.name: path.read_bytes() for path in tmp_path.iterdir()}
    assert set(stored) == {store.SECRET_KEY_FILE, store.ADMIN_PASSWORD_FILE}  # no temporary left
    assert store.secret_key(tmp_path) == key
    assert store.admin_password(tmp_path, create=True) == password
    assert store.admin_password(tmp_path) == password  # what the clients read
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir()} == stored


def test_the_files_are_private(tmp_path):
    previous = os.umask(0)  # even with a umask that would leave them world-readable
    try:
        store.secret_key(tmp_path)
        store.admin_password(tmp_path, create=True)
    finally:
        os.umask(previous)
    assert mode(tmp_path / store.SECRET_KEY_FILE) == 0o600
    assert mode(tmp_path / store.ADMIN_PASSWORD_FILE) == 0o600


def test_the_password_is_printed_once_when_it_is_generated(tmp_path, capsys):
    password = store.admin_password(tmp_path, create=True)
    printed = capsys.readouterr().out
    assert printed.count(password) == 1
    assert printed.startswith("Superset admin password (stored in ")
    assert str(tmp_path / store.ADMIN_PASSWORD_FILE) in printed
    store.admin_password(tmp_path, create=True)
    store.admin_password(tmp_path)
    store.secret_key(tmp_path)
    assert capsys.readouterr().out == ""


def test_reading_never_generates(tmp_path):
    with pytest.raises(FileNotFoundError, match="provision Superset"):
        store.admin_password(tmp_path)
    assert not (tmp_path / store.ADMIN_PASSWORD_FILE).exists()


def test_the_environment_overrides_the_home(tmp_path, monkeypatch, capsys):
    stored_key = store.secret_key(tmp_path)
    stored_password = store.admin_password(tmp_path, create=True)
    capsys.readouterr()
    monkeypatch.setenv(store.SECRET_KEY_ENV, "key-from-the-environment")
    monkeypatch.setenv(store.ADMIN_PASSWORD_ENV, "password-from-the-environment")
    assert store.secret_key(tmp_path) == "key-from-the-environment"
    assert store.admin_password(tmp_path) == "password-from-the-environment"
    assert store.admin_password(tmp_path, create=True) == "password-from-the-environment"
    assert store.admin_password_source(tmp_path) == f"${store.ADMIN_PASSWORD_ENV}"
    # Nothing generated, stored or printed for a home that has none yet.
    fresh = tmp_path / "fresh"
    assert store.secret_key(fresh) == "key-from-the-environment"
    assert store.admin_password(fresh, create=True) == "password-from-the-environment"
    assert not fresh.exists()
    assert capsys.readouterr().out == ""
    # The stored values are untouched, and back once the variables are unset.
    monkeypatch.delenv(store.SECRET_KEY_ENV)
    monkeypatch.delenv(store.ADMIN_PASSWORD_ENV)
    assert store.secret_key(tmp_path) == stored_key
    assert store.admin_password(tmp_path) == stored_password


def test_concurrent_first_runs_agree(tmp_path):
    """Provisioning and gunicorn's worker may start at once: one key is created, all read it."""
    module = str(SUPERSET_DIR / "secrets_store.py")
    code = (
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('s', {module!r})\n"
        "s = importlib.util.module_from_spec(spec); spec.loader.exec_module(s)\n"
        "print(s.secret_key(sys.argv[1]))\n"
    )
    processes = [  # the environment without $SUPERSET_SECRET_KEY (the autouse fixture)
        subprocess.Popen(
            [sys.executable, "-c", code, str(tmp_path)], stdout=subprocess.PIPE, text=True
        )
        for _ in range(8)
    ]
    keys = {process.communicate(timeout=60)[0].strip() for process in processes}
    assert keys == {(tmp_path / store.SECRET_KEY_FILE).read_text().strip()}


def test_superset_config_takes_its_key_from_the_home(tmp_path, monkeypatch):
    keys = []
    for home in (tmp_path / "first", tmp_path / "second"):
        monkeypatch.setenv("SUPERSET_HOME", str(home))
        config = load("superset_config")
        assert store.secret_key(home) == config.SECRET_KEY
        assert config.SQLALCHEMY_DATABASE_URI.startswith(f"sqlite:///{home}/")
        keys.append(config.SECRET_KEY)
    assert keys[0] != keys[1]
    monkeypatch.setenv(store.SECRET_KEY_ENV, "key-from-the-environment")
    assert load("superset_config").SECRET_KEY == "key-from-the-environment"

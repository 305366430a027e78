"""Provision Superset's metadata: schema, roles, the local admin and the committed bundle.

Run with the Superset virtualenv's python (`make superset` does it through run.py):

    .venv-superset/bin/python superset/provision.py [--home DIR] [--warehouse FILE]

Idempotent: a second run upgrades nothing, keeps the admin and overwrites the bundle's database,
datasets, charts and dashboard (matched by uuid) with what is committed in superset/bundle/.
The admin's password is $SUPERSET_ADMIN_PASSWORD, else the one stored in the home's
admin_password, generated and printed on the first run only (secrets_store.py).
"""

import argparse
import os
import sys
from pathlib import Path

from secrets_store import admin_password

HERE = Path(__file__).resolve().parent
BUNDLE = HERE / "bundle"
DEFAULT_HOME = HERE / ".home"
DEFAULT_WAREHOUSE = HERE.parent / "warehouse" / "final_accounts.duckdb"
# The bundle names no machine's path: its database URI holds this placeholder.
WAREHOUSE_PLACEHOLDER = "__WAREHOUSE_PATH__"
# Local use only (the server listens on 127.0.0.1); the password is not here but in
# secrets_store.admin_password (README.md says where it comes from).
ADMIN = {
    "username": "admin",
    "first_name": "Local",
    "last_name": "Admin",
    "email": "admin@localhost",
}


def configure_environment(home: Path) -> None:
    """Point Superset at its home and at superset_config.py; must run before importing superset."""
    home.mkdir(parents=True, exist_ok=True)
    os.environ["SUPERSET_HOME"] = str(home)
    os.environ["SUPERSET_CONFIG_PATH"] = str(HERE / "superset_config.py")


def bundle_contents(warehouse: Path) -> dict[str, str]:
    """The bundle as Superset's importers take it: relative path → YAML text."""
    return {
        path.relative_to(BUNDLE).as_posix(): path.read_text(encoding="utf-8").replace(
            WAREHOUSE_PLACEHOLDER, str(warehouse)
        )
        for path in sorted(BUNDLE.rglob("*.yaml"))
    }


def provision(home: Path, warehouse: Path) -> None:
    configure_environment(home)
    password = admin_password(home, create=True)  # printed if generated now, never again
    # Imported here: superset reads its configuration from the environment at import time.
    from flask_migrate import upgrade
    from superset.app import create_app

    app = create_app()
    with app.app_context():
        from superset.commands.importers.v1.assets import ImportAssetsCommand
        from superset.extensions import appbuilder, security_manager
        from superset.utils.core import override_user
        from werkzeug.security import check_password_hash

        upgrade()  # `superset db upgrade`
        appbuilder.add_permissions(update_perms=True)  # `superset init`
        security_manager.sync_role_definitions()

        admin = security_manager.find_user(username=ADMIN["username"])
        if admin is None:
            admin = security_manager.add_user(
                role=security_manager.find_role("Admin"), password=password, **ADMIN
            )
            if not admin:
                sys.exit("could not create the admin user")
        elif not check_password_hash(admin.password, password):
            # A home made before the password was stored, or a new $SUPERSET_ADMIN_PASSWORD:
            # the admin takes the configured password (unchanged runs write nothing).
            security_manager.reset_password(admin.id, password)

        # The assets importer (metadata.yaml type "assets") overwrites every object of the
        # bundle, so that a changed bundle or a moved warehouse is picked up on the next run.
        with override_user(admin):
            ImportAssetsCommand(bundle_contents(warehouse)).run()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, default=DEFAULT_HOME)
    parser.add_argument("--warehouse", type=Path, default=DEFAULT_WAREHOUSE)
    args = parser.parse_args()
    warehouse = args.warehouse.resolve()
    if not warehouse.is_file():
        sys.exit(f"{warehouse} not found: run `make build` first")
    provision(args.home.resolve(), warehouse)
    print(f"Superset provisioned in {args.home} on {warehouse}")


if __name__ == "__main__":
    main()

"""Write the dashboard as Superset holds it back into superset/bundle/ (after editing it in the UI).

    .venv-superset/bin/python superset/export.py [--home DIR]

Superset's own export, made readable for review: UTF-8 YAML, each chart's query context as
indented JSON, the warehouse path replaced by the placeholder, ids of this installation dropped,
and the file names of objects already in the bundle kept. Review with `git diff superset/bundle`.
"""

import argparse
import json
import shutil
from pathlib import Path

import yaml
from provision import ADMIN, BUNDLE, DEFAULT_HOME, WAREHOUSE_PLACEHOLDER, configure_environment
from run import DASHBOARD_SLUG

INSTALLATION_IDS = ("slice_id", "chart_id", "dashboardId")


class _Dumper(yaml.SafeDumper):
    """Multi-line strings (SQL, query contexts, markdown) as literal blocks."""


_Dumper.add_representer(
    str,
    lambda dumper, text: dumper.represent_scalar(
        "tag:yaml.org,2002:str", text, style="|" if "\n" in text else None
    ),
)


def superset_export(home: Path) -> dict[str, dict]:
    """relative path → parsed YAML of the dashboard's export and everything it uses."""
    configure_environment(home)
    from superset.app import create_app

    with create_app().app_context():
        from superset.commands.dashboard.export import ExportDashboardsCommand
        from superset.extensions import db, security_manager
        from superset.models.dashboard import Dashboard
        from superset.utils.core import override_user

        dashboard = db.session.query(Dashboard).filter_by(slug=DASHBOARD_SLUG).one()
        with override_user(security_manager.find_user(username=ADMIN["username"])):
            return {
                name: yaml.safe_load(content())
                for name, content in ExportDashboardsCommand([dashboard.id]).run()
            }


def tidy(path: str, document: dict) -> dict:
    if path == "metadata.yaml":
        document["type"] = "assets"  # provision.py imports with the assets importer
    elif path.startswith("databases/"):
        document["sqlalchemy_uri"] = f"duckdb:///{WAREHOUSE_PLACEHOLDER}"
    elif path.startswith("datasets/"):  # Superset's order varies from one export to the next
        document["columns"].sort(key=lambda column: column["column_name"])
        document["metrics"].sort(key=lambda metric: metric["metric_name"])
    elif path.startswith("charts/"):
        for key in INSTALLATION_IDS:
            document["params"].pop(key, None)
        if document.get("query_context"):
            context = json.loads(document["query_context"])
            for key in INSTALLATION_IDS:
                context.get("form_data", {}).pop(key, None)
            document["query_context"] = json.dumps(context, ensure_ascii=False, indent=2) + "\n"
    return document


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, default=DEFAULT_HOME)
    args = parser.parse_args()

    exported = superset_export(args.home.resolve())
    # Keep the bundle's file names (Superset's carry ids and drop the Chinese of the titles).
    names = {}
    for path in BUNDLE.rglob("*.yaml"):
        if uuid := yaml.safe_load(path.read_text(encoding="utf-8")).get("uuid"):
            names[uuid] = path.relative_to(BUNDLE)
    texts = {}
    for name, document in exported.items():
        relative = str(names.get(document.get("uuid"), name))
        texts[relative] = yaml.dump(
            tidy(relative, document), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100
        )
    shutil.rmtree(BUNDLE)
    for relative, text in texts.items():
        (BUNDLE / relative).parent.mkdir(parents=True, exist_ok=True)
        (BUNDLE / relative).write_text(text, encoding="utf-8")
        print(f"superset/bundle/{relative}")


if __name__ == "__main__":
    main()

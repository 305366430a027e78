"""Where things are: the repository's folders and the published warehouse."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = ROOT / "documents"
RAW_SEEDS = ROOT / "seeds" / "raw"
REFERENCE_SEEDS = ROOT / "seeds" / "reference"
WAREHOUSE = ROOT / "warehouse" / "final_accounts.duckdb"
EXPECTATIONS = ROOT / "expectations"

# What a build workspace copies from the repository to run dbt (its seeds/raw CSVs are
# overwritten by the build with its own documents' rows).
DBT_PROJECT_FILES = ("dbt_project.yml", "profiles.yml", "selectors.yml")
DBT_PROJECT_DIRS = ("models", "macros", "tests", "seeds")
EXTRACT_CACHE = WAREHOUSE.parent / "extract_cache"

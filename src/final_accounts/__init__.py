"""Extraction and build pipeline for department final-accounts disclosures (部门决算公开)."""

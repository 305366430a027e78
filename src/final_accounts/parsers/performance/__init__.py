"""Stages of the performance-table extractor (section 十一, docs/DOMAIN.md §3–§5).

cells → layout (tables and their regions) → names, fund rows, goals, indicators → checks.
The entry point is `final_accounts.parsers.performance_tables.parse_performance_tables`.
"""

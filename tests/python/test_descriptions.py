"""Every mart and every mart column is described in Chinese and in English, and the DuckDB
catalog carries the same text (macro persist_descriptions), so a SQL client shows it: a
comment is one or more Chinese lines, then exactly one English line last.

What counts as a Chinese or an English line, robust to the identifiers both languages quote:
- Identifiers and codes are left out before counting: quoted or backticked spans
  ('empty-table statement'), tokens with `_`, a digit, `:`, `|` or `/` in them (share_pct,
  document_id:table_id, 2.五(三), decimal(18,2)), ALL-CAPS abbreviations (SM, SHA, D) and code
  values glossed in Chinese brackets (`total（合计）`). What is left are prose words.
- Chinese: at least 2 Han characters, at least as many Han characters as prose letters, no
  English function word (of, in, the, …) and no two prose words in a row.
- English: at least one prose word of two letters or more, and no full-width Chinese
  punctuation (，。；：（）！？).
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest
import yaml
from support import REPO

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
CJK_PUNCTUATION = re.compile(r"[，。；：（）！？]")
ASCII_QUOTED = re.compile(r"`[^`]*`|'[ -~]*?'|\"[ -~]*?\"")
ASCII_STRETCH = re.compile(r"[ -~]+")
TOKEN = re.compile(r"[!-~]+")
IDENTIFIER_MARK = re.compile(r"[_\d:|/]")
# English function words: none of them belongs in a Chinese line.
ENGLISH_FUNCTION_WORDS = """
a an and are as at be by each for from if in into is it its not of on or per than that the
their this to was when which with
"""
FUNCTION_WORDS = frozenset(ENGLISH_FUNCTION_WORDS.split())


def prose_runs(line: str) -> list[list[str]]:
    """The prose words (lower-cased) of each stretch of ASCII text in the line, identifiers
    and codes left out."""
    text = ASCII_QUOTED.sub(" ", line)
    runs = []
    for stretch in ASCII_STRETCH.finditer(text):
        words = []
        for match in TOKEN.finditer(stretch.group()):
            token = match.group().strip("()[],.;:!?")
            end = stretch.start() + match.end()
            if text[end : end + 1] == "（" or IDENTIFIER_MARK.search(token):
                continue
            words += [w.lower() for w in re.findall(r"[A-Za-z]+", token) if not w.isupper()]
        runs.append(words)
    return runs


def is_chinese(line: str) -> bool:
    runs = prose_runs(line)
    words = [word for run in runs for word in run]
    han = len(HAN.findall(line))
    return (
        han >= 2
        and han >= sum(len(word) for word in words)
        and not FUNCTION_WORDS.intersection(words)
        and all(len(run) < 2 for run in runs)
    )


def is_english(line: str) -> bool:
    words = [word for run in prose_runs(line) for word in run]
    return not CJK_PUNCTUATION.search(line) and any(len(word) >= 2 for word in words)


def is_bilingual(comment: str | None) -> bool:
    """Chinese line(s) first, then exactly one English line, last."""
    lines = (comment or "").split("\n")
    return len(lines) >= 2 and all(map(is_chinese, lines[:-1])) and is_english(lines[-1])


def mart_models() -> dict[str, set[str]]:
    """Model name → column names, as written in the marts' YAML files."""
    models = {}
    for path in sorted((REPO / "models" / "marts").rglob("*.yml")):
        for model in yaml.safe_load(path.read_text(encoding="utf-8")).get("models", []):
            models[model["name"]] = {column["name"] for column in model.get("columns", [])}
    return models


@pytest.fixture
def catalog(published: Path) -> dict[str, tuple[str | None, dict[str, str | None]]]:
    """Mart table → (table comment, {column: comment}) from the built warehouse's catalog."""
    with duckdb.connect(str(published), read_only=True) as connection:
        tables = connection.execute(
            "select table_name, comment from duckdb_tables() "
            "where database_name = current_database() and schema_name = 'marts'"
        ).fetchall()
        columns = connection.execute(
            "select table_name, column_name, comment from duckdb_columns() "
            "where database_name = current_database() and schema_name = 'marts' "
            "order by table_name, column_index"
        ).fetchall()
    result = {name: (comment, {}) for name, comment in tables}
    for table, column, comment in columns:
        result[table][1][column] = comment
    return result


def test_every_mart_and_column_has_a_comment(catalog):
    """Each model of models/marts is a table of schema marts, and the table and each of its
    columns carry a non-empty comment; the described columns are exactly the built ones."""
    assert set(catalog) == set(mart_models())
    missing = [
        f"{table}{'.' + column if column else ''}"
        for table, (comment, columns) in sorted(catalog.items())
        for column, text in [(None, comment), *columns.items()]
        if not (text or "").strip()
    ]
    assert not missing, "no comment on:\n" + "\n".join(missing)
    for table, columns in mart_models().items():
        assert set(catalog[table][1]) == columns, f"{table}: described ≠ built columns"


def test_every_comment_is_chinese_then_english(catalog):
    """Every table and column comment of schema marts: Chinese line(s) first, then one
    English line last."""
    offending = [
        f"{table}{'.' + column if column else ''}: {text!r}"
        for table, (comment, columns) in sorted(catalog.items())
        for column, text in [(None, comment), *columns.items()]
        if not is_bilingual(text)
    ]
    assert not offending, "not Chinese then English:\n" + "\n".join(offending)


@pytest.mark.parametrize(
    "line",
    [
        "行所属的文档（见 dim_document）。",
        "代理键：document_id:section_code:clause_no。",
        "收入总计（万元）。",
        "固定为 D。",
        "名称质量：clean（原样清晰）、repaired（已修复）、garbled（乱码）或 missing（缺失）。",
        "因文档声明该预算类别为空表而金额记为 0 时为 'empty-table statement'；否则为空值。",
    ],
)
def test_chinese_lines_are_recognised(line):
    """Chinese lines with identifiers, codes and glossed values count as Chinese, not English."""
    assert is_chinese(line)
    assert not is_english(line)


@pytest.mark.parametrize(
    "line",
    [
        "Document the row comes from (see dim_document).",
        "收入总计 in 万元.",
        "Share of 一般公共预算财政拨款支出 in percent as printed.",
        "Canonical Chinese name (政府采购支出总额, 货物, 工程, 服务, 授予中小企业合同).",
        "年度总体目标 · 实际完成情况 (best effort).",
        "total (基本支出), personnel (人员经费) or public_funds (公用经费).",
    ],
)
def test_english_lines_with_chinese_terms_are_english(line):
    """English sentences quoting Chinese terms count as English, not Chinese."""
    assert is_english(line)
    assert not is_chinese(line)


@pytest.mark.parametrize(
    "comment",
    [
        "Document the row comes from (see dim_document).",
        "行所属的文档（见 dim_document）。",
        "Document the row comes from (see dim_document).\n行所属的文档（见 dim_document）。",
        "一级指标。\n一级指标.",
        "",
        None,
    ],
)
def test_a_comment_missing_a_language_or_in_the_wrong_order_is_rejected(comment):
    """One language alone, English first, or a last line without English words fails."""
    assert not is_bilingual(comment)

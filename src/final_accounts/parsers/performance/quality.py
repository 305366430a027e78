"""Extraction quality per table: the cells the template asks for and what became of them."""

from __future__ import annotations

from ...performance_records import DEPARTMENT_TABLE_ID, PerformanceExtract, TableQuality

# Cells the template asks for, per table and per indicator row.
PROJECT_HEAD_CELLS = (
    3 + 9 + 3 + 2 + 1
)  # name, 主管部门, 实施单位; 9 amounts; 分值/执行率/得分; goals; 总分
DEPARTMENT_HEAD_CELLS = 1 + 12 + 3 + 2  # 部门名称; 12 amounts; 分值/执行率/得分; goals
PROJECT_ROW_CELLS = 5  # 三级指标, 年度指标值, 实际完成值, 分值, 得分
DEPARTMENT_ROW_CELLS = 6  # the same and 指标值设定依据
LAYER_KINDS = {"duplicate_row", "garbage_layer", "complementary_layer", "embedded_layer"}


def table_quality(extract: PerformanceExtract, table_id: str) -> TableQuality:
    indicators = extract.indicators_of(table_id)
    department = table_id == DEPARTMENT_TABLE_ID
    head = DEPARTMENT_HEAD_CELLS if department else PROJECT_HEAD_CELLS
    per_row = DEPARTMENT_ROW_CELLS if department else PROJECT_ROW_CELLS
    expected = head + per_row * len(indicators)
    counted = {"name", "target", "actual", "weight", "score"} | ({"basis"} if department else set())
    missing = [
        m
        for m in extract.missing
        if m.table_id == table_id
        and (not m.field.startswith("indicator:") or m.field.rsplit(":", 1)[1] in counted)
    ]
    return TableQuality(
        table_id=table_id,
        expected_cells=expected,
        extracted_cells=expected - len(missing),
        missing_cells=len(missing),
        recovered_cells=sum(1 for r in extract.recoveries if r.table_id == table_id),
        conflicts=sum(1 for c in extract.conflicts if c.table_id == table_id),
        dropped_layers=sum(
            1 for n in extract.layers if n.table_id == table_id and n.kind in LAYER_KINDS
        ),
        indicators=len(indicators),
    )

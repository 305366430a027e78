"""The performance self-evaluation tables of section 十一: real values read off the bundled
document (lines 240–1974), and small hand-made snippets for each damage pattern."""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import snippet_document

from final_accounts.document import Document
from final_accounts.errors import ExtractionError
from final_accounts.parsers.performance.values import parse_score, parse_value
from final_accounts.parsers.performance_tables import parse_performance_tables, summarise
from final_accounts.performance_records import PerformanceExtract
from final_accounts.sections import KIND_NARRATIVE, KIND_PERFORMANCE_TABLES, Section, split_sections

D = Decimal
TABLES = "2.十一.tables"


@pytest.fixture(scope="module")
def extract(real_document: Document) -> PerformanceExtract:
    section = next(s for s in split_sections(real_document) if s.code == TABLES)
    return parse_performance_tables(real_document, section)


def project(extract: PerformanceExtract, table_id: str):  # type: ignore[no-untyped-def]
    return next(p for p in extract.projects if p.table_id == table_id)


def funds(extract: PerformanceExtract, table_id: str) -> dict[str, tuple]:  # type: ignore[type-arg]
    return {
        r.row_kind: (
            r.initial_budget,
            r.annual_budget,
            r.executed,
            r.weight,
            r.execution_rate_pct,
            r.score,
        )
        for r in extract.fund_rows_of(table_id)
    }


def rows(extract: PerformanceExtract, table_id: str) -> list[tuple]:  # type: ignore[type-arg]
    """(level1, level2, name, target, actual, weight, score) of each indicator."""
    return [
        (
            i.level1,
            i.level2,
            i.name,
            i.target.text if i.target else None,
            i.actual.text if i.actual else None,
            i.weight,
            i.score,
        )
        for i in extract.indicators_of(table_id)
    ]


# ---------------------------------------------------------------------------------------
# The real document
# ---------------------------------------------------------------------------------------


def test_58_project_tables_in_document_order(extract: PerformanceExtract) -> None:
    assert len(extract.projects) == 58
    assert [p.seq for p in extract.projects] == list(range(1, 59))
    assert [p.table_id for p in extract.projects][:3] == ["P01", "P02", "P03"]
    assert extract.projects[0].source_line == 261
    assert extract.projects[-1].name == "仲裁办案经费"
    assert extract.projects[-1].source_line == 1955


def test_section_eleven_declares_the_totals(extract: PerformanceExtract) -> None:
    declared = extract.declared
    assert declared is not None
    assert declared.source_line == 238
    assert declared.project_count == 58
    assert declared.project_annual_budget == D("33285.22")
    assert declared.project_executed == D("33125.66")
    assert declared.department_annual_budget == D("32312.49")
    assert declared.department_executed == D("32221.61")


def test_the_one_unprinted_total_is_reported_missing(extract: PerformanceExtract) -> None:
    # 退休业务经费 (line 1277) prints its 年度资金总额 row without amounts: an embedded copy
    # of the header stands where they belong. (What P1 and P7 imply for it, 15.85, is the
    # audit's: test_quality_gate.)
    totals = [funds(extract, p.table_id)["total"] for p in extract.projects]
    printed_budget = sum((t[1] for t in totals if t[1] is not None), D(0))
    printed_executed = sum((t[2] for t in totals if t[2] is not None), D(0))
    assert printed_budget == D("33269.37")
    assert printed_executed == D("33109.81")
    missing = {m.field: m for m in extract.missing if m.table_id == "P35"}
    assert missing["fund:total:annual_budget"].line == 1277
    assert "embedded copy" in missing["fund:total:executed"].reason


def test_ppp_consulting_fees_table(extract: PerformanceExtract) -> None:
    p = project(extract, "P02")
    assert (p.raw_name, p.name, p.name_quality) == (
        "PPP 咨询机构服务费",
        "PPP咨询机构服务费",
        "clean",
    )
    assert p.competent_department == "乌鲁木齐市人力资源和社会保障局"
    assert (p.total_weight, p.total_score, p.total_score_raw, p.total_line) == (
        D(100),
        D("98.50"),
        "98. 50 分",
        305,
    )
    assert funds(extract, "P02") == {
        "total": (D("28.00"), D("22.08"), D("22.08"), D(10), D("100.00"), D("10.00")),
        "current_year_appropriation": (D("28.00"), D("22.08"), D("22.08"), None, None, None),
        "other": (D("0.00"), D("0.00"), D("0.00"), None, None, None),
    }
    assert rows(extract, "P02") == [
        ("产出指标", "数量指标", "形成调研报告数量(份)", "=1份", "=1份", D(10), D(10)),
        ("产出指标", "数量指标", "制定项目解决实施方案数量(份)制", "=1份", "=1份", D(10), D(10)),
        ("产出指标", "质量指标", "PPP项目梳理范围覆盖率(%)", ">=95%", "=100%", D(10), D(10)),
        ("产出指标", "时效指标", "PPP项目重点研判阶段", "<=2月", "=2月", D(5), D(5)),
        ("成本指标", "经济成本指标", "制定项目解决方案计划阶段", "<=4月", "=4月", D(5), D(5)),
        ("成本指标", "经济成本指标", "PPP项目调研梳理费用", "<=14万元", "=14万元", D(10), D(10)),
        (
            "成本指标",
            "经济成本指标",
            "PPP项目方案实施执行费用",
            "<=8.08万元",
            "=8.08万元",
            D(10),
            D(10),
        ),
        (
            "效益指标",
            "社会效益指标",
            "规范项目管理,防范潜在风险",
            "有效提高",
            "完全达到预期",
            D(30),
            D("28.5"),
        ),
    ]
    reason = extract.indicators_of("P02")[7].deviation_reason
    assert reason == "项目现在在诉讼阶段,第三方持续跟进项目的进展并提供相关咨询服务,故存在偏差。"


def test_employment_subsidy_bureau_table(extract: PerformanceExtract) -> None:
    p = project(extract, "P01")
    # the name cell carries the 主管部门/实施单位 row too (bleed); 乌财社(2024) 67号 → 〔〕
    assert p.raw_name.startswith("2024 年市级财政就业补助资金局本级(乌财社(2024) 67号)")
    assert p.name == "2024年市级财政就业补助资金局本级(乌财社〔2024〕67号)"
    assert p.name_quality == "clean"
    assert p.implementing_unit == "乌鲁木齐市人力资源和社会保障局"
    assert funds(extract, "P01")["total"] == (
        D("175.00"),
        D("144.91"),
        D("144.91"),
        D(10),
        D("100.00"),
        D("10.00"),
    )
    got = rows(extract, "P01")
    assert len(got) == 13
    # `=21 人 10 10`: the actual's cell reprints the row's 分值 and 得分
    assert got[1] == ("产出指标", "数量指标", "评审专家人数(行业)", ">=20人", "=21人", D(10), D(10))
    assert got[7] == (
        "成本指标",
        "经济成本指标",
        "市级技能大师工作室经费",
        "<=100万元",
        "=100万元",
        D(10),
        D(10),
    )
    assert got[11] == (
        "效益指标",
        "社会效益指标",
        "促进社会就业,维护社会稳定",
        "有效促进",
        "完全达到预期",
        D(20),
        D(20),
    )
    assert sum(i.weight for i in extract.indicators_of("P01")) == 90
    assert p.total_score == D("100.00")


def test_talent_housing_table(extract: PerformanceExtract) -> None:
    p = project(extract, "P04")
    assert p.raw_name == "` | 2024 平反 人才原 | · · 周转房"
    assert p.name_quality == "garbled"
    assert funds(extract, "P04")["total"] == (
        D("310.00"),
        D("188.94"),
        D("176.36"),
        D(10),
        D("93.34"),
        D("9.33"),
    )
    assert rows(extract, "P04")[4] == (
        "成本指标",
        "经济成本指标",
        "空置房物业费及暖气费",
        "<=19万元",
        "=6.87万元",
        D(5),
        D("1.81"),
    )
    assert rows(extract, "P04")[6][2] == "引进人才对公寓居住环境满意度"  # wrapped over 342–346
    assert p.total_score == D("96.14")


def test_retired_cadres_bonus_decimal_comma_and_crossed_layers(extract: PerformanceExtract) -> None:
    got = rows(extract, "P15")
    # `9, 33` (line 721) is 9.33
    assert got[0] == (
        "产出指标",
        "数量指标",
        "发放离休干部人数",
        ">=90人",
        "=84人",
        D(10),
        D("9.33"),
    )
    # lines 730/731: one layer reads `/-30 Y | =27 人 | 10 | 0`, the other
    # `>=30 人 | -21 人 | 10 | 9`; each readable cell is kept, and the 得分 of the layer whose
    # target is readable (line 731) is kept over the other's; both printings are reported
    assert got[1] == ("产出指标", "数量指标", "发放建国前工人人数", ">=30人", "=27人", D(10), D(9))
    conflict = next(c for c in extract.conflicts if c.table_id == "P15")
    assert (
        conflict.field,
        conflict.value_a,
        conflict.line_a,
        conflict.value_b,
        conflict.line_b,
    ) == ("indicator:2:score", "9", 731, "0", 730)
    assert conflict.resolution == "kept_layer_with_readable_target"
    assert extract.indicators_of("P15")[1].layer_lines == (731,)


def test_rows_printed_twice_are_one_row(extract: PerformanceExtract) -> None:
    got = rows(extract, "P25")  # 职称评审费: every row printed twice (lines 1040–1056)
    assert [r[2] for r in got] == [
        "召开评审会场数",
        "副高级专业技术人员答辩率(%)",
        "正高级专业技术人员答辩率(%)",
        "卫生健康系列正高级专家抽取率(%)",
        "评审会会期",
        "扩大专业技术人才队伍",
        "评审会专家满意度(%)",
    ]
    assert [i.layer_lines for i in extract.indicators_of("P25")] == [
        (1041,),
        (1045,),
        (1047,),
        (1049,),
        (1051,),
        (1054,),
        (1056,),
    ]
    layers = [n for n in extract.layers if n.table_id == "P25" and n.kind == "duplicate_row"]
    assert len(layers) == 7
    # a satisfaction row printed six times (lines 616–621) is one row
    p13 = extract.indicators_of("P13")
    assert len(p13) == 7
    assert p13[6].layer_lines == (617, 618, 619, 620, 621)
    assert p13[6].name == "待遇发放对象对发放工作的"


def test_two_printings_that_disagree_are_reported(extract: PerformanceExtract) -> None:
    # 报名培训率: `>=95% =99. 34%` (line 1010) and `>=95% | =100%` (line 1015)
    conflict = next(
        c for c in extract.conflicts if c.field == "indicator:3:actual" and c.table_id == "P24"
    )
    assert (conflict.value_a, conflict.line_a, conflict.value_b, conflict.line_b) == (
        "=99.34%",
        1010,
        "=100%",
        1015,
    )
    assert conflict.kept == "=99.34%"
    assert conflict.resolution == "kept_first_printed"
    assert rows(extract, "P24")[2][4] == "=99.34%"


def test_garbage_layers_with_other_numbers(extract: PerformanceExtract) -> None:
    # `补助资金 | 1000 | 1000 | 10 | 4.0` (line 784) reprints 补助资金足额发放率 (line 785)
    assert rows(extract, "P17")[2] == (
        "产出指标",
        "质量指标",
        "补助资金足额发放率",
        "=100%",
        "=100%",
        D(10),
        D(10),
    )
    conflict = next(c for c in extract.conflicts if c.table_id == "P17")
    assert (conflict.value_b, conflict.line_b, conflict.kept) == ("4.0", 784, "10")
    assert conflict.resolution == "kept_readable_layer_over_garbage_layer"
    # `> 0.40   >/- | 401 1 1/5 | 10 | 0.5` (line 861) against 6.5 (line 862)
    assert rows(extract, "P19")[0][3:] == (">=648人次", "=421人次", D(10), D("6.5"))
    kinds = {(n.table_id, n.line): n.kind for n in extract.layers}
    assert kinds[("P17", 784)] == kinds[("P19", 861)] == "garbage_layer"
    # a complementary pair: values with junk numbers (`E | -`, line 1542) and junk values
    # with the numbers (`/-90% | -100% | 5 | 5`, line 1543)
    assert rows(extract, "P44")[6] == (
        "产出指标",
        "质量指标",
        "孵化基地房租补贴资金支付率",
        ">=90%",
        "=100%",
        D(5),
        D(5),
    )


def test_two_rows_printed_as_one_line_are_split(extract: PerformanceExtract) -> None:
    # line 404: `办公耗材 产品质量 合格率 专家 支出 | >=97% | =3.1万元 | 5 | 3.1`
    got = rows(extract, "P06")
    assert got[5][2:] == ("办公耗材产品质量合格率", ">=97%", None, None, None)
    assert got[6][2:] == ("专家支出", None, "=3.1万元", D(5), D("3.1"))
    missing = {m.field: m for m in extract.missing if m.table_id == "P06"}
    assert "one 分值/得分 pair is printed for both" in missing["indicator:6:weight"].reason
    assert missing["indicator:7:target"].line == 404
    # line 1174: `=37 人 =1 家` in both the target and the actual cell
    got = rows(extract, "P31")
    assert got[0][2:] == ("水利水电建设工程局医院退休人员人数", "=37人", "=37人", D(10), D(10))
    assert got[1][2:] == ("医疗保险费补差涉及单位", "=1家", "=1家", None, None)


def test_fund_cells_missing_or_unreadable(extract: PerformanceExtract) -> None:
    assert funds(extract, "P35")["total"] == (None, None, None, None, D("100.00"), D("10.00"))
    assert funds(extract, "P35")["current_year_appropriation"][:3] == (
        D("15.85"),
        D("15.85"),
        D("15.85"),
    )
    # `其中: 当年财政拨款 | | 347. 99 | 347. 99` (line 1090): 年初预算数 not printed
    assert funds(extract, "P27")["current_year_appropriation"][:3] == (
        None,
        D("347.99"),
        D("347.99"),
    )
    # `1, 286. 27 | 1, 286. 27 | 空生资助补助经费—免学费` (line 1354)
    cell = next(m for m in extract.missing if m.field == "fund:current_year_appropriation:executed")
    assert (cell.table_id, cell.line) == ("P39", 1354)
    assert "空生资助补助经费—免学费" in cell.reason
    # `其他资金 0.00 0.00` in the label cell (line 769)
    assert funds(extract, "P17")["other"][:3] == (D("0.00"), D("0.00"), None)
    # the 年度资金总额 row of 金保工程…非政府采购 prints two amounts (line 1938)
    assert funds(extract, "P57")["total"][:3] == (None, D("103.30"), D("99.17"))


def test_recoveries_from_elsewhere_in_the_table(extract: PerformanceExtract) -> None:
    by_field = {(r.table_id, r.field): r for r in extract.recoveries}
    # the 当年财政拨款 row of line 1207 is only legible in the embedded copy on that line
    assert funds(extract, "P33")["current_year_appropriation"][:3] == (
        D("7.20"),
        D("7.20"),
        D("7.20"),
    )
    assert by_field[("P33", "fund:current_year_appropriation:annual_budget")].rule == (
        "embedded_layer_copy_of_the_row"
    )
    # the name line 1350 is an embedded header; the name is printed in the 主管部门 row
    p39 = project(extract, "P39")
    assert (p39.name, p39.name_quality, p39.name_source_line) == (
        "2024年中央直达学生资助补助经费—免学费",
        "recovered",
        1351,
    )
    # actuals of 鑫鹏达 and 新东方 are lost in their rows, listed in line 1367
    assert rows(extract, "P39")[5][3:] == ("<=269.72万元", "=269.72万元", D(4), D(4))
    recovery = by_field[("P39", "indicator:6:actual")]
    assert (recovery.source_line, recovery.rule) == (
        1367,
        "value_fragment_aligned_with_neighbour_rows",
    )
    # 职业技能竞赛 (项目名称 mid-line at 1812): names only legible in embedded layers
    assert [r[2] for r in rows(extract, "P52")][:4] == [
        "职业技能竞赛参赛选手人数",
        "参赛项目个数",
        "场地及设备到位率",
        "选手集训参与率",
    ]
    assert by_field[("P52", "indicator:1:name")].rule == "embedded_layer_row"
    conflict = next(
        c for c in extract.conflicts if c.field == "indicator:1:target" and c.table_id == "P52"
    )
    assert (conflict.value_a, conflict.value_b) == (">=18 人", ">=78 人")
    # units: from the 项目名称 line's bleed, the title, the list of budget units
    assert by_field[("P01", "implementing_unit")].source_line == 261
    assert by_field[("P02", "competent_department")].rule == "department_name_in_title"
    assert by_field[("P11", "implementing_unit")].source_line == 81
    assert project(extract, "P11").implementing_unit == "乌鲁木齐市社会保险中心"


def test_names_as_printed_and_cleaned(extract: PerformanceExtract) -> None:
    p03 = project(extract, "P03")
    assert (p03.raw_name, p03.name, p03.name_quality) == (
        "2024 平/文 业务楼 | · 运营费",
        "2024年度业务楼运营费",
        "repaired",
    )
    assert project(extract, "P12").name == "城乡居民养老保补助资金"  # 成乡 → 城乡
    assert project(extract, "P12").name_quality == "garbled"
    p52 = project(extract, "P52")
    assert p52.name == "乌鲁木齐市第二届职业技能竞赛暨新疆维吾尔自治区第二届职业技能大赛"
    assert p52.source_line == 1812
    p31 = project(extract, "P31")  # the name starts on the line above 项目名称 (1164)
    assert (p31.source_line, p31.name_source_line) == (1164, 1165)
    assert p31.name.startswith("乌财企〔2023〕87号-核拨2024年度")
    qualities = {p.name_quality for p in extract.projects}
    assert qualities == {"clean", "repaired", "recovered", "garbled"}


def test_a_row_lost_in_print(extract: PerformanceExtract) -> None:
    # lines 1403–1412: `标 | 标 | 度 | … | 政策宣传` and its reason; the values are gone
    lost = extract.indicators_of("P39")[10]
    assert (lost.target, lost.actual, lost.weight, lost.score) == (None, None, None, None)
    assert lost.deviation_reason.startswith("政策宣传到位,资金发放时间及时")
    missing = {m.field: m for m in extract.missing if m.table_id == "P39"}
    assert "row lost in print" in missing["indicator:11:weight"].reason


def test_department_table(extract: PerformanceExtract) -> None:
    d = extract.department
    assert d is not None
    assert d.department_name == "乌鲁木齐市人力资源和社会保障局(部门)"
    assert (d.source_line, d.goal_source_line) == (241, 249)
    assert funds(extract, "D") == {
        "total": (D("25169.42"), D("32312.49"), D("32221.61"), D(10), D("99.72"), D("9.97")),
        "superior": (D("5122.43"), D("10955.41"), D("10955.41"), None, None, None),
        "own_level": (D("18338.95"), D("21274.70"), D("21183.82"), None, None, None),
        "other": (D("1708.04"), D("82.38"), D("82.38"), None, None, None),
    }
    indicators = extract.indicators_of("D")
    assert [
        (i.name, i.target.text, i.basis, i.actual.text if i.actual else None, i.weight, i.score)
        for i in indicators
    ] == [
        ("城镇新增就业人数(万人)", ">=10万人", "自治区就业工作要点", "10.21万人", D(25), D(25)),
        ("各类职业技能培训(人次)", ">=10万次", None, None, D(25), None),
        (
            "区属应届普通高校毕业生就业去向落实率(%)",
            ">=90%",
            "自治区就业工作要点",
            "93.79%",
            D(20),
            D(20),
        ),
        ("发布岗位需", ">=20000条", "乌党办发〔2023〕3号", "24484个", D(20), D(20)),
    ]
    assert {(i.level1, i.level2) for i in indicators} == {("履职效能", "数量指标")}


def test_merged_cell_levels(extract: PerformanceExtract) -> None:
    levels = [(i.level2, i.level2_source) for i in extract.indicators_of("P01")]
    assert [lv for lv, _ in levels] == ["数量指标"] * 4 + ["质量指标"] * 3 + [
        "经济成本指标"
    ] * 4 + [
        "社会效益指标",
        "满意度指标",
    ]
    assert levels[0] == ("数量指标", "merged_cell_below")
    assert levels[2] == ("数量指标", "merged_cell_above")
    # five schools under one 经济成本 label printed at the third (line 1433)
    schools = extract.indicators_of("P40")[4:9]
    assert {(i.level1, i.level2) for i in schools} == {("成本指标", "经济成本指标")}
    assert [i.level2_source for i in schools] == [
        "merged_cell_below",
        "merged_cell_below",
        "printed",
        "merged_cell_above",
        "merged_cell_above",
    ]


def test_every_row_keeps_its_lines_and_raw_text(
    extract: PerformanceExtract, real_document: Document
) -> None:
    for i in extract.indicators:
        assert i.first_line <= i.source_line <= i.source_line_end
        assert real_document.line(i.source_line) == i.raw_text
    for r in extract.fund_rows:
        assert real_document.line(r.source_line) == r.raw_text
    assert len(extract.indicators) == 473


def test_quality_per_table(extract: PerformanceExtract) -> None:
    quality = {q.table_id: q for q in extract.quality}
    assert len(quality) == 59
    for q in quality.values():
        assert q.expected_cells == q.extracted_cells + q.missing_cells
    assert quality["P02"].missing_cells == 0
    assert quality["P35"].missing_cells == 5
    assert quality["P25"].dropped_layers == 7


def test_summarise(extract: PerformanceExtract) -> None:
    text = summarise(extract)
    assert text.startswith("Section 十一 declares 58 projects")
    assert "58 project tables, 473 indicator rows" in text
    assert "P02 PPP咨询机构服务费 [clean]" in text


# ---------------------------------------------------------------------------------------
# Snippets: one damage pattern each
# ---------------------------------------------------------------------------------------

HEADER = ["", "", "", "年初预算 数", "全年预算 数", "全年执行数", "分值", "执行率", "得分"]
INDICATOR_HEADER = [
    "",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成 值",
    "分值",
    "得分",
    "偏差原因 分析及改 进措施",
]


def line(*cells: str) -> str:
    return "\t".join(cells)


def table(
    name: str = "PPP 咨询机构服务费",
    *,
    units: str | None = None,
    funds: list[str] | None = None,
    indicators: list[str] | None = None,
    total: str = line("总分", "", "", "", "", "100", "100.00分"),
) -> list[str]:
    return [
        line("项目名称", "", name),
        units
        or line("主管部门", "乌鲁木齐市人力资源和社会保障局", "实施单位", "乌鲁木齐市社会保险中心"),
        line(*HEADER),
        *(
            funds
            or [
                line(
                    "项目资金",
                    "年度资",
                    "金总额",
                    "28.00",
                    "22. 08",
                    "22. 08",
                    "10",
                    "100.00%",
                    "10.00分",
                ),
                line(
                    "(万元)", "其中: 当年", "财政拨款", "28. 00", "22. 08", "22. 08", "_", "_", "_"
                ),
                line("", "其他", "也资金", "0.00", "0.00", "0.00", "_", "_", "_"),
            ]
        ),
        line("", "", "预期目标", "", "", "实际完成情况"),
        line("年度总体 目标", "委托第三方机构", "", "", "已完成"),
        line(*INDICATOR_HEADER),
        *(
            indicators
            or [
                line(
                    "",
                    "产出指标",
                    "数量指标",
                    "形成调研 报告数量",
                    "=1 份",
                    "=1 份",
                    "90",
                    "90",
                    "",
                ),
            ]
        ),
        total,
        "",
    ]


def parse(body: list[str]) -> PerformanceExtract:
    document = snippet_document(body)
    section = Section(TABLES, "预算绩效自评表", KIND_PERFORMANCE_TABLES, 1, 2, len(document.lines))
    return parse_performance_tables(document, section)


def test_snippet_numbers_with_spaces_commas_and_score_suffix() -> None:
    got = parse(
        table(
            funds=[
                line(
                    "项目资金",
                    "年度资",
                    "金总额",
                    "2, 121. 12",
                    "2, 121. 12",
                    "2, 009. 52",
                    "10",
                    "94. 74%",
                    "9.47 分",
                ),
                line(
                    "(万元)",
                    "其中: 当年",
                    "财政拨款",
                    "2, 121. 12",
                    "2, 121. 12",
                    "2, 009. 52",
                    "_",
                    "_",
                    "_",
                ),
                line("", "其他", "也资金", "0. 00", "0.00", "0.00", "_", "_", "_"),
            ],
            total=line("总分", "", "", "", "", "100", "99. 47 分"),
        )
    )
    assert funds(got, "P01")["total"] == (
        D("2121.12"),
        D("2121.12"),
        D("2009.52"),
        D(10),
        D("94.74"),
        D("9.47"),
    )
    assert got.projects[0].total_score == D("99.47")


def test_snippet_decimal_comma_score() -> None:
    assert parse_score("9, 33")[0].value == D("9.33")  # type: ignore[union-attr]
    assert parse_score("9, 33") == (parse_score("9, 33")[0], True)
    assert parse_score("10.00分")[0].value == D("10.00")  # type: ignore[union-attr]
    assert parse_score("101")[0] is None  # no weight or score exceeds 100


@pytest.mark.parametrize(
    ("raw", "operator", "value", "unit", "kind"),
    [
        (">=10 万人", ">=", D(10), "万人", "quantitative"),
        ("=26. 58 人", "=", D("26.58"), "人", "quantitative"),
        ("<=12 月底", "<=", D(12), "月底", "quantitative"),
        ("=22 元/月/ 平方米", "=", D(22), "元/月/平方米", "quantitative"),
        ("〈145 人", "<", D(145), "人", "quantitative"),  # 〈 for <
        ("=3 ↑", "=", D(3), "个", "quantitative"),  # ↑ for 个
        ("=550.59万 = 元", "=", D("550.59"), "万元", "quantitative"),  # stray = in the wrap
        ("10. 21 万人", None, D("10.21"), "万人", "quantitative"),
        ("有效促进", None, None, None, "qualitative"),
        ("元至达到 预期", None, None, None, "qualitative"),  # 完全达到预期 misread
        ("毎月 25 日 前", None, None, None, "text"),
        ("=2024年12 月31日前", "=", None, None, "text"),
        ("/-30 Y", None, None, None, "unreadable"),
        ("-21 人", None, None, None, "unreadable"),
        ("1000", None, None, None, "unreadable"),
        ("84 人为截", None, None, None, "unreadable"),
    ],
)
def test_snippet_targets_and_actuals(raw: str, operator, value, unit, kind) -> None:  # type: ignore[no-untyped-def]
    parsed = parse_value(raw)
    assert (parsed.operator, parsed.value, parsed.unit, parsed.kind) == (
        operator,
        value,
        unit,
        kind,
    )
    assert parsed.raw == raw


def test_snippet_name_glyphs_markup_and_stray_marks() -> None:
    got = parse(table(name=line("", "<u>2024 平/文</u> 业务楼", "· 运营费")))
    assert got.projects[0].raw_name == "2024 平/文 业务楼 | · 运营费"
    assert (got.projects[0].name, got.projects[0].name_quality) == (
        "2024年度业务楼运营费",
        "repaired",
    )
    got = parse(table(name=line("", "", "成乡居民养老保险补助资金")))
    assert got.projects[0].name == "城乡居民养老保险补助资金"


def test_snippet_name_bleeding_the_units_row() -> None:
    got = parse(
        table(
            name="1995 年以前退休人员生活补贴 乌鲁木齐市人力资源和社会保障局 实施单位 "
            "乌鲁木齐市社会保险中心",
            units=line("主管部门", "乌鲁木齐ī", "", "", "实施单位", "., •,, -", "", "土会保险中心"),
        )
    )
    p = got.projects[0]
    assert (p.name, p.name_quality) == ("1995年以前退休人员生活补贴", "clean")
    assert p.competent_department == "乌鲁木齐市人力资源和社会保障局"
    assert p.implementing_unit == "乌鲁木齐市社会保险中心"
    assert {r.rule for r in got.recoveries} == {"bleed_in_name_row"}


def test_snippet_name_recovered_from_the_units_row() -> None:
    body = table(
        name=line("年初预算 数     全年预算 数     全年执行 数     分值"),
        units=line("主管部门", "乌鲁木齐市", "2024年中央直达学生资助补助经费—免学费"),
    )
    p = parse(body).projects[0]
    assert (p.name, p.name_quality, p.name_source_line) == (
        "2024年中央直达学生资助补助经费—免学费",
        "recovered",
        3,
    )


def test_snippet_project_name_label_in_the_middle_of_a_line() -> None:
    body = table()
    body[0] = line(
        "主管部门     乌鲁木齐市     实施单位     乌鲁木齐市公共就业服务中心",
        "项目名称",
        "",
        "乌鲁木剂",
        "市第二届职业",
        "技能大赛",
    )
    p = parse(body).projects[0]
    assert p.name == "乌鲁木齐市第二届职业技能大赛"  # 乌鲁木剂 → 乌鲁木齐


def test_snippet_name_starting_on_the_line_above() -> None:
    body = table() + table(name=line("", "", "险费补差 (上)"))
    body.insert(len(table()), line("", "乌财企〔202", "23〕87 号-核拨"))
    got = parse(body)
    assert got.projects[1].name == "乌财企〔2023〕87号-核拨险费补差(上)"
    assert got.projects[1].source_line == got.projects[1].name_source_line - 1


def test_snippet_wrapped_name_and_reason_cells() -> None:
    got = parse(
        table(
            indicators=[
                line("", "", "", "", "", "", "", "", "根据当年"),
                line("", "", "", "聘用代办", ">=63 人", "=56 人", "90", "88. 89", "聘用人数"),
                line("指标完成", "产出指标", "数量指标", "员人数", "", "", "", "", "有所偏差。"),
            ],
            total=line("总分", "", "", "", "", "100", "98.89分"),
        )
    )
    indicator = got.indicators_of("P01")[0]
    assert (indicator.name, indicator.name_quality) == ("聘用代办员人数", "joined")
    assert indicator.deviation_reason == "根据当年聘用人数有所偏差。"
    assert (indicator.first_line, indicator.source_line_end) == (11, 13)
    assert (indicator.level1, indicator.level2) == ("产出指标", "数量指标")


def test_snippet_unit_and_numbers_on_wrapped_lines() -> None:
    got = parse(
        table(
            indicators=[
                line("", "", "", "全民参保", ">=131.02", "=144.73万", "", "", ""),
                line("", "", "", "工资人数", "万人", "人", "90", "90", ""),
            ]
        )
    )
    assert rows(got, "P01")[0][2:] == (
        "全民参保工资人数",
        ">=131.02万人",
        "=144.73万人",
        D(90),
        D(90),
    )
    assert {r.rule for r in got.recoveries if r.field.startswith("indicator")} == {
        "number_on_wrapped_line"
    }


def test_snippet_duplicated_row() -> None:
    got = parse(
        table(
            indicators=[
                line("", "", "数量指标", "召开评审会场数", ">=40 场", "=65 场", "90", "90", ""),
                line("", "", "", "召开评审 会场数", ">=40 场", "=65 场", "90", "90", ""),
            ]
        )
    )
    assert len(got.indicators) == 1
    assert got.indicators[0].layer_lines == (12,)
    assert [n.kind for n in got.layers] == ["duplicate_row"]


def test_snippet_distinct_rows_with_equal_values_stay_apart() -> None:
    got = parse(
        table(
            indicators=[
                line("", "", "质量指标", "副高级答辩率", "=100%", "=100%", "45", "45", ""),
                line("", "", "", "正高级答辩率", "=100%", "=100%", "45", "45", ""),
            ]
        )
    )
    assert [i.name for i in got.indicators] == ["副高级答辩率", "正高级答辩率"]


def test_snippet_garbage_layer_with_other_numbers() -> None:
    got = parse(
        table(
            indicators=[
                line("", "", "", "补助资金", "1000", "1000", "90", "4.0", ""),
                line("", "", "质量指标", "足额发放率", "=100%", "=100%", "90", "90", ""),
            ]
        )
    )
    assert rows(got, "P01")[0][2:] == ("补助资金足额发放率", "=100%", "=100%", D(90), D(90))
    conflict = got.conflicts[0]
    assert (conflict.field, conflict.value_a, conflict.value_b, conflict.line_b) == (
        "indicator:1:score",
        "90",
        "4.0",
        11,
    )
    assert conflict.resolution == "kept_readable_layer_over_garbage_layer"


def test_snippet_conflicting_printings_keep_the_layer_with_a_readable_target() -> None:
    got = parse(
        table(
            indicators=[
                line("", "", "", "", "/-30 Y", "=27 人", "90", "0", ""),
                line("", "", "数量指标", "建国前工人人数", ">=30 人", "-21 人", "90", "81", ""),
            ],
            total=line("总分", "", "", "", "", "100", "91.00分"),
        )
    )
    assert rows(got, "P01")[0][3:] == (">=30人", "=27人", D(90), D(81))
    conflict = got.conflicts[0]
    assert (conflict.kept, conflict.resolution) == ("81", "kept_layer_with_readable_target")


def test_snippet_complementary_layers() -> None:
    got = parse(
        table(
            indicators=[
                line("", "", "", "房租补贴", ">=90%", "=100%", "E", "-", ""),
                line("", "", "", "资金支付率", "/-90%", "-100%", "90", "90", ""),
            ]
        )
    )
    assert rows(got, "P01")[0][2:] == ("房租补贴资金支付率", ">=90%", "=100%", D(90), D(90))


def test_snippet_target_and_actual_in_one_cell() -> None:
    got = parse(
        table(indicators=[line("", "", "", "报名培训率", ">=95% =99. 34%", "90", "90", "")])
    )
    assert rows(got, "P01")[0][3:] == (">=95%", "=99.34%", D(90), D(90))


def test_snippet_two_rows_in_one_line() -> None:
    got = parse(
        table(
            indicators=[
                line(
                    "",
                    "",
                    "",
                    "退休人员人 数 医疗保险 费补差涉 及单位",
                    "=37 人 =1 家",
                    "=37 人 =1 家",
                    "45",
                    "45",
                ),
                line("", "", "", "补差发放次数", "=1 次", "=1 次", "45", "45"),
            ],
            total=line("总分", "", "", "", "", "100", "100.00分"),
        )
    )
    assert [r[2:] for r in rows(got, "P01")] == [
        ("退休人员人数", "=37人", "=37人", D(45), D(45)),
        ("医疗保险费补差涉及单位", "=1家", "=1家", None, None),
        ("补差发放次数", "=1次", "=1次", D(45), D(45)),
    ]
    assert {m.field for m in got.missing} == {"indicator:2:weight", "indicator:2:score"}


def test_snippet_fund_cells_empty_unreadable_or_in_the_label() -> None:
    got = parse(
        table(
            funds=[
                line(
                    "项目资金",
                    "年度资",
                    "金总额",
                    "472. 50",
                    "347. 99",
                    "347. 99",
                    "10",
                    "100.00%",
                    "10.00分",
                ),
                line(
                    "(万元)",
                    "其中: 当年",
                    "其中: 当年财政拨款",
                    "",
                    "347. 99",
                    "347. 99",
                    "_",
                    "_",
                    "_",
                ),
                line("", "其作", "其他资金 0.00 0.00", "", "", "_", "_", "_"),
            ]
        )
    )
    assert funds(got, "P01")["current_year_appropriation"][:3] == (None, D("347.99"), D("347.99"))
    assert funds(got, "P01")["other"][:3] == (D("0.00"), D("0.00"), None)
    missing = {m.field for m in got.missing}
    assert {"fund:current_year_appropriation:initial_budget", "fund:other:executed"} <= missing


def test_snippet_lost_row() -> None:
    got = parse(
        table(
            indicators=[
                line("", "", "数量指标", "涉及学校 个数", "<=5 个", "=5 个", "80", "80", ""),
                line("", "", "", "家庭经济", "有效减轻", "完全达到", "", "", ""),
                line("", "", "", "负担", "", "预期目标", "", "", ""),
                line("", "", "", "人口", "", "", "", "", ""),
                line("标", "标", "度", "", "", "", "", "政策宣传到位。"),
            ]
        )
    )
    lost = got.indicators_of("P01")[-1]
    assert (lost.weight, lost.level1, lost.deviation_reason) == (None, None, "政策宣传到位。")
    assert any("row lost in print" in m.reason for m in got.missing)


def test_snippet_labels_of_a_merged_cell_centred_on_its_rows() -> None:
    got = parse(
        table(
            indicators=[
                line("", "", "", "甲", "=1 个", "=1 个", "30", "30", ""),
                line("", "产出指标", "数量指标", "乙", "=1 个", "=1 个", "30", "30", ""),
                line("", "", "", "丙", "=1 个", "=1 个", "10", "10", ""),
                line(
                    "",
                    "効益指标",
                    "社会效益 指标",
                    "丁",
                    "有效促进",
                    "完全达到 预期",
                    "20",
                    "20",
                    "",
                ),
            ]
        )
    )
    levels = [(i.level1, i.level2, i.level2_source) for i in got.indicators]
    assert levels == [
        ("产出指标", "数量指标", "merged_cell_below"),
        ("产出指标", "数量指标", "printed"),
        ("产出指标", "数量指标", "merged_cell_above"),
        ("效益指标", "社会效益指标", "printed"),
    ]


def test_snippet_department_table() -> None:
    body = [
        line("部门名称", "", "", "乌鲁木齐市人", "力资源和社会保", "障局(部门)"),
        line(
            "", "资金来源", "年初预算数", "全年预算数", "全年执行数", "分值权重", "执行率", "得分"
        ),
        line(
            "", "年度总资金", "25, 169. 42", "32, 312. 49", "32, 221. 61", "10", "99. 72%", "9. 97"
        ),
        line(
            "部门资金(万",
            "上级资金(万元)",
            "5, 122. 43",
            "10, 955. 41",
            "10, 955. 41",
            "-",
            "-",
            "-",
        ),
        line("元)", "本级资金(万 元)", "18, 338. 95", "21, 274. 70", "21, 183. 82", "ı", "-", "-"),
        line("", "其他资金(万 元)", "1, 708. 04", "82. 38", "82. 38", "-", "-", "-"),
        line("", "", "预期目标", "", "", "实际完", "成目标"),
        line("年度总体目标", "稳就业", "", "", "", "完成"),
        line(
            "一级指标",
            "二级指标",
            "三级指标",
            "预期指标值",
            "指标值设定 依据",
            "实际完成指 标值",
            "分值权重",
            "得分",
        ),
        line(
            "履职效能",
            "数量指标",
            "城镇新增就 业人数(万 人)",
            ">=10 万人",
            "自治区就业 工作要点",
            "10. 21 万人",
            "90",
            "90",
        ),
    ]
    got = parse(body)
    assert got.department is not None and got.projects == []
    assert funds(got, "D")["own_level"] == (
        D("18338.95"),
        D("21274.70"),
        D("21183.82"),
        None,
        None,
        None,
    )
    indicator = got.indicators[0]
    assert (indicator.name, indicator.basis, indicator.actual.text) == (  # type: ignore[union-attr]
        "城镇新增就业人数(万人)",
        "自治区就业工作要点",
        "10.21万人",
    )


def test_snippet_declared_totals_before_the_tables() -> None:
    body = [
        "#### 十一、预算绩效的情况说明",
        "预算绩效评价项目 2 个, 全年预 算数 50.00 万元,全年执行数 44. 16 万元。",
        "# 部门整体支出绩效自评表 (2024年度)",
        *table(),
        *table(name="另一项目"),
    ]
    document = snippet_document(body)
    section = Section(TABLES, "预算绩效自评表", KIND_PERFORMANCE_TABLES, 4, 5, len(document.lines))
    got = parse_performance_tables(document, section)
    assert got.declared is not None
    assert (got.declared.project_count, got.declared.source_line) == (2, 3)
    assert (got.declared.project_annual_budget, got.declared.project_executed) == (
        D("50.00"),
        D("44.16"),
    )


# ---------------------------------------------------------------------------------------
# Bad input
# ---------------------------------------------------------------------------------------


def test_bad_input_fund_rows_without_any_readable_number() -> None:
    body = table(
        funds=[
            line("项目资金", "年度资", "金总额", "28.0O", "22.O8", "二二", "1O", "", ""),
            line("(万元)", "其中: 当年", "财政拨款", "二八"),
            line("", "其他", "也资金"),
        ]
    )
    with pytest.raises(ExtractionError) as caught:
        parse(body)
    assert caught.value.section == TABLES
    assert caught.value.line == 2  # the 项目名称 line: the table has no fund row at all
    assert "no 项目资金 row" in caught.value.message


def test_bad_input_unreadable_amounts_in_readable_rows() -> None:
    body = table(
        funds=[
            line("项目资金", "年度资", "金总额", "28.0O", "22.O8", "二二", "10", "10O%", "10.00分"),
            line("(万元)", "其中: 当年", "财政拨款", "二八", "二二", "二二", "_", "_", "_"),
            line("", "其他", "也资金", "零", "零", "零", "_", "_", "_"),
        ]
    )
    with pytest.raises(ExtractionError) as caught:
        parse(body)
    assert (caught.value.section, caught.value.line) == (TABLES, 6)  # the first fund row
    assert "no amount of its fund rows can be read" in caught.value.message


def test_bad_input_table_without_project_name() -> None:
    body = table()
    second = table()[1:]  # the same table without its 项目名称 line
    with pytest.raises(ExtractionError) as caught:
        parse(body + second)
    assert caught.value.section == TABLES
    assert caught.value.line == len(body) + 1 + 3  # the second table's 年度资金总额 row
    assert "项目名称" in caught.value.message


def test_bad_input_not_the_tables_section() -> None:
    document = snippet_document(table())
    section = Section("2.十一", "预算绩效的情况说明", KIND_NARRATIVE, 1, 2, len(document.lines))
    with pytest.raises(ExtractionError):
        parse_performance_tables(document, section)

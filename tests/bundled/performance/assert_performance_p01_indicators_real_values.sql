-- The 13 indicators of P01 (2024年市级财政就业补助资金局本级, lines 262–284) in full, as printed:
-- 一级 / 二级 / 三级, 年度指标值, 实际完成值, 分值, 得分, with the derived achievement_ratio and
-- is_target_met. Returns a row per expected indicator missing or different, and any extra row.

with

indicators as (

    select * from {{ ref('fct_indicator_result') }}
    where document_id = '{{ var("fixture_document_id") }}' and table_id = 'P01'

),

expected as (

    select *
    from (
        values
            (1, '产出指标', '数量指标', '技能大师工作室建设数量', '=10个', '=10个', 10.00, 10.00, null, true, 270),
            (2, '产出指标', '数量指标', '评审专家人数(行业)', '>=20人', '=21人', 10.00, 10.00, 1.050000, true, 271),
            (3, '产出指标', '数量指标', '就业宣传方式(类)', '>=3类', '=3类', 8.00, 8.00, 1.000000, true, 272),
            (4, '产出指标', '数量指标', '就业工作培训期数', '>=2期', '=2期', 6.00, 6.00, 1.000000, true, 273),
            (5, '产出指标', '质量指标', '就业政策宣传覆盖率(%)', '>=95%', '=100%', 2.00, 2.00, 1.052632, true, 274),
            (6, '产出指标', '质量指标', '培训人员出勤率(%)', '>=97%', '=100%', 2.00, 2.00, 1.030928, true, 275),
            (7, '产出指标', '质量指标', '技能大师工作室申报条件达标率', '>=95%', '=100%', 2.00, 2.00, 1.052632, true, 276),
            (8, '成本指标', '经济成本指标', '市级技能大师工作室经费', '<=100万元', '=100万元', 10.00, 10.00, null, true, 278),
            (9, '成本指标', '经济成本指标', '就业工作培训成本', '<=0.93万元', '=0.93万元', 3.00, 3.00, null, true, 279),
            (10, '成本指标', '经济成本指标', '就业政策宣传成本', '<=39.93万元', '=39.93万元', 5.00, 5.00, null, true, 280),
            (11, '成本指标', '经济成本指标', '技能大师工作室专家评审费', '<=4.05万元', '=4.05万元', 2.00, 2.00, null, true, 281),
            (12, '效益指标', '社会效益指标', '促进社会就业,维护社会稳定', '有效促进', '完全达到预期', 20.00, 20.00, null, null, 282),
            (13, '满意度指标', '满意度指标', '有就业需求的人员对就业政策宣传满意度', '>=95%', '=95%', 10.00, 10.00, 1.000000, true, 283)
    ) as t (
        indicator_seq, level1_name, level2_name, level3_name, target_text, actual_text,
        weight, score, achievement_ratio, is_target_met, source_line
    )

),

compared as (

    select
        coalesce(expected.indicator_seq, indicators.indicator_seq) as indicator_seq,
        expected.level3_name as expected_name,
        indicators.level3_name as actual_name,
        expected.indicator_seq is not null as is_expected,
        indicators.indicator_result_id is not null as is_extracted
    from expected
    full outer join indicators
        on expected.indicator_seq = indicators.indicator_seq
        and expected.level1_name is not distinct from indicators.level1_name
        and expected.level2_name is not distinct from indicators.level2_name
        and expected.level3_name is not distinct from indicators.level3_name
        and expected.target_text is not distinct from indicators.target_text
        and expected.actual_text is not distinct from indicators.actual_text
        and cast(expected.weight as decimal(18, 2)) = indicators.weight
        and cast(expected.score as decimal(18, 2)) = indicators.score
        and cast(expected.achievement_ratio as decimal(18, 6))
            is not distinct from indicators.achievement_ratio
        and expected.is_target_met is not distinct from indicators.is_target_met
        and expected.source_line = indicators.source_line

)

select * from compared
where not (is_expected and is_extracted)

-- The evaluator of the rule checks (kind rule of ref_check_instances): scoring heuristics of
-- the self-evaluation tables that no sum, ratio or bound expresses, each a CTE below, one row
-- per indicator (W1, W2) or per copied text (W3). Warnings, not identities (ref_checks).
--   W1 a quantitative >= indicator's 得分 = round(分值 × min(实际 / 目标, 1), 2);
--   W2 a quantitative target met with a deduction, or missed with full marks;
--   W3 a deviation reason printed identically in two or more projects (copied text).

with

indicators as (

    select * from {{ ref('stg_performance__indicators') }}

),

tables as (

    select * from {{ ref('stg_performance__tables') }}

),

missing_cells as (

    select * from {{ ref('stg_performance__missing_cells') }}

),

rule_instances as (

    select * from {{ ref('stg_reference__check_instances') }}
    where kind = 'rule'

),

missing_reasons as (

    select
        performance_table_id,
        field,
        string_agg(reason || ' (line ' || source_line || ')', '; ' order by missing_seq) as reason
    from missing_cells
    group by performance_table_id, field

),

indicator_inputs as (

    select
        indicators.*,
        tables.table_kind,
        concat_ws('; ',
            case when indicators.weight is null then 'indicator:' || indicators.indicator_seq
                || ':weight: ' || coalesce(weight_reason.reason, 'not printed') end,
            case when indicators.score is null then 'indicator:' || indicators.indicator_seq
                || ':score: ' || coalesce(score_reason.reason, 'not printed') end
        ) as missing_inputs,
        indicators.target_kind = 'quantitative' and indicators.actual_kind = 'quantitative'
            and indicators.target_value is not null and indicators.actual_value is not null
            and indicators.target_operator is not null as is_quantitative
    from indicators
    inner join tables
        on indicators.performance_table_id = tables.performance_table_id
    left join missing_reasons as weight_reason
        on weight_reason.performance_table_id = indicators.performance_table_id
        and weight_reason.field = 'indicator:' || indicators.indicator_seq || ':weight'
    left join missing_reasons as score_reason
        on score_reason.performance_table_id = indicators.performance_table_id
        and score_reason.field = 'indicator:' || indicators.indicator_seq || ':score'

),

-- W1: score = round(分值 × min(实际 / 目标, 1), 2), in exact integer arithmetic (cents).
partial_score_expected as (

    select
        *,
        (
            (2 * cast(weight * 100 as hugeint) * cast(least(actual_value, target_value) * 10000 as hugeint)
                + cast(target_value * 10000 as hugeint))
            // (2 * cast(target_value * 10000 as hugeint))
        )::decimal(30, 0) * 0.01::decimal(3, 2) as expected_score
    from indicator_inputs
    where is_quantitative and target_operator = '>=' and target_value > 0
        and actual_value >= 0 and missing_inputs = ''

),

partial_score_checks as (

    select
        'W1' as identity_id,
        document_id,
        table_id || ' 指标' || indicator_seq || ' 得分 = 分值 × min(实际/目标, 1)' as instance,
        'rule' as check_kind,
        '得分 ' || coalesce(level3_name, '(三级指标 not printed)') as left_label,
        'round(分值 × min(实际 / 目标, 1), 2) with 分值 = ' || weight || ', 实际 = ' || actual_value
            || ', 目标 = ' || target_value as right_label,
        score::decimal(18, 3) as left_value,
        expected_score::decimal(18, 6) as right_value,
        (score - expected_score)::decimal(18, 6) as difference,
        cast(0 as decimal(18, 6)) as envelope,
        case when score = expected_score then 'pass' else 'fail' end as outcome,
        cast(null as varchar) as not_evaluable_reason,
        cast(source_line as varchar) as source_lines
    from partial_score_expected

),

-- W2: the direction of the target against the score: met with a deduction, or missed with
-- full marks.
direction_checks as (

    select
        'W2' as identity_id,
        document_id,
        table_id || ' 指标' || indicator_seq || ' 目标方向与得分' as instance,
        'rule' as check_kind,
        '得分 ' || coalesce(level3_name, '(三级指标 not printed)') as left_label,
        '分值 (target ' || target_operator || ' ' || target_value || ', actual ' || actual_value
            || ': ' || case when met then 'met' else 'missed' end || ')' as right_label,
        score::decimal(18, 3) as left_value,
        weight::decimal(18, 6) as right_value,
        (score - weight)::decimal(18, 6) as difference,
        cast(0 as decimal(18, 6)) as envelope,
        case
            when met and score < weight then 'fail'
            when not met and score >= weight then 'fail'
            else 'pass'
        end as outcome,
        cast(null as varchar) as not_evaluable_reason,
        cast(source_line as varchar) as source_lines
    from (
        select
            *,
            case target_operator
                when '>=' then actual_value >= target_value
                when '>' then actual_value > target_value
                when '<=' then actual_value <= target_value
                when '<' then actual_value < target_value
                when '=' then actual_value = target_value
            end as met
        from indicator_inputs
        where is_quantitative and missing_inputs = ''
    )
    where met is not null

),

-- W3: a deviation reason (at least 10 characters) printed identically in two or more projects.
copied_texts as (

    select
        document_id,
        deviation_reason,
        count(distinct table_id) as table_count,
        string_agg(table_id || ' 指标' || indicator_seq, ', ' order by table_id, indicator_seq)
            as occurrences,
        array_to_string(list_sort(list_distinct(list(source_line))), ',') as source_lines
    from indicators
    where length(deviation_reason) >= 10
    group by document_id, deviation_reason
    having count(distinct table_id) > 1

),

copied_text_checks as (

    select
        'W3' as identity_id,
        document_id,
        '偏差原因 copied: ' || deviation_reason as instance,
        'rule' as check_kind,
        'tables printing the same 偏差原因分析 (' || occurrences || ')' as left_label,
        'at most 1 table' as right_label,
        table_count::decimal(18, 3) as left_value,
        cast(1 as decimal(18, 6)) as right_value,
        (table_count - 1)::decimal(18, 6) as difference,
        cast(0 as decimal(18, 6)) as envelope,
        'fail' as outcome,
        cast(null as varchar) as not_evaluable_reason,
        source_lines
    from copied_texts

),

unioned as (

    select * from partial_score_checks
    union all by name
    select * from direction_checks
    union all by name
    select * from copied_text_checks

),

final as (

    select
        unioned.*,
        rule_instances.instance_no,
        rule_instances.suite,
        cast(null as decimal(18, 3)) as implied_value,
        cast(null as varchar) as implied_input,
        cast(null as varchar) as chosen_inputs
    from unioned
    inner join rule_instances
        on unioned.identity_id = rule_instances.check_id

)

select * from final

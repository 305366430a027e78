-- One row per indicator of a self-evaluation table (grain: table × indicator): the 一级 / 二级 /
-- 三级 names, target and actual, 分值, 得分 and the deviation reason, with two derived measures:
-- achievement_ratio = actual / target for quantitative >= (or >) targets, computed exactly with
-- integer (hugeint) division and rounded half up to 6 decimals (DuckDB divides DECIMALs as
-- DOUBLE); is_target_met from the target's operator (>=, >, <=, <, =). Both null when the target
-- or the actual is qualitative, unreadable or not printed.

with

tables as (

    select * from {{ ref('stg_performance__tables') }}

),

indicators as (

    select * from {{ ref('stg_performance__indicators') }}

),

measurable as (

    select
        indicators.*,
        tables.table_kind,
        indicators.target_kind = 'quantitative'
            and indicators.actual_kind = 'quantitative'
            and indicators.target_operator is not null
            and indicators.target_value is not null
            and indicators.actual_value is not null as is_quantitative
    from indicators
    inner join tables
        on indicators.performance_table_id = tables.performance_table_id

),

derived as (

    select
        *,
        case
            when is_quantitative and target_operator in ('>=', '>')
                and target_value > 0 and actual_value >= 0
                then cast(
                    (cast(actual_value * 10000 as hugeint) * 2000000
                        + cast(target_value * 10000 as hugeint))
                    // (2 * cast(target_value * 10000 as hugeint))
                    as decimal(30, 0)) * 0.000001::decimal(7, 6)
        end::decimal(18, 6) as achievement_ratio,
        case
            when not is_quantitative then null
            when target_operator = '>=' then actual_value >= target_value
            when target_operator = '>' then actual_value > target_value
            when target_operator = '<=' then actual_value <= target_value
            when target_operator = '<' then actual_value < target_value
            when target_operator = '=' then actual_value = target_value
        end as is_target_met
    from measurable

),

final as (

    select
        ----------  ids
        indicator_row_id as indicator_result_id,
        case when table_kind = 'project' then performance_table_id end as project_id,
        case when table_kind = 'department' then performance_table_id end
            as department_evaluation_id,
        {{ natural_key([
            'document_id',
            "coalesce(level1_name, '?')",
            "coalesce(level2_name, '?')",
            "coalesce(level3_name, '?')",
        ], separator='|') }} as performance_indicator_id,
        document_id,
        table_id,
        table_kind,
        indicator_seq,

        ----------  names
        level1_name,
        level2_name,
        level3_name,
        name_quality,

        ----------  target
        target_text,
        target_operator,
        target_value,
        target_unit,
        target_kind,
        basis,

        ----------  actual
        actual_text,
        actual_value,
        actual_unit,
        actual_kind,

        ----------  scoring
        weight,
        score,
        achievement_ratio,
        is_target_met,
        coalesce(target_unit = actual_unit, false) as is_unit_consistent,

        ----------  text
        deviation_reason,

        ----------  lineage
        source_line,
        source_line_end

    from derived

)

select * from final

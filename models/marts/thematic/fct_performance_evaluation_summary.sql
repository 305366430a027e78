-- 第二部分 十一 预算绩效 and 十二 其他需说明的事项: one row per document × evaluation scope. The
-- department-wide self-evaluation (整体支出绩效自评表: count, 全年预算总额, 实际执行总额), the
-- project self-evaluations (预算绩效评价项目: count, Σ 全年预算数, Σ 全年执行数) and the SM projects
-- of 十二 (count, 全年预算数, 全年执行数).

with

figures as (

    select * from {{ ref('int_thematic__figures_by_role') }}

),

evaluation_figures as (

    select * from figures
    where theme = 'performance_evaluation' and occurrence_no = 1

),

pivoted as (

    select
        document_id,
        component_code,
        any_value(component_name) as component_name,
        any_value(component_order) as component_order,
        any_value(section_code) as section_code,
        max(line_item) filter (where role = 'count') as printed_line_item,
        max(unit) filter (where role = 'count') as item_count_unit,
        {{ pivot_by_role([
            ('item_count', 'count'),
            ('budget', 'budget'),
            ('executed', 'executed'),
            ('average_score', 'average_score')
        ]) }}

    from evaluation_figures
    group by document_id, component_code

),

final as (

    select
        ----------  ids
        {{ natural_key(['document_id', 'component_code']) }} as performance_evaluation_summary_id,
        document_id,
        component_code as evaluation_scope_code,

        ----------  names
        component_name as evaluation_scope_name,
        printed_line_item,
        component_order as evaluation_scope_order,
        section_code,

        ----------  counts and amounts
        cast(item_count as integer) as item_count,
        item_count_unit,
        {{ to_wan_yuan('budget') }} as budget_wan_yuan,
        {{ to_wan_yuan('executed') }} as executed_wan_yuan,
        -- 平均得分 of the self-evaluated projects, where the narrative states it (Shanghai 十)
        cast(average_score as decimal(6, 2)) as average_score,

        ----------  lineage
        item_count_source_line,
        budget_source_line,
        executed_source_line,
        average_score_source_line

    from pivoted

)

select * from final

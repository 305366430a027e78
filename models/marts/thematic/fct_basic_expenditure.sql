-- 第二部分 六 一般公共预算财政拨款基本支出: one row per document × expense group (基本支出 total,
-- 人员经费, 公用经费). The economic items listed under each group are in dim_basic_expenditure_item.

with

figures as (

    select * from {{ ref('int_thematic__figures_by_role') }}

),

basic_figures as (

    select * from figures
    where theme = 'basic_expenditure' and occurrence_no = 1

),

pivoted as (

    select
        document_id,
        component_code,
        any_value(component_name) as component_name,
        any_value(component_order) as component_order,
        any_value(parent_component_code) as parent_component_code,
        max(line_item) filter (where role = 'amount') as printed_line_item,
        {{ pivot_by_role([
            ('amount', 'amount')
        ]) }}

    from basic_figures
    group by document_id, component_code

),

final as (

    select
        ----------  ids
        {{ natural_key(['document_id', 'component_code']) }} as basic_expenditure_id,
        document_id,
        component_code as expense_group_code,
        parent_component_code as parent_expense_group_code,

        ----------  names
        component_name as expense_group_name,
        printed_line_item,
        component_order as expense_group_order,

        ----------  amounts
        {{ to_wan_yuan('amount') }} as amount_wan_yuan,

        ----------  flags
        parent_component_code is null as is_total,

        ----------  lineage
        amount_source_line

    from pivoted

)

select * from final

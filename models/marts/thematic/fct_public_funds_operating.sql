-- 第二部分 十(一) 机关运行经费及公用经费: one row per document × item (机关运行经费 of the
-- 行政单位和参照公务员法管理事业单位, 公用经费 of the 事业单位), amount and change against last year.

with

figures as (

    select * from {{ ref('int_thematic__figures_by_role') }}

),

explanations as (

    select * from {{ ref('int_thematic__explanations_by_role') }}

),

operating_figures as (

    select * from figures
    where theme = 'public_funds_operating' and occurrence_no = 1

),

operating_explanations as (

    select * from explanations
    where theme = 'public_funds_operating'

),

pivoted as (

    select
        document_id,
        component_code,
        any_value(component_name) as component_name,
        any_value(component_order) as component_order,
        max(line_item) filter (where role = 'amount') as printed_line_item,
        {{ pivot_by_role([
            ('amount', 'amount'),
            ('change', 'change'),
            ('change_pct', 'change_pct')
        ]) }}

    from operating_figures
    group by document_id, component_code

),

texts as (

    select
        document_id,
        component_code,
        {{ pivot_by_role([
            ('change_reason', 'change_reason')
        ], text=true) }}

    from operating_explanations
    group by document_id, component_code

),

final as (

    select
        ----------  ids
        {{ natural_key(['pivoted.document_id', 'pivoted.component_code']) }} as public_funds_operating_id,
        pivoted.document_id,
        pivoted.component_code as item_code,

        ----------  names
        pivoted.component_name as item_name,
        pivoted.printed_line_item,
        pivoted.component_order as item_order,

        ----------  amounts
        {{ to_wan_yuan('pivoted.amount') }} as amount_wan_yuan,
        {{ to_wan_yuan('pivoted.change') }} as change_wan_yuan,
        {{ to_pct('pivoted.change_pct') }} as change_pct,
        texts.change_reason,

        ----------  lineage
        pivoted.amount_source_line,
        pivoted.change_source_line,
        pivoted.change_pct_source_line,
        texts.change_reason_source_line

    from pivoted
    left join texts
        on pivoted.document_id = texts.document_id
        and pivoted.component_code = texts.component_code

)

select * from final

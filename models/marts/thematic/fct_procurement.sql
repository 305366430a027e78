-- 第二部分 十(二) 政府采购: one row per document × category. The total, its split by object
-- (货物 + 工程 + 服务 = 总额) and the contracts awarded by supplier size (中小企业, of which
-- 小微企业), each with the share of the total the document prints.

with

figures as (

    select * from {{ ref('int_thematic__figures_by_role') }}

),

procurement_figures as (

    select * from figures
    where theme = 'procurement' and occurrence_no = 1

),

pivoted as (

    select
        document_id,
        component_code,
        any_value(component_name) as component_name,
        any_value(component_order) as component_order,
        any_value(parent_component_code) as parent_component_code,
        max(line_item) filter (where role = 'amount') as printed_line_item,
        max(share_base) filter (where role = 'share_pct') as share_base,
        {{ pivot_by_role([
            ('amount', 'amount'),
            ('share_pct', 'share_pct', 'share_source_line')
        ]) }}

    from procurement_figures
    group by document_id, component_code

),

procurement_total as (

    select
        document_id,
        amount as procurement_total

    from pivoted
    where component_code = 'total'

),

final as (

    select
        ----------  ids
        {{ natural_key(['pivoted.document_id', 'pivoted.component_code']) }} as procurement_id,
        pivoted.document_id,
        pivoted.component_code as category_code,
        pivoted.parent_component_code as parent_category_code,

        ----------  names
        pivoted.component_name as category_name,
        pivoted.printed_line_item,
        pivoted.component_order as category_order,
        case
            when pivoted.component_code = 'total' then 'total'
            when pivoted.component_code in ('goods', 'works', 'services') then 'by_object'
            else 'by_supplier_size'
        end as category_kind,

        ----------  amounts
        {{ to_wan_yuan('pivoted.amount') }} as amount_wan_yuan,
        {{ to_pct('pivoted.share_pct') }} as share_pct,
        pivoted.share_base,
        {{ to_wan_yuan('procurement_total.procurement_total') }} as procurement_total_wan_yuan,

        ----------  lineage
        pivoted.amount_source_line,
        pivoted.share_source_line

    from pivoted
    left join procurement_total
        on pivoted.document_id = procurement_total.document_id

)

select * from final

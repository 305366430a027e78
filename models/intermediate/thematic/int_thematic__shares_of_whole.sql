-- The parts of a whole that the narrative lists with their shares (income by source of
-- 本年收入, expenditure by nature of 本年支出): one row per document × theme × part, its amount
-- and share pivoted into columns, with the whole (component `total`) beside it. The marts
-- fct_income_by_source and fct_expenditure_by_nature are this model, one theme each.

with

figures as (

    select * from {{ ref('int_thematic__figures_by_role') }}

),

share_figures as (

    select * from figures
    where theme in ('income_by_source', 'expenditure_by_nature') and occurrence_no = 1

),

pivoted as (

    select
        document_id,
        theme,
        component_code,
        any_value(component_name) as component_name,
        any_value(component_order) as component_order,
        max(decimals) filter (where role = 'share_pct') as share_decimals,
        max(line_item) filter (where role = 'amount') as printed_line_item,
        {{ pivot_by_role([
            ('amount', 'amount'),
            ('share_pct', 'share_pct', 'share_source_line')
        ]) }}

    from share_figures
    group by document_id, theme, component_code

),

parts as (

    select * from pivoted
    where component_code <> 'total'

),

wholes as (

    select document_id, theme, amount as whole_amount, amount_source_line as whole_source_line
    from pivoted
    where component_code = 'total'

),

final as (

    select
        ----------  ids
        {{ natural_key(['parts.document_id', 'parts.theme', 'parts.component_code']) }} as share_id,
        parts.document_id,
        parts.theme,
        parts.component_code,

        ----------  names
        parts.component_name,
        parts.printed_line_item,
        parts.component_order,

        ----------  amounts
        {{ to_wan_yuan('parts.amount') }} as amount_wan_yuan,
        {{ to_pct('parts.share_pct') }} as share_pct,
        parts.share_decimals,
        {{ to_wan_yuan('wholes.whole_amount') }} as whole_wan_yuan,

        ----------  lineage
        parts.amount_source_line,
        parts.share_source_line,
        wholes.whole_source_line

    from parts
    left join wholes
        on parts.document_id = wholes.document_id
        and parts.theme = wholes.theme

)

select * from final

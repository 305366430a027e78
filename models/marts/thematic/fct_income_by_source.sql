-- 第二部分 二 收入决算情况: one row per document × source of 本年收入 (财政拨款收入 … 其他收入),
-- amount and share pivoted into columns, with 本年收入 beside each row for context.

with

figures as (

    select * from {{ ref('int_thematic__figures_by_role') }}

),

income_figures as (

    select * from figures
    where theme = 'income_by_source' and occurrence_no = 1

),

pivoted as (

    select
        document_id,
        component_code,
        any_value(component_name) as component_name,
        any_value(component_order) as component_order,
        max(value) filter (where role = 'amount') as amount,
        max(value) filter (where role = 'share_pct') as share_pct,
        max(decimals) filter (where role = 'share_pct') as share_decimals,
        max(line_item) filter (where role = 'amount') as printed_line_item,
        max(source_line) filter (where role = 'amount') as amount_source_line,
        max(source_line) filter (where role = 'share_pct') as share_source_line

    from income_figures
    group by document_id, component_code

),

sources as (

    select * from pivoted
    where component_code <> 'total'

),

current_year_income as (

    select
        document_id,
        amount as current_year_income,
        amount_source_line as current_year_income_source_line

    from pivoted
    where component_code = 'total'

),

final as (

    select
        ----------  ids
        {{ natural_key(['sources.document_id', 'sources.component_code']) }} as income_source_id,
        sources.document_id,
        sources.component_code as source_code,

        ----------  names
        sources.component_name as source_name,
        sources.printed_line_item,
        sources.component_order as source_order,

        ----------  amounts
        {{ to_wan_yuan('sources.amount') }} as amount_wan_yuan,
        {{ to_pct('sources.share_pct') }} as share_pct,
        sources.share_decimals,
        {{ to_wan_yuan('current_year_income.current_year_income') }} as current_year_income_wan_yuan,

        ----------  lineage
        sources.amount_source_line,
        sources.share_source_line,
        current_year_income.current_year_income_source_line

    from sources
    left join current_year_income
        on sources.document_id = current_year_income.document_id

)

select * from final

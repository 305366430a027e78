-- 第二部分 三 支出决算情况: one row per document × nature of 本年支出 (基本支出 … 对附属单位补助支出),
-- amount and share pivoted into columns, with 本年支出 beside each row for context.

with

figures as (

    select * from {{ ref('int_thematic__figures_by_role') }}

),

expenditure_figures as (

    select * from figures
    where theme = 'expenditure_by_nature' and occurrence_no = 1

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

    from expenditure_figures
    group by document_id, component_code

),

natures as (

    select * from pivoted
    where component_code <> 'total'

),

current_year_expenditure as (

    select
        document_id,
        amount as current_year_expenditure,
        amount_source_line as current_year_expenditure_source_line

    from pivoted
    where component_code = 'total'

),

final as (

    select
        ----------  ids
        {{ natural_key(['natures.document_id', 'natures.component_code']) }} as expenditure_nature_id,
        natures.document_id,
        natures.component_code as nature_code,

        ----------  names
        natures.component_name as nature_name,
        natures.printed_line_item,
        natures.component_order as nature_order,

        ----------  amounts
        {{ to_wan_yuan('natures.amount') }} as amount_wan_yuan,
        {{ to_pct('natures.share_pct') }} as share_pct,
        natures.share_decimals,
        {{ to_wan_yuan('current_year_expenditure.current_year_expenditure') }} as current_year_expenditure_wan_yuan,

        ----------  lineage
        natures.amount_source_line,
        natures.share_source_line,
        current_year_expenditure.current_year_expenditure_source_line

    from natures
    left join current_year_expenditure
        on natures.document_id = current_year_expenditure.document_id

)

select * from final

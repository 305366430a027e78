-- 第二部分 三 支出决算情况: one row per document × nature of 本年支出 (基本支出 … 对附属单位补助支出),
-- amount and share, with 本年支出 beside each row for context (int_thematic__shares_of_whole).

with

shares as (

    select * from {{ ref('int_thematic__shares_of_whole') }}
    where theme = 'expenditure_by_nature'

),

final as (

    select
        ----------  ids
        {{ natural_key(['document_id', 'component_code']) }} as expenditure_nature_id,
        document_id,
        component_code as nature_code,

        ----------  names
        component_name as nature_name,
        printed_line_item,
        component_order as nature_order,

        ----------  amounts
        amount_wan_yuan,
        share_pct,
        share_decimals,
        whole_wan_yuan as current_year_expenditure_wan_yuan,

        ----------  lineage
        amount_source_line,
        share_source_line,
        whole_source_line as current_year_expenditure_source_line

    from shares

)

select * from final

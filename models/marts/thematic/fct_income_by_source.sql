-- 第二部分 二 收入决算情况: one row per document × source of 本年收入 (财政拨款收入 … 其他收入),
-- amount and share, with 本年收入 beside each row for context (int_thematic__shares_of_whole).

with

shares as (

    select * from {{ ref('int_thematic__shares_of_whole') }}
    where theme = 'income_by_source'

),

final as (

    select
        ----------  ids
        {{ natural_key(['document_id', 'component_code']) }} as income_source_id,
        document_id,
        component_code as source_code,

        ----------  names
        component_name as source_name,
        printed_line_item,
        component_order as source_order,

        ----------  amounts
        amount_wan_yuan,
        share_pct,
        share_decimals,
        whole_wan_yuan as current_year_income_wan_yuan,

        ----------  lineage
        amount_source_line,
        share_source_line,
        whole_source_line as current_year_income_source_line

    from shares

)

select * from final

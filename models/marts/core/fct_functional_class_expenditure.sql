-- One row per 类 total of 第二部分 五(二) (structure of 一般公共预算财政拨款支出): the class amount and
-- its printed share of the total.

with

class_totals as (

    select * from {{ ref('int_functional_class_totals__coded') }}

),

final as (

    select
        ----------  ids
        functional_class_total_id as functional_class_expenditure_id,
        document_id,
        budget_type,
        list_no,
        function_code,

        ----------  names (as printed)
        class_name,

        ----------  amounts
        amount_wan_yuan,
        share_pct,

        ----------  lineage
        source_line,
        raw_text

    from class_totals

)

select * from final

-- The economic items that 人员经费 and 公用经费 cover (第二部分 六), as listed. The economic
-- classification code of each item (301/303 or 302/310) is not printed, so none is given.

with

basic_expenditure_items as (

    select * from {{ ref('stg_narrative__basic_expenditure_items') }}

),

final as (

    select
        ----------  ids
        basic_expenditure_item_id,
        document_id,
        item_no,

        ----------  descriptors
        expense_group,
        item_name,

        ----------  lineage
        source_line,
        raw_text

    from basic_expenditure_items

)

select * from final

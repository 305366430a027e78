-- The 类 of the economic classification of 基本支出 (支出经济分类) and the expense group each makes: 人员经费
-- (301, 303) or 公用经费 (302, 310, and 309, 399 where printed) (seed ref_economic_classes), as the
-- models downstream read it.

with

source as (

    select * from {{ ref('ref_economic_classes') }}

),

final as (

    select
        class_code,
        class_name,
        expense_group,
        source
    from source

)

select * from final

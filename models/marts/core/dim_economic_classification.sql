-- The economic classification of 基本支出 (支出经济分类): every 类 (301 工资福利支出, 302 商品和服务支出,
-- 303 对个人和家庭的补助, 310 资本性支出 …) and 款 (30101 基本工资 …) the statements print, with its 类
-- and the expense group the 类 makes (人员经费 or 公用经费).

with

codes as (

    select * from {{ ref('int_statements__economic_codes') }}

),

final as (

    select
        ----------  ids
        economic_code,
        parent_code,
        class_code,

        ----------  descriptors
        economic_name,
        level,
        expense_group,
        printed_name,
        is_printed_name_different,
        printed_documents,

        ----------  lineage
        source

    from codes

)

select * from final

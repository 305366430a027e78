-- Statement 6 (一般公共预算财政拨款基本支出决算表): 基本支出 by 经济分类, one row per document × economic
-- code (类 301, 302, 303, 310 …; 款 30101 …) with its 类, and the expense group the 类 makes:
-- 人员经费 (301, 303) or 公用经费 (302, 310 …). Every level is a row: sum one level only. A code
-- printed without an amount has value NULL and is_blank.

with

grid as (

    select * from {{ ref('int_statements__grid') }}
    where statement_no = 6 and row_code is not null

),

codes as (

    select * from {{ ref('int_statements__economic_codes') }}

),

final as (

    select
        ----------  ids
        {{ natural_key(['grid.document_id', 'grid.row_code']) }} as basic_expenditure_by_economic_class_id,
        grid.document_id,
        grid.statement_no,

        ----------  the economic code (as printed)
        grid.row_code as economic_code,
        grid.level as economic_level,
        left(grid.row_code, 3) as class_code,
        grid.line_name as economic_name,
        codes.expense_group,

        ----------  values (万元, exact as printed)
        case when not grid.is_blank then grid.value_wan_yuan end as value_wan_yuan,
        grid.is_blank,
        grid.printed_text,

        ----------  lineage
        grid.side as half,
        grid.page,
        grid.source_line

    from grid
    left join codes
        on grid.row_code = codes.economic_code

)

select * from final

-- Attaches the functional classification codes to each 类/款/项 clause by matching the printed
-- names level by level: the 类 by name among 类; the 款 by name among the children of that 类;
-- the 项 by name among the children of that 款. Names repeat across levels (其他教育支出 is both a
-- 款 and a 项), so a match is never made on the name alone. An unmatched name leaves a null code.

with

clauses as (

    select * from {{ ref('stg_narrative__functional_clauses') }}

),

classification as (

    select * from {{ ref('int_statements__functional_codes') }}

),

classes as (

    select function_code, function_name
    from classification
    where level = '类'

),

kuans as (

    select function_code, function_name, parent_code
    from classification
    where level = '款'

),

items as (

    select function_code, function_name, parent_code
    from classification
    where level = '项'

),

coded as (

    select
        clauses.*,
        classes.function_code as class_code,
        kuans.function_code as kuan_code,
        items.function_code as item_code

    from clauses
    left join classes
        on clauses.class_name = classes.function_name
    left join kuans
        on clauses.kuan_name = kuans.function_name
        and kuans.parent_code = classes.function_code
    left join items
        on clauses.item_name = items.function_name
        and items.parent_code = kuans.function_code

),

final as (

    select
        ----------  ids
        functional_clause_id,
        document_id,
        section_code,
        budget_type,
        clause_no,

        ----------  classification codes
        item_code as function_code,
        class_code,
        kuan_code,

        ----------  names (as printed)
        class_name,
        kuan_name,
        item_name,

        ----------  amounts
        amount_wan_yuan,
        change_wan_yuan,
        change_pct,
        budget_initial_wan_yuan,

        ----------  text
        reason,
        purpose,
        stated_comparison,

        ----------  flags
        item_code is not null as is_fully_coded,

        ----------  lineage
        source_line,
        source_line_end,
        raw_text

    from coded

)

select * from final

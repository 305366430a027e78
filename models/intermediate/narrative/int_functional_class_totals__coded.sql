-- Attaches the 类 code to each class total of 第二部分 五(二) by matching the printed class name
-- among the 类 of the reference (names are matched only at the 类 level).

with

class_totals as (

    select * from {{ ref('stg_narrative__functional_class_totals') }}

),

classification as (

    select * from {{ ref('int_statements__functional_codes') }}

),

classes as (

    select function_code, function_name
    from classification
    where level = '类'

),

coded as (

    select
        class_totals.*,
        classes.function_code as class_code

    from class_totals
    left join classes
        on class_totals.class_name = classes.function_name

),

final as (

    select
        ----------  ids
        functional_class_total_id,
        document_id,
        section_code,
        budget_type,
        list_no,

        ----------  classification codes
        class_code as function_code,

        ----------  names (as printed)
        class_name,

        ----------  amounts
        amount_wan_yuan,
        share_pct,

        ----------  lineage
        source_line,
        raw_text

    from coded

)

select * from final

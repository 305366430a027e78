-- The functional classification of expenditure (支出功能分类) with each code's 类 and 款 resolved
-- through the parent chain (not by code prefix), so a wrong parent in the reference shows up:
-- every code of the curated reference and every code the statements print (a printed name that
-- disagrees with the reference is flagged, not written over it; int_statements__functional_codes).

with

classification as (

    select * from {{ ref('int_statements__functional_codes') }}

),

parents as (

    select function_code, level, parent_code
    from classification

),

resolved as (

    select
        classification.*,
        case classification.level
            when '类' then classification.function_code
            when '款' then classification.parent_code
            when '项' then parents.parent_code
        end as class_code,
        case classification.level
            when '款' then classification.function_code
            when '项' then classification.parent_code
        end as kuan_code

    from classification
    left join parents
        on classification.parent_code = parents.function_code

),

final as (

    select
        ----------  ids
        function_code,
        parent_code,
        class_code,
        kuan_code,

        ----------  descriptors
        function_name,
        level,
        printed_name,
        is_printed_name_different,
        printed_documents,

        ----------  lineage
        source,
        is_in_reference

    from resolved

)

select * from final

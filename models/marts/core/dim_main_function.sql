-- The numbered main functions (主要职能) of the department, 第一部分 一.

with

main_functions as (

    select * from {{ ref('stg_narrative__main_functions') }}

),

final as (

    select
        ----------  ids
        main_function_id,
        document_id,
        function_no,

        ----------  descriptors
        function_label,
        function_name,
        function_text,

        ----------  lineage
        source_line,
        raw_text

    from main_functions

)

select * from final

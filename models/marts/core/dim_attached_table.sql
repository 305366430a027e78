-- The attached statements listed in 第四部分 (their contents are not in the text).

with

attached_tables as (

    select * from {{ ref('stg_narrative__attached_tables') }}

),

final as (

    select
        ----------  ids
        attached_table_id,
        document_id,
        table_no,

        ----------  descriptors
        table_name,

        ----------  lineage
        source_line,
        raw_text

    from attached_tables

)

select * from final

with

source as (

    select * from {{ ref('raw_attached_tables') }}

),

renamed as (

    select
        ----------  ids
        {{ natural_key(['document_id', 'table_no']) }} as attached_table_id,
        {{ clean_text('document_id') }} as document_id,
        cast(table_no as integer) as table_no,

        ----------  descriptors
        {{ clean_text('table_name') }} as table_name,

        ----------  lineage
        cast(source_line as integer) as source_line,
        cast(raw_text as varchar) as raw_text

    from source

)

select * from renamed

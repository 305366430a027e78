with

source as (

    select * from {{ ref('raw_toc_entries') }}

),

renamed as (

    select
        ----------  ids
        {{ natural_key(['document_id', 'entry_seq']) }} as toc_entry_id,
        {{ clean_text('document_id') }} as document_id,
        cast(entry_seq as integer) as entry_seq,

        ----------  descriptors
        {{ clean_text('entry_code') }} as entry_code,
        {{ clean_text('entry_level') }} as entry_level,
        {{ clean_text('entry_title') }} as entry_title,
        {{ clean_text('printed_department') }} as printed_department,

        ----------  lineage
        cast(source_line as integer) as source_line

    from source

)

select * from renamed

with

source as (

    select * from {{ ref('raw_document_sections') }}

),

renamed as (

    select
        ----------  ids
        {{ natural_key(['document_id', 'section_code']) }} as document_section_id,
        {{ clean_text('document_id') }} as document_id,
        cast(section_seq as integer) as section_seq,
        {{ clean_text('section_code') }} as section_code,
        {{ clean_text('topic_id') }} as topic_id,

        ----------  descriptors
        {{ clean_text('section_title') }} as section_title,
        {{ clean_text('section_kind') }} as section_kind,

        ----------  lineage
        cast(heading_line as integer) as heading_line,
        cast(first_line as integer) as first_line,
        cast(last_line as integer) as last_line,
        cast(heading_page as integer) as heading_page,
        {{ clean_text('printed_department') }} as printed_department

    from source

)

select * from renamed

with

source as (

    select * from {{ ref('raw_source_lines') }}

),

renamed as (

    select
        ----------  ids
        {{ natural_key(['document_id', 'source_line']) }} as source_line_id,
        {{ clean_text('document_id') }} as document_id,
        cast(source_line as integer) as source_line,
        {{ clean_text('section_code') }} as section_code,

        ----------  lineage (verbatim, not trimmed)
        cast(raw_text as varchar) as raw_text,
        cast(page as integer) as page,
        cast(line_on_page as integer) as line_on_page

    from source

)

select * from renamed

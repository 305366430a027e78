with

source as (

    select * from {{ ref('raw_glossary_terms') }}

),

renamed as (

    select
        ----------  ids
        {{ natural_key(['document_id', 'term_no']) }} as glossary_term_id,
        {{ clean_text('document_id') }} as document_id,
        cast(term_no as integer) as term_no,

        ----------  descriptors
        {{ clean_text('term') }} as term,
        {{ clean_text('definition') }} as definition,

        ----------  lineage
        cast(source_line as integer) as source_line,
        cast(raw_text as varchar) as raw_text

    from source

)

select * from renamed

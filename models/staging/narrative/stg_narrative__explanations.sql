with

source as (

    select * from {{ ref('raw_explanations') }}

),

renamed as (

    select
        ----------  ids
        {{ natural_key(['document_id', 'explanation_seq']) }} as explanation_id,
        {{ clean_text('document_id') }} as document_id,
        cast(explanation_seq as integer) as explanation_seq,
        {{ clean_text('section_code') }} as section_code,
        {{ clean_text('topic_id') }} as topic_id,

        ----------  descriptors
        {{ clean_text('topic') }} as topic,
        {{ clean_text('subject') }} as subject,
        {{ clean_text('explanation_kind') }} as explanation_kind,
        {{ clean_text('explanation_text') }} as explanation_text,
        {{ clean_text('stated_comparison') }} as stated_comparison,

        ----------  lineage
        cast(source_line as integer) as source_line,
        cast(raw_text as varchar) as raw_text

    from source

)

select * from renamed

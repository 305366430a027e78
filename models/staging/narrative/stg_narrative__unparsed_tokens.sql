with

source as (

    select * from {{ ref('raw_unparsed_tokens') }}

),

renamed as (

    select
        ----------  ids
        {{ natural_key(['document_id', 'token_seq']) }} as unparsed_token_id,
        {{ clean_text('document_id') }} as document_id,
        cast(token_seq as integer) as token_seq,
        {{ clean_text('section_code') }} as section_code,

        ----------  descriptors
        {{ clean_text('token') }} as token,
        {{ clean_text('reason') }} as reason,

        ----------  lineage
        cast(source_line as integer) as source_line,
        cast(context as varchar) as context

    from source

)

select * from renamed

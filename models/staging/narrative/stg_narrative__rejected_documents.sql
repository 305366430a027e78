with

source as (

    select * from {{ ref('raw_rejected_documents') }}

),

renamed as (

    select
        ----------  ids
        {{ clean_text('source_file') }} as source_file,
        {{ clean_text('source_sha256') }} as source_sha256,

        ----------  the error
        cast(error_message as varchar) as error_message,
        cast(page as integer) as page,
        {{ clean_text('section_code') }} as section_code,
        cast(source_line as integer) as source_line

    from source

)

select * from renamed

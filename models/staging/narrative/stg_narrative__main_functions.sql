with

source as (

    select * from {{ ref('raw_main_functions') }}

),

renamed as (

    select
        ----------  ids
        {{ natural_key(['document_id', 'function_no']) }} as main_function_id,
        {{ clean_text('document_id') }} as document_id,
        cast(function_no as integer) as function_no,

        ----------  descriptors
        {{ clean_text('function_label') }} as function_label,
        {{ clean_text('function_name') }} as function_name,
        {{ clean_text('function_text') }} as function_text,

        ----------  lineage
        cast(source_line as integer) as source_line,
        cast(raw_text as varchar) as raw_text

    from source

)

select * from renamed

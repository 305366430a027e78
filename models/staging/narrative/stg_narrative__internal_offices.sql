with

source as (

    select * from {{ ref('raw_internal_offices') }}

),

renamed as (

    select
        ----------  ids
        {{ natural_key(['document_id', 'office_no']) }} as internal_office_id,
        {{ clean_text('document_id') }} as document_id,
        cast(office_no as integer) as office_no,

        ----------  descriptors
        {{ clean_text('office_name') }} as office_name,

        ----------  lineage
        cast(source_line as integer) as source_line,
        cast(raw_text as varchar) as raw_text

    from source

)

select * from renamed

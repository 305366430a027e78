with

source as (

    select * from {{ ref('raw_documents') }}

),

renamed as (

    select
        ----------  ids
        {{ clean_text('document_id') }} as document_id,

        ----------  descriptors
        {{ clean_text('department_name') }} as department_name,
        {{ clean_text('caliber') }} as caliber,
        cast(fiscal_year as integer) as fiscal_year,
        {{ clean_text('title') }} as title,
        {{ clean_text('template_id') }} as template_id,
        {{ clean_text('caliber_source') }} as caliber_source,

        ----------  lineage
        {{ clean_text('source_file') }} as source_file,
        {{ clean_text('source_sha256') }} as source_sha256,
        cast(line_count as integer) as line_count,
        {{ clean_text('source_kind') }} as source_kind,
        cast(page_count as integer) as page_count

    from source

)

select * from renamed

with

source as (

    select * from {{ ref('raw_budget_units') }}

),

renamed as (

    select
        ----------  ids
        {{ natural_key(['document_id', 'unit_no']) }} as budget_unit_id,
        {{ clean_text('document_id') }} as document_id,
        cast(unit_no as integer) as unit_no,

        ----------  descriptors
        {{ clean_text('unit_level') }} as unit_level,
        {{ clean_text('unit_name') }} as unit_name,
        {{ clean_text('remark') }} as remark,

        ----------  lineage
        cast(source_line as integer) as source_line,
        cast(raw_text as varchar) as raw_text

    from source

)

select * from renamed

with

source as (

    select * from {{ ref('raw_functional_class_totals') }}

),

renamed as (

    select
        ----------  ids
        {{ natural_key(['document_id', 'section_code', 'list_no']) }} as functional_class_total_id,
        {{ clean_text('document_id') }} as document_id,
        {{ clean_text('section_code') }} as section_code,
        {{ clean_text('topic_id') }} as topic_id,
        {{ clean_text('budget_type') }} as budget_type,
        cast(list_no as integer) as list_no,

        ----------  names (as printed)
        {{ clean_text('class_name') }} as class_name,

        ----------  amounts
        {{ to_wan_yuan('amount_wan_yuan') }} as amount_wan_yuan,
        {{ to_pct('share_pct') }} as share_pct,

        ----------  lineage
        cast(source_line as integer) as source_line,
        cast(raw_text as varchar) as raw_text

    from source

)

select * from renamed

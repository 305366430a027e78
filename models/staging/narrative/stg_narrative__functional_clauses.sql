with

source as (

    select * from {{ ref('raw_functional_clauses') }}

),

renamed as (

    select
        ----------  ids
        {{ natural_key(['document_id', 'section_code', 'clause_no']) }} as functional_clause_id,
        {{ clean_text('document_id') }} as document_id,
        {{ clean_text('section_code') }} as section_code,
        {{ clean_text('topic_id') }} as topic_id,
        {{ clean_text('budget_type') }} as budget_type,
        cast(clause_no as integer) as clause_no,

        ----------  names (as printed)
        {{ clean_text('class_name') }} as class_name,
        {{ clean_text('kuan_name') }} as kuan_name,
        {{ clean_text('item_name') }} as item_name,

        ----------  amounts
        {{ to_wan_yuan('amount_wan_yuan') }} as amount_wan_yuan,
        {{ to_wan_yuan('change_wan_yuan') }} as change_wan_yuan,
        {{ to_pct('change_pct') }} as change_pct,
        {{ to_wan_yuan('budget_initial_wan_yuan') }} as budget_initial_wan_yuan,

        ----------  text
        {{ clean_text('reason') }} as reason,
        {{ clean_text('purpose') }} as purpose,
        {{ clean_text('stated_comparison') }} as stated_comparison,

        ----------  lineage
        cast(source_line as integer) as source_line,
        cast(source_line_end as integer) as source_line_end,
        cast(raw_text as varchar) as raw_text

    from source

)

select * from renamed

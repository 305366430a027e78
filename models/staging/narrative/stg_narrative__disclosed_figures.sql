with

source as (

    select * from {{ ref('raw_disclosed_figures') }}

),

renamed as (

    select
        ----------  ids
        {{ natural_key(['document_id', 'figure_seq']) }} as disclosed_figure_id,
        {{ clean_text('document_id') }} as document_id,
        cast(figure_seq as integer) as figure_seq,
        {{ clean_text('section_code') }} as section_code,
        {{ clean_text('topic_id') }} as topic_id,

        ----------  descriptors
        {{ clean_text('topic') }} as topic,
        {{ clean_text('line_item') }} as line_item,
        {{ clean_text('measure') }} as measure,

        ----------  values
        cast(value as decimal(18, 3)) as value,
        {{ clean_text('value_text') }} as value_text,
        cast(decimals as integer) as decimals,
        {{ clean_text('unit') }} as unit,
        {{ clean_text('share_base') }} as share_base,

        ----------  lineage
        cast(source_line as integer) as source_line,
        cast(raw_text as varchar) as raw_text

    from source

)

select * from renamed

with

source as (

    select * from {{ ref('raw_placeholder_hits') }}

),

renamed as (

    select
        ----------  ids
        {{ natural_key(['document_id', 'hit_seq']) }} as placeholder_hit_id,
        {{ clean_text('document_id') }} as document_id,
        cast(hit_seq as integer) as hit_seq,

        ----------  descriptors
        {{ clean_text('placeholder') }} as placeholder,
        cast(context as varchar) as context,

        ----------  lineage
        cast(source_line as integer) as source_line

    from source

)

select * from renamed

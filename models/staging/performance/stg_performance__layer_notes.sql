-- One row per duplicated, garbage or embedded layer dropped by rule (raw_performance_layer_notes),
-- with the line it belongs to.

with

source as (

    select * from {{ ref('raw_performance_layer_notes') }}

),

renamed as (

    select
        ----------  ids
        {{ natural_key(['document_id', 'table_id', 'note_seq']) }} as layer_note_id,
        {{ natural_key(['document_id', 'table_id']) }} as performance_table_id,
        {{ clean_text('document_id') }} as document_id,
        {{ clean_text('table_id') }} as table_id,
        cast(note_seq as integer) as note_seq,

        ----------  the layer
        {{ clean_text('kind') }} as layer_kind,
        cast(text as varchar) as dropped_text,

        ----------  lineage
        cast(line as integer) as source_line,
        cast(kept_line as integer) as kept_line

    from source

)

select * from renamed

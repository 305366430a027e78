-- One row per cell that two layers of a table print differently (raw_performance_conflicts),
-- with the value kept and how the conflict was settled.

with

source as (

    select * from {{ ref('raw_performance_conflicts') }}

),

renamed as (

    select
        ----------  ids
        {{ natural_key(['document_id', 'table_id', 'conflict_seq']) }} as conflict_id,
        {{ natural_key(['document_id', 'table_id']) }} as performance_table_id,
        {{ clean_text('document_id') }} as document_id,
        {{ clean_text('table_id') }} as table_id,
        cast(conflict_seq as integer) as conflict_seq,

        ----------  the cell
        {{ clean_text('field') }} as field,
        {{ clean_text('value_a') }} as value_a,
        cast(line_a as integer) as line_a,
        {{ clean_text('value_b') }} as value_b,
        cast(line_b as integer) as line_b,
        {{ clean_text('kept') }} as kept_value,
        {{ clean_text('resolution') }} as resolution

    from source

)

select * from renamed

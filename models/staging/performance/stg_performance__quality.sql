-- One row per self-evaluation table (raw_performance_quality): expected vs extracted cells,
-- missing, recovered, conflicts, dropped layers and indicator rows.

with

source as (

    select * from {{ ref('raw_performance_quality') }}

),

renamed as (

    select
        ----------  ids
        {{ natural_key(['document_id', 'table_id']) }} as performance_table_id,
        {{ clean_text('document_id') }} as document_id,
        {{ clean_text('table_id') }} as table_id,

        ----------  counts
        cast(expected_cells as integer) as expected_cell_count,
        cast(extracted_cells as integer) as extracted_cell_count,
        cast(missing_cells as integer) as missing_cell_count,
        cast(recovered_cells as integer) as recovered_cell_count,
        cast(conflicts as integer) as conflict_count,
        cast(dropped_layers as integer) as dropped_layer_count,
        cast(indicators as integer) as indicator_count

    from source

)

select * from renamed

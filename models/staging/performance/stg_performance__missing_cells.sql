-- One row per cell a table should have but does not print legibly (raw_performance_missing_cells),
-- with the reason. (The value an identity implies for it is in audit.identity_results.)

with

source as (

    select * from {{ ref('raw_performance_missing_cells') }}

),

renamed as (

    select
        ----------  ids
        {{ natural_key(['document_id', 'table_id', 'missing_seq']) }} as missing_cell_id,
        {{ natural_key(['document_id', 'table_id']) }} as performance_table_id,
        {{ clean_text('document_id') }} as document_id,
        {{ clean_text('table_id') }} as table_id,
        cast(missing_seq as integer) as missing_seq,

        ----------  the cell
        {{ clean_text('field') }} as field,
        {{ clean_text('reason') }} as reason,

        ----------  lineage
        cast(line as integer) as source_line

    from source

)

select * from renamed

-- One row per cell illegible on its own line but read elsewhere in the same table
-- (raw_performance_recoveries), with the rule that recovered it.

with

source as (

    select * from {{ ref('raw_performance_recoveries') }}

),

renamed as (

    select
        ----------  ids
        {{ natural_key(['document_id', 'table_id', 'recovery_seq']) }} as recovery_id,
        {{ natural_key(['document_id', 'table_id']) }} as performance_table_id,
        {{ clean_text('document_id') }} as document_id,
        {{ clean_text('table_id') }} as table_id,
        cast(recovery_seq as integer) as recovery_seq,

        ----------  the cell
        {{ clean_text('field') }} as field,
        {{ clean_text('recovered_value') }} as recovered_value,
        {{ clean_text('rule') }} as recovery_rule,

        ----------  lineage
        cast(source_line as integer) as source_line,
        cast(target_line as integer) as target_line

    from source

)

select * from renamed

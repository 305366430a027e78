with

source as (

    select * from {{ ref('raw_statement_columns') }}

),

renamed as (

    select
        ----------  ids
        {{ natural_key(['document_id', 'statement_no', 'column_seq']) }} as statement_column_id,
        {{ clean_text('document_id') }} as document_id,
        cast(statement_no as integer) as statement_no,
        cast(column_seq as integer) as column_seq,

        ----------  descriptors
        {{ clean_text('side') }} as side,
        {{ clean_text('column_label') }} as column_label

    from source

)

select * from renamed

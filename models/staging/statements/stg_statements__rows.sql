with

source as (

    select * from {{ ref('raw_statement_rows') }}

),

renamed as (

    select
        ----------  ids
        {{ natural_key(['document_id', 'statement_no', 'row_seq']) }} as statement_row_id,
        {{ clean_text('document_id') }} as document_id,
        cast(statement_no as integer) as statement_no,
        cast(row_seq as integer) as row_seq,

        ----------  descriptors
        {{ clean_text('side') }} as side,
        {{ clean_text('row_code') }} as row_code,
        {{ clean_text('row_label') }} as row_label,

        ----------  lineage
        cast(page as integer) as page,
        cast(source_line as integer) as source_line

    from source

)

select * from renamed

with

source as (

    select * from {{ ref('raw_statement_cells') }}

),

renamed as (

    select
        ----------  ids
        {{ natural_key(['document_id', 'cell_seq']) }} as statement_cell_id,
        {{ clean_text('document_id') }} as document_id,
        cast(statement_no as integer) as statement_no,
        cast(cell_seq as integer) as cell_seq,
        cast(row_seq as integer) as row_seq,

        ----------  descriptors
        {{ clean_text('side') }} as side,
        {{ clean_text('row_code') }} as row_code,
        {{ clean_text('row_label') }} as row_label,
        {{ clean_text('column_label') }} as column_label,

        ----------  values
        cast(printed_text as varchar) as printed_text,
        {{ to_wan_yuan('value') }} as value_wan_yuan,
        cast(decimals as integer) as decimals,

        ----------  lineage
        cast(page as integer) as page,
        cast(source_line as integer) as source_line,
        cast(box_x0 as decimal(8, 2)) as box_x0,
        cast(box_top as decimal(8, 2)) as box_top,
        cast(box_x1 as decimal(8, 2)) as box_x1,
        cast(box_bottom as decimal(8, 2)) as box_bottom

    from source

)

select * from renamed

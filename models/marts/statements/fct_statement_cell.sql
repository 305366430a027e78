-- Every value printed in the nine statements (部门决算表), one row per cell: the table to look any
-- printed figure up in, with its statement, row (code and label), column (as printed and its
-- stable key), page, line and box. A statement printed without values (本表无数据) is a row of its
-- own (cell_kind empty_statement) carrying its note, so that an empty statement is data too.

with

grid as (

    select * from {{ ref('int_statements__grid') }}
    where not is_blank

),

statements as (

    select * from {{ ref('stg_statements__statements') }}

),

printed_cells as (

    select
        statement_cell_id,
        document_id,
        statement_no,
        coalesce(statement_title, template_title) as statement_name,
        'value' as cell_kind,
        row_seq,
        side,
        row_code,
        row_key,
        row_label,
        column_label,
        column_key,
        printed_text,
        value_wan_yuan,
        decimals,
        page,
        source_line,
        box_x0,
        box_top,
        box_x1,
        box_bottom
    from grid

),

empty_statements as (

    select
        statement_id || ':empty' as statement_cell_id,
        document_id,
        statement_no,
        coalesce(statement_title, template_title) as statement_name,
        'empty_statement' as cell_kind,
        cast(null as integer) as row_seq,
        cast(null as varchar) as side,
        cast(null as varchar) as row_code,
        cast(null as varchar) as row_key,
        cast(null as varchar) as row_label,
        cast(null as varchar) as column_label,
        cast(null as varchar) as column_key,
        empty_note as printed_text,
        cast(null as decimal(18, 2)) as value_wan_yuan,
        cast(null as integer) as decimals,
        first_page as page,
        coalesce(empty_note_line, title_line) as source_line,
        cast(null as decimal(8, 2)) as box_x0,
        cast(null as decimal(8, 2)) as box_top,
        cast(null as decimal(8, 2)) as box_x1,
        cast(null as decimal(8, 2)) as box_bottom
    from statements
    where status = 'printed_empty'

),

final as (

    select * from printed_cells
    union all
    select * from empty_statements

)

select * from final

-- Every cell of every printed statement's grid: each printed row × each value column of its
-- side, with the printed value, or a blank. A blank cell is nothing printed: it is exactly 0 in
-- the identities (its rounding radius is 0) and NULL in the marts, with is_blank saying so.
-- Rows and columns carry their stable keys (int_statements__rows, ref_statement_columns).

with

statement_rows as (

    select * from {{ ref('int_statements__rows') }}

),

statement_columns as (

    select * from {{ ref('stg_statements__columns') }}

),

cells as (

    select * from {{ ref('stg_statements__cells') }}

),

statements as (

    select * from {{ ref('stg_statements__statements') }}

),

column_keys as (

    select * from {{ ref('stg_reference__statement_columns') }}

),

keyed_columns as (

    select
        statement_columns.*,
        column_keys.column_key
    from statement_columns
    left join column_keys
        on statement_columns.statement_no = column_keys.statement_no
        and translate(statement_columns.column_label, '（）：', '():')
            = translate(column_keys.column_label, '（）：', '():')

),

final as (

    select
        ----------  ids
        {{ natural_key(['statement_rows.document_id', 'statement_rows.statement_no',
                        'statement_rows.row_seq', 'keyed_columns.column_seq']) }} as grid_cell_id,
        statement_rows.document_id,
        statement_rows.statement_no,
        statements.statement_title,
        statements.template_title,
        statements.budget_type,

        ----------  the row
        statement_rows.row_seq,
        statement_rows.side,
        statement_rows.row_code,
        statement_rows.row_key,
        statement_rows.level,
        statement_rows.parent_key,
        statement_rows.classification,
        statement_rows.row_label,
        statement_rows.line_name,
        statement_rows.name_path,

        ----------  the column
        keyed_columns.column_seq,
        keyed_columns.column_label,
        keyed_columns.column_key,

        ----------  the cell
        cells.statement_cell_id,
        cells.printed_text,
        cells.value_wan_yuan,
        cells.decimals,
        cells.statement_cell_id is null as is_blank,

        ----------  lineage
        coalesce(cells.page, statement_rows.page) as page,
        coalesce(cells.source_line, statement_rows.source_line) as source_line,
        cells.box_x0,
        cells.box_top,
        cells.box_x1,
        cells.box_bottom

    from statement_rows
    inner join statements
        on statement_rows.document_id = statements.document_id
        and statement_rows.statement_no = statements.statement_no
    inner join keyed_columns
        on statement_rows.document_id = keyed_columns.document_id
        and statement_rows.statement_no = keyed_columns.statement_no
        and statement_rows.side is not distinct from keyed_columns.side
    left join cells
        on statement_rows.document_id = cells.document_id
        and statement_rows.statement_no = cells.statement_no
        and statement_rows.row_seq = cells.row_seq
        and keyed_columns.column_label = cells.column_label

)

select * from final

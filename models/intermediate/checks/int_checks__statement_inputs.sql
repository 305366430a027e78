-- The inputs the statement identities (T1–T4, D1) and the narrative-against-statement checks (X)
-- take from the nine statements, in the shape of int_checks__inputs (which unions them). Every
-- cell of a printed row is an input: a printed value with half a unit of its printed digit as
-- its rounding radius, a blank cell as exactly 0 (nothing printed). One cell feeds several
-- themes, each grouped as one kind of identity needs it:
--   statement_tree       a node of a classification tree (合计, a 类, a 款; 人员经费合计 and
--                        公用经费合计 in statement 6) that has printed children, grouped by
--                        statement, column and its own code;
--   statement_tree_part  a coded row, grouped by statement, column and its parent's code: T1
--                        sums the parts of each node (合计 = Σ 类, 类 = Σ 款, 款 = Σ 项);
--   statement_row        every cell, component statement:column, grouped by statement and row:
--                        the identities across the columns of one row (T2, statement 4's 类 rows);
--   statement_<n>        every cell of a labelled row of statement n by the row's key
--                        (current_year_income, total …) and the column's key;
--   statement_<n>_<side>_<key>  the numbered lines of a side listed under a row (lines, or
--                        beginning_balance_lines), by name;
--   statement_<n>_class|kuan|item  the coded rows by code, grouped by name (a 类) or 类/款/项
--                        path, for the pairs across statements and with the narrative (T4, X;
--                        a blank cell pairs with nothing);
--   statement_<n>_total_by_column  a total row's printed cells by column key.

with

grid as (

    select * from {{ ref('int_statements__grid') }}

),

cells as (

    select
        grid.*,
        case when is_blank then 0 else value_wan_yuan end as value,
        coalesce(decimals, 2) as printed_decimals,
        'statement ' || statement_no || ' ' || coalesce(row_code || ' ', '')
            || coalesce(line_name, row_key, '') || ' / ' || column_label
            || coalesce(' (page ' || page || ')', '') as cell_label
    from grid
    where column_key is not null

),

parents as (

    select distinct document_id, statement_no, column_key, parent_key
    from cells
    where row_code is not null and parent_key is not null

),

tree_nodes as (

    select
        cells.document_id,
        'statement_tree' as theme,
        coalesce(cells.row_code, cells.row_key) as component_code,
        'value' as role,
        cells.statement_no || ':' || cells.column_key || ':' || coalesce(cells.row_code, cells.row_key)
            as group_key,
        cells.*
    from cells
    inner join parents
        on cells.document_id = parents.document_id
        and cells.statement_no = parents.statement_no
        and cells.column_key = parents.column_key
        and coalesce(cells.row_code, cells.row_key) = parents.parent_key

),

tree_parts as (

    select
        document_id,
        'statement_tree_part' as theme,
        row_code as component_code,
        'value' as role,
        statement_no || ':' || column_key || ':' || parent_key as group_key,
        cells.*
    from cells
    where row_code is not null and parent_key is not null

),

row_cells as (

    select
        document_id,
        'statement_row' as theme,
        statement_no || ':' || column_key as component_code,
        'value' as role,
        statement_no || ':' || row_seq as group_key,
        cells.*
    from cells

),

keyed_cells as (

    select
        document_id,
        'statement_' || statement_no || case
            when level = 'line' then '_' || case side when '收入' then 'income'
                when '支出' then 'expenditure' else 'rows' end || '_' || row_key
            when level = '类' then '_class'
            when level = '款' then '_kuan'
            when level = '项' then '_item'
            else ''
        end as theme,
        case when level = 'line' then line_name else coalesce(row_code, row_key) end
            as component_code,
        column_key as role,
        -- pairs by name: a line or a 类 by its name, a 款 or 项 by its 类/款/项 path
        case when not is_blank and level is not null then
            case when level in ('line', '类') then line_name else name_path end
        end as group_key,
        cells.*
    from cells
    where coalesce(row_code, row_key) is not null

),

totals_by_column as (

    -- a total row's printed cells by column, to pair with the narrative's parts by name
    select
        document_id,
        'statement_' || statement_no || '_total_by_column' as theme,
        column_key as component_code,
        'amount' as role,
        cast(null as varchar) as group_key,
        cells.*
    from cells
    where row_key = 'total' and not is_blank

),

unioned as (

    {%- set parts = ['tree_nodes', 'tree_parts', 'row_cells', 'keyed_cells', 'totals_by_column'] %}
    {%- for part in parts %}
    select document_id, theme, component_code, role, group_key, cell_label, value,
        printed_decimals, is_blank, source_line
    from {{ part }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}

),

final as (

    select
        document_id,
        theme,
        component_code,
        role,
        group_key,
        cell_label as label,
        value,
        printed_decimals as decimals,
        {{ half_unit('printed_decimals') }} as rounding_radius,
        is_blank as is_exact,
        source_line,
        case when is_blank then 'blank cell (nothing printed: 0)' else 'printed' end
            as derivation,
        cast(null as varchar) as missing_reason,
        cast(null as varchar) as chosen_note
    from unioned

)

select * from final

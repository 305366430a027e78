{#- A long fact of function-coded statements: one row per document × statement × 功能分类 code ×
    value column (its stable key as `measure_alias`, its printed label as `name_alias`), every
    level (类, 款, 项) a row, the row's total column beside it (`total_column`, left out of the
    rows). A blank cell is a row with value NULL and is_blank: nothing printed. -#}
{% macro statement_by_function(statement_numbers, measure_alias, name_alias, total_column='total') -%}
with

grid as (

    select * from {{ ref('int_statements__grid') }}
    where statement_no in ({{ statement_numbers | join(', ') }})

),

row_totals as (

    select document_id, statement_no, row_seq, value_wan_yuan, is_blank
    from grid
    where column_key = '{{ total_column }}'

),

final as (

    select
        ----------  ids
        {{ natural_key(['grid.document_id', 'grid.statement_no', 'grid.row_code', 'grid.column_key']) }}
            as {{ this.name | replace('fct_', '') }}_id,
        grid.document_id,
        grid.statement_no,
        grid.budget_type,

        ----------  the function code (as printed)
        grid.row_code as function_code,
        grid.level as function_level,
        left(grid.row_code, 3) as class_code,
        case when length(grid.row_code) >= 5 then left(grid.row_code, 5) end as kuan_code,
        grid.line_name as function_name,

        ----------  the column
        grid.column_key as {{ measure_alias }},
        grid.column_label as {{ name_alias }},

        ----------  values (万元, exact as printed)
        case when not grid.is_blank then grid.value_wan_yuan end as value_wan_yuan,
        grid.is_blank,
        grid.printed_text,
        case when not row_totals.is_blank then row_totals.value_wan_yuan end
            as function_total_wan_yuan,

        ----------  lineage
        grid.page,
        grid.source_line

    from grid
    left join row_totals
        on grid.document_id = row_totals.document_id
        and grid.statement_no = row_totals.statement_no
        and grid.row_seq = row_totals.row_seq
    where grid.row_code is not null
        and grid.column_key is distinct from '{{ total_column }}'

)

select * from final
{%- endmacro %}

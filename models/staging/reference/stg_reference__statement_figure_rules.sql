-- How a cell of statements 1, 4 and 7 becomes a measure of the thematic marts it restates
-- (fct_income_expenditure_summary, fct_fiscal_appropriation, fct_three_public_expenses): by the
-- statement, the row's key (ref_statement_rows; `lines` for the numbered lines of a side,
-- `<key>_lines` for those listed under a labelled row), the line's name (SQL `like`) and the
-- column's key (ref_statement_columns) (seed ref_statement_figure_rules), as the models downstream
-- read it.

with

source as (

    select * from {{ ref('ref_statement_figure_rules') }}

),

final as (

    select
        statement_no,
        row_key,
        line_name_pattern,
        column_key,
        theme,
        component_code,
        role,
        note
    from source

)

select * from final

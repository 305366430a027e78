-- The value columns of the nine statements, as the templates print their labels, each with a
-- stable key (the same key whatever the wording: a template printing 全年预算 where another says 年初预算
-- is one more row) (seed ref_statement_columns), as the models downstream read it.

with

source as (

    select * from {{ ref('ref_statement_columns') }}

),

final as (

    select
        statement_no,
        column_label,
        column_key,
        note
    from source

)

select * from final

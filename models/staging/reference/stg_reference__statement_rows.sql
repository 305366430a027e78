-- The labelled rows of the statements (totals, balances) with a stable key (seed
-- ref_statement_rows), as the models downstream read it.

with

source as (

    select * from {{ ref('ref_statement_rows') }}

),

final as (

    select
        statement_no,
        side,
        row_label_pattern,
        row_key,
        note
    from source

)

select * from final

-- One row per 类/款/项 clause of 第二部分 五(三) (一般公共预算) and 八 (国有资本经营预算): the
-- expenditure of one 项, its change against last year and the reason. Last year's amount is
-- derived (amount − change), never printed.

with

clauses as (

    select * from {{ ref('int_functional_clauses__coded') }}

),

final as (

    select
        ----------  ids
        functional_clause_id as functional_expenditure_id,
        document_id,
        budget_type,
        clause_no,
        function_code,
        class_code,
        kuan_code,

        ----------  names (as printed)
        class_name,
        kuan_name as section_name,
        item_name,

        ----------  amounts
        amount_wan_yuan,
        change_wan_yuan,
        {{ prior_year_amount('amount_wan_yuan', 'change_wan_yuan') }} as prior_year_wan_yuan,
        change_pct,

        ----------  text
        reason,

        ----------  lineage
        source_line,
        source_line_end,
        raw_text

    from clauses

)

select * from final

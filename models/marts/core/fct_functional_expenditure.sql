-- One row per 类/款/项 clause of the 项 sections (Xinjiang 第二部分 五(三) and 八, Shanghai
-- 第三部分 五(三)): the expenditure of one 项 and, as the template states it, its change against
-- last year (Xinjiang: last year's amount is derived, amount − change, never printed) or its
-- 年初预算 with the words comparing the two (Shanghai), and the reason.

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
        budget_initial_wan_yuan,
        stated_comparison,

        ----------  text
        reason,
        purpose,

        ----------  lineage
        source_line,
        source_line_end,
        raw_text

    from clauses

)

select * from final

-- 收入支出决算总体情况: one row per document for the narrative's figures (patterns in
-- ref_figure_rules, theme income_expenditure_summary), and one more where the document prints
-- statement 1 (收入支出决算总表), its cells pivoted into the same columns; figure_source says which.

with

documents as (

    select * from {{ ref('stg_narrative__documents') }}

),

figures as (

    select * from {{ ref('int_thematic__figures_by_source') }}
    where theme = 'income_expenditure_summary' and occurrence_no = 1

),

explanations as (

    select * from {{ ref('int_thematic__explanations_by_role') }}

),

sources as (

    select document_id, 'narrative' as figure_source from documents
    union all
    select distinct document_id, figure_source from figures where figure_source <> 'narrative'

),

pivoted as (

    select
        document_id,
        figure_source,
        {{ pivot_by_role([
            ('income_total', 'income_total'),
            ('current_year_income', 'current_year_income'),
            ('non_fiscal_balance_used', 'non_fiscal_balance_used'),
            ('beginning_balance', 'beginning_balance'),
            ('expenditure_total', 'expenditure_total'),
            ('current_year_expenditure', 'current_year_expenditure'),
            ('surplus_distribution', 'surplus_distribution'),
            ('ending_balance', 'ending_balance'),
            ('change', 'change'),
            ('change_pct', 'change_pct')
        ]) }}

    from figures
    group by document_id, figure_source

),

reasons as (

    select
        document_id,
        {{ pivot_by_role([
            ('change_reason', 'change_reason')
        ], text=true) }}

    from explanations
    where theme = 'income_expenditure_summary'
    group by document_id

),

final as (

    select
        ----------  ids
        case when sources.figure_source = 'narrative' then sources.document_id
            else sources.document_id || ':' || sources.figure_source
        end as income_expenditure_summary_id,
        sources.document_id,

        ----------  income side (收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余)
        {{ to_wan_yuan('pivoted.income_total') }} as income_total_wan_yuan,
        {{ to_wan_yuan('pivoted.current_year_income') }} as current_year_income_wan_yuan,
        {{ to_wan_yuan('pivoted.non_fiscal_balance_used') }} as non_fiscal_balance_used_wan_yuan,
        {{ to_wan_yuan('pivoted.beginning_balance') }} as beginning_balance_wan_yuan,

        ----------  expenditure side (支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余)
        {{ to_wan_yuan('pivoted.expenditure_total') }} as expenditure_total_wan_yuan,
        {{ to_wan_yuan('pivoted.current_year_expenditure') }} as current_year_expenditure_wan_yuan,
        {{ to_wan_yuan('pivoted.surplus_distribution') }} as surplus_distribution_wan_yuan,
        {{ to_wan_yuan('pivoted.ending_balance') }} as ending_balance_wan_yuan,

        ----------  change against last year (收入支出总体)
        {{ to_wan_yuan('pivoted.change') }} as change_wan_yuan,
        {{ to_pct('pivoted.change_pct') }} as change_pct,
        reasons.change_reason,

        ----------  lineage
        pivoted.income_total_source_line,
        pivoted.current_year_income_source_line,
        pivoted.non_fiscal_balance_used_source_line,
        pivoted.beginning_balance_source_line,
        pivoted.expenditure_total_source_line,
        pivoted.current_year_expenditure_source_line,
        pivoted.surplus_distribution_source_line,
        pivoted.ending_balance_source_line,
        pivoted.change_source_line,
        pivoted.change_pct_source_line,
        reasons.change_reason_source_line,

        ----------  source
        sources.figure_source

    from sources
    left join pivoted
        on sources.document_id = pivoted.document_id
        and sources.figure_source = pivoted.figure_source
    left join reasons
        on sources.document_id = reasons.document_id
        and sources.figure_source = 'narrative'

)

select * from final

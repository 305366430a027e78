-- 财政拨款 by budget scope: one row per document × scope × source (figure_source: the narrative,
-- or statement 4 where the document prints it). 财政拨款 (all scopes) from 第二部分 四,
-- 一般公共预算 from 五(一), 政府性基金预算 from 七, 国有资本经营预算 from 八. A scope the document
-- declares empty in words (七: 本部门本年度无政府性基金预算财政拨款收入、支出及结转和结余 … 为空表)
-- gets its six flow and balance amounts set to 0 with amount_rule = 'empty-table statement'.

with

figures as (

    select * from {{ ref('int_thematic__figures_by_source') }}

),

explanations as (

    select * from {{ ref('int_thematic__explanations_by_role') }}

),

components as (

    select * from {{ ref('int_thematic__components') }}

),

scope_figures as (

    select * from figures
    where theme = 'fiscal_appropriation'

),

scope_explanations as (

    select * from explanations
    where theme = 'fiscal_appropriation'

),

pivoted as (

    select
        document_id,
        component_code,
        figure_source,
        any_value(section_code) as section_code,

        {{ pivot_by_role([
            ('income_total', 'income_total'),
            ('beginning_balance', 'beginning_balance'),
            ('current_year_income', 'current_year_income'),
            ('expenditure_total', 'expenditure_total'),
            ('ending_balance', 'ending_balance'),
            ('current_year_expenditure', 'current_year_expenditure'),
            ('share_of_current_year_expenditure_pct', 'share_of_current_year_expenditure_pct',
                'share_source_line'),
            ('change', 'change'),
            ('change_pct', 'change_pct'),
            ('budget_initial', 'budget_initial'),
            ('final', 'final'),
            ('budget_variance_pct', 'budget_variance_pct', 'budget_variance_source_line'),
            ('budget_execution_pct', 'budget_execution_pct')
        ], first_occurrence=true) }},
        -- the second printing of 本年支出 keeps its line
        max(source_line) filter (
            where role = 'current_year_expenditure' and occurrence_no = 2
        ) as current_year_expenditure_second_source_line

    from scope_figures
    group by document_id, component_code, figure_source

),

texts as (

    select
        document_id,
        component_code,
        any_value(section_code) as section_code,
        {{ pivot_by_role([
            ('change_reason', 'change_reason'),
            ('budget_variance_reason', 'budget_variance_reason'),
            ('scope_statement', 'statement')
        ], text=true) }}

    from scope_explanations
    group by document_id, component_code

),

scopes as (

    -- a scope is a row when it has figures or a statement (of the narrative), per source
    select document_id, component_code, figure_source from pivoted
    union
    select document_id, component_code, 'narrative' from texts

),

joined as (

    select
        scopes.document_id,
        scopes.component_code,
        scopes.figure_source,
        components.component_name,
        components.component_order,
        components.parent_component_code,
        coalesce(pivoted.section_code, texts.section_code) as section_code,
        pivoted.* exclude (document_id, component_code, section_code, figure_source),
        texts.* exclude (document_id, component_code, section_code),
        -- the empty-table rule: the scope is declared empty in words and prints no figure
        (
            (texts.scope_statement like '%无政府性基金%' or texts.scope_statement like '%无国有资本经营%'
                or texts.scope_statement like '%为空表%')
            and pivoted.document_id is null
        ) as is_declared_empty

    from scopes
    left join pivoted
        on scopes.document_id = pivoted.document_id
        and scopes.component_code = pivoted.component_code
        and scopes.figure_source = pivoted.figure_source
    left join texts
        on scopes.document_id = texts.document_id
        and scopes.component_code = texts.component_code
        and scopes.figure_source = 'narrative'
    left join components
        on components.theme = 'fiscal_appropriation'
        and scopes.component_code = components.component_code

),

final as (

    select
        ----------  ids
        case when figure_source = 'narrative'
            then {{ natural_key(['document_id', 'component_code']) }}
            else {{ natural_key(['document_id', 'component_code', 'figure_source']) }}
        end as fiscal_appropriation_id,
        document_id,
        component_code as scope_code,

        ----------  names
        component_name as scope_name,
        component_order as scope_order,
        parent_component_code as parent_scope_code,
        section_code,

        ----------  amounts (0 under the empty-table rule)
        {{ to_wan_yuan("coalesce(income_total, case when is_declared_empty then 0 end)") }} as income_total_wan_yuan,
        {{ to_wan_yuan("coalesce(beginning_balance, case when is_declared_empty then 0 end)") }} as beginning_balance_wan_yuan,
        {{ to_wan_yuan("coalesce(current_year_income, case when is_declared_empty then 0 end)") }}
            as current_year_income_wan_yuan,
        {{ to_wan_yuan("coalesce(expenditure_total, case when is_declared_empty then 0 end)") }}
            as expenditure_total_wan_yuan,
        {{ to_wan_yuan("coalesce(ending_balance, case when is_declared_empty then 0 end)") }} as ending_balance_wan_yuan,
        {{ to_wan_yuan("coalesce(current_year_expenditure, case when is_declared_empty then 0 end)") }}
            as current_year_expenditure_wan_yuan,
        {{ to_pct('share_of_current_year_expenditure_pct') }} as share_of_current_year_expenditure_pct,

        ----------  change against last year
        {{ to_wan_yuan('change') }} as change_wan_yuan,
        {{ to_pct('change_pct') }} as change_pct,
        change_reason,

        ----------  budget against final (年初预算数 vs 决算数)
        {{ to_wan_yuan('budget_initial') }} as budget_initial_wan_yuan,
        {{ to_wan_yuan('final') }} as final_wan_yuan,
        {{ to_pct('budget_variance_pct') }} as budget_variance_pct,
        budget_variance_reason,
        -- where the template states 完成年初预算的 % (Shanghai 五(三))
        {{ to_pct('budget_execution_pct') }} as budget_execution_pct,

        ----------  rule
        case when is_declared_empty then 'empty-table statement' end as amount_rule,
        scope_statement,

        ----------  lineage
        income_total_source_line,
        beginning_balance_source_line,
        current_year_income_source_line,
        expenditure_total_source_line,
        ending_balance_source_line,
        current_year_expenditure_source_line,
        current_year_expenditure_second_source_line,
        share_source_line,
        change_source_line,
        change_pct_source_line,
        budget_initial_source_line,
        final_source_line,
        budget_variance_source_line,
        change_reason_source_line,
        budget_variance_reason_source_line,
        scope_statement_source_line,
        budget_execution_pct_source_line,

        ----------  source
        figure_source

    from joined

)

select * from final

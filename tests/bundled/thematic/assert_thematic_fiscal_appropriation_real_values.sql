-- 第二部分 四, 五(一), 七, 八 of the Urumqi HRSS 2024 document: 财政拨款收入总计 32,288.11 = 年初
-- 148.88 + 本年 32,139.22 (N9, rounding) = 年末 81.91 + 本年支出 32,206.19; 年初预算数 25,169.42,
-- 决算数 32,288.11, 差异率 28.28%; 本年财政拨款收入 in 四 = 财政拨款收入 in 二 (N10); 本年财政拨款支出
-- 32,206.19 = 一般公共预算 32,186.91 + 政府性基金 0 (empty-table statement, line 188) + 国有资本经营
-- 19.28 (N12); 国有资本经营 年初预算数 78.00, 差异率 −75.28%. Returns a row per failed check.

with

documents as (

    select * from {{ ref('stg_narrative__documents') }}

),

fiscal_appropriation as (

    select * from {{ ref('fct_fiscal_appropriation') }}

),

income_by_source as (

    select * from {{ ref('fct_income_by_source') }}

),

fixture_document as (

    select document_id
    from documents
    where document_id = '{{ var("fixture_document_id") }}'

),

scopes as (

    select fiscal_appropriation.*
    from fiscal_appropriation
    inner join fixture_document
        on fiscal_appropriation.document_id = fixture_document.document_id

),

income as (

    select income_by_source.*
    from income_by_source
    inner join fixture_document
        on income_by_source.document_id = fixture_document.document_id

),

checks as (

    select 'scope rows' as check_name, count(*) as actual, 4 as expected, 0 as tolerance from scopes
    union all
    select 'all: income total', max(income_total_wan_yuan), 32288.11, 0 from scopes where scope_code = 'fiscal_appropriation'
    union all
    select 'all: beginning balance', max(beginning_balance_wan_yuan), 148.88, 0 from scopes where scope_code = 'fiscal_appropriation'
    union all
    select 'all: current year income', max(current_year_income_wan_yuan), 32139.22, 0 from scopes where scope_code = 'fiscal_appropriation'
    union all
    select 'all: ending balance', max(ending_balance_wan_yuan), 81.91, 0 from scopes where scope_code = 'fiscal_appropriation'
    union all
    select 'all: current year expenditure', max(current_year_expenditure_wan_yuan), 32206.19, 0 from scopes where scope_code = 'fiscal_appropriation'
    union all
    select 'all: change', max(change_wan_yuan), -3562.90, 0 from scopes where scope_code = 'fiscal_appropriation'
    union all
    select 'all: budget initial', max(budget_initial_wan_yuan), 25169.42, 0 from scopes where scope_code = 'fiscal_appropriation'
    union all
    select 'all: budget variance', max(budget_variance_pct), 28.28, 0 from scopes where scope_code = 'fiscal_appropriation'
    union all
    select 'general: expenditure', max(current_year_expenditure_wan_yuan), 32186.91, 0 from scopes where scope_code = 'general_public_budget'
    union all
    select 'general: share', max(share_of_current_year_expenditure_pct), 99.89, 0 from scopes where scope_code = 'general_public_budget'
    union all
    select 'general: budget initial', max(budget_initial_wan_yuan), 25091.42, 0 from scopes where scope_code = 'general_public_budget'
    union all
    select 'fund: expenditure by empty-table rule', max(current_year_expenditure_wan_yuan), 0.00, 0 from scopes
    where scope_code = 'government_fund_budget' and amount_rule = 'empty-table statement'
    union all
    select 'fund: statement line', max(scope_statement_source_line), 188, 0 from scopes where scope_code = 'government_fund_budget'
    union all
    select 'state capital: expenditure', max(current_year_expenditure_wan_yuan), 19.28, 0 from scopes where scope_code = 'state_capital_operating_budget'
    union all
    select 'state capital: second printing line', max(current_year_expenditure_second_source_line), 196, 0 from scopes
    where scope_code = 'state_capital_operating_budget'
    union all
    select 'state capital: budget initial', max(budget_initial_wan_yuan), 78.00, 0 from scopes where scope_code = 'state_capital_operating_budget'
    union all
    select 'state capital: budget variance', max(budget_variance_pct), -75.28, 0 from scopes where scope_code = 'state_capital_operating_budget'

)

select *
from checks
where actual is null or expected is null or abs(actual - expected) > tolerance

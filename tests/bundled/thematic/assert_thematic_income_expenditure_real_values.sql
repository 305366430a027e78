-- 第二部分 一 of the Urumqi HRSS 2024 document (lines 96-100): 收入总计 32,312.49 = 本年收入合计
-- 32,139.53 + 使用非财政拨款结余 0.00 + 年初结转和结余 172.97 (N1, off by 0.01: rounding) and
-- 支出总计 32,312.49 = 本年支出合计 32,221.61 + 结余分配 0.00 + 年末结转和结余 90.89 (N2, rounding);
-- 收入总计 = 支出总计 (N3); change −4,015.04, −11.05%. A sum of n printed addends holds within
-- The identities themselves are checked by the quality gate (audit.identity_checks). Returns a row per failed check.

with

documents as (

    select * from {{ ref('stg_narrative__documents') }}

),

summary as (

    select * from {{ ref('fct_income_expenditure_summary') }}

),

fixture as (

    select summary.*
    from summary
    inner join documents
        on summary.document_id = documents.document_id
    where documents.document_id = '{{ var("fixture_document_id") }}'

),

checks as (

    select 'income_total' as check_name, max(income_total_wan_yuan) as actual, 32312.49 as expected, 0 as tolerance from fixture
    union all
    select 'current_year_income', max(current_year_income_wan_yuan), 32139.53, 0 from fixture
    union all
    select 'non_fiscal_balance_used', max(non_fiscal_balance_used_wan_yuan), 0.00, 0 from fixture
    union all
    select 'beginning_balance', max(beginning_balance_wan_yuan), 172.97, 0 from fixture
    union all
    select 'expenditure_total', max(expenditure_total_wan_yuan), 32312.49, 0 from fixture
    union all
    select 'current_year_expenditure', max(current_year_expenditure_wan_yuan), 32221.61, 0 from fixture
    union all
    select 'surplus_distribution', max(surplus_distribution_wan_yuan), 0.00, 0 from fixture
    union all
    select 'ending_balance', max(ending_balance_wan_yuan), 90.89, 0 from fixture
    union all
    select 'change', max(change_wan_yuan), -4015.04, 0 from fixture
    union all
    select 'change_pct', max(change_pct), -11.05, 0 from fixture
    union all
    select 'income_total_line', max(income_total_source_line), 96, 0 from fixture
    union all
    select 'change_line', max(change_source_line), 100, 0 from fixture

)

select *
from checks
where actual is null or expected is null or abs(actual - expected) > tolerance

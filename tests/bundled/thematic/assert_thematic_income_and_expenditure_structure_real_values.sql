-- 第二部分 二 and 三 of the Urumqi HRSS 2024 document (lines 104-110): 财政拨款收入 32,139.22
-- (100.00%), 其他收入 0.30 (0.000%, three decimals), Σ sources = 本年收入 32,139.53 (N4, 7 addends
-- → ±0.035, off by 0.01); 基本支出 13,717.58 (42.57%) + 项目支出 18,504.03 (57.43%) = 本年支出
-- 32,221.61 (N6). Returns a row per failed check.

with

documents as (

    select * from {{ ref('stg_narrative__documents') }}

),

income_by_source as (

    select * from {{ ref('fct_income_by_source') }}

),

expenditure_by_nature as (

    select * from {{ ref('fct_expenditure_by_nature') }}

),

fixture_document as (

    select document_id
    from documents
    where document_id = '{{ var("fixture_document_id") }}'

),

income as (

    select income_by_source.*
    from income_by_source
    inner join fixture_document
        on income_by_source.document_id = fixture_document.document_id

),

expenditure as (

    select expenditure_by_nature.*
    from expenditure_by_nature
    inner join fixture_document
        on expenditure_by_nature.document_id = fixture_document.document_id

),

checks as (

    select 'income source rows' as check_name, count(*) as actual, 6 as expected, 0 as tolerance from income
    union all
    select 'fiscal appropriation income', max(amount_wan_yuan), 32139.22, 0 from income where source_code = 'fiscal_appropriation'
    union all
    select 'fiscal appropriation share', max(share_pct), 100.00, 0 from income where source_code = 'fiscal_appropriation'
    union all
    select 'other income', max(amount_wan_yuan), 0.30, 0 from income where source_code = 'other'
    union all
    select 'other income share decimals', max(share_decimals), 3, 0 from income where source_code = 'other'
    union all
    select 'current year income context', max(current_year_income_wan_yuan), 32139.53, 0 from income
    union all
    select 'expenditure nature rows', count(*), 5, 0 from expenditure
    union all
    select 'basic expenditure', max(amount_wan_yuan), 13717.58, 0 from expenditure where nature_code = 'basic'
    union all
    select 'basic expenditure share', max(share_pct), 42.57, 0 from expenditure where nature_code = 'basic'
    union all
    select 'project expenditure', max(amount_wan_yuan), 18504.03, 0 from expenditure where nature_code = 'project'
    union all
    select 'project expenditure share', max(share_pct), 57.43, 0 from expenditure where nature_code = 'project'

)

select *
from checks
where actual is null or expected is null or abs(actual - expected) > tolerance

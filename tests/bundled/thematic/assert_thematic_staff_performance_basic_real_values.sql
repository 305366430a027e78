-- 第一部分 二, 第二部分 六, 十一 and 十二 of the Urumqi HRSS 2024 document: 实有人数 1,026 = 在职 683
-- (−31) + 离休 0 (0) + 退休 343 (+27) (N22), 19 科室 stated and listed; 基本支出 13,717.45 = 人员经费
-- 12,596.51 + 公用经费 1,120.94 (N18) = 机关运行经费 972.03 + 事业单位公用经费 148.91 (N19); 1 整体
-- 支出绩效自评表 with 32,312.49 / 32,221.61 (= 收入总计 / 本年支出合计, P8), 58 projects with
-- 33,285.22 / 33,125.66, 1 SM project 109.80 / 109.80 (line 1977). Returns a row per failed check.

with

documents as (

    select * from {{ ref('stg_narrative__documents') }}

),

staff as (

    select * from {{ ref('fct_staff') }}

),

organisation as (

    select * from {{ ref('fct_organisation') }}

),

basic_expenditure as (

    select * from {{ ref('fct_basic_expenditure') }}

),

performance as (

    select * from {{ ref('fct_performance_evaluation_summary') }}

),

fixture_document as (

    select document_id
    from documents
    where document_id = '{{ var("fixture_document_id") }}'

),

people as (

    select staff.* from staff
    inner join fixture_document on staff.document_id = fixture_document.document_id

),

offices as (

    select organisation.* from organisation
    inner join fixture_document on organisation.document_id = fixture_document.document_id

),

basic as (

    select basic_expenditure.* from basic_expenditure
    inner join fixture_document on basic_expenditure.document_id = fixture_document.document_id

),

evaluations as (

    select performance.* from performance
    inner join fixture_document on performance.document_id = fixture_document.document_id

),

checks as (

    select 'staff total' as check_name, max(headcount) as actual, 1026 as expected, 0 as tolerance
    from people where staff_category_code = 'total'
    union all
    select 'serving', max(headcount), 683, 0 from people where staff_category_code = 'serving'
    union all
    select 'serving change', max(change_count), -31, 0 from people where staff_category_code = 'serving'
    union all
    select 'retired veteran', max(headcount), 0, 0 from people where staff_category_code = 'retired_veteran'
    union all
    select 'retired', max(headcount), 343, 0 from people where staff_category_code = 'retired'
    union all
    select 'retired change', max(change_count), 27, 0 from people where staff_category_code = 'retired'
    union all
    select 'internal offices stated', max(internal_office_count), 19, 0 from offices
    union all
    select 'internal offices listed', max(listed_internal_office_count), 19, 0 from offices
    union all
    select 'basic expenditure', max(amount_wan_yuan), 13717.45, 0 from basic where expense_group_code = 'total'
    union all
    select 'personnel', max(amount_wan_yuan), 12596.51, 0 from basic where expense_group_code = 'personnel'
    union all
    select 'public funds', max(amount_wan_yuan), 1120.94, 0 from basic where expense_group_code = 'public_funds'
    union all
    select 'overall tables', max(item_count), 1, 0 from evaluations where evaluation_scope_code = 'overall_self_evaluation'
    union all
    select 'overall budget', max(budget_wan_yuan), 32312.49, 0 from evaluations where evaluation_scope_code = 'overall_self_evaluation'
    union all
    select 'overall executed', max(executed_wan_yuan), 32221.61, 0 from evaluations where evaluation_scope_code = 'overall_self_evaluation'
    union all
    select 'projects', max(item_count), 58, 0 from evaluations where evaluation_scope_code = 'project_self_evaluation'
    union all
    select 'projects budget', max(budget_wan_yuan), 33285.22, 0 from evaluations where evaluation_scope_code = 'project_self_evaluation'
    union all
    select 'projects executed', max(executed_wan_yuan), 33125.66, 0 from evaluations where evaluation_scope_code = 'project_self_evaluation'
    union all
    select 'sm projects', max(item_count), 1, 0 from evaluations where evaluation_scope_code = 'sm_project'
    union all
    select 'sm budget', max(budget_wan_yuan), 109.80, 0 from evaluations where evaluation_scope_code = 'sm_project'
    union all
    select 'sm executed', max(executed_wan_yuan), 109.80, 0 from evaluations where evaluation_scope_code = 'sm_project'
    union all
    select 'sm line', max(item_count_source_line), 1977, 0 from evaluations where evaluation_scope_code = 'sm_project'

)

select *
from checks
where actual is null or expected is null or abs(actual - expected) > tolerance

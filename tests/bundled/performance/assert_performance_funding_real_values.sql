-- Real fund rows of the Urumqi HRSS 2024 self-evaluation tables, through the marts:
-- Σ 全年预算数 of the 58 projects' 年度资金总额 rows = 33269.37 as printed, P35's total row printing
-- no amounts (line 1277; 十一 states 33285.22 = 33269.37 + P35's 15.85); PPP 咨询机构服务费 (line 289)
-- 28.00 / 22.08 / 22.08, 分值 10, 100.00%, 得分 10.00 and 总分 98.50 (line 305); the 人才周转房
-- table (line 330) 310.00 / 188.94 / 176.36, 93.34%, 9.33; the department table's 年度总资金
-- (line 244) 25169.42 / 32312.49 / 32221.61, 99.72%, 9.97. Compared as text, so scales are
-- checked too. Returns a row per check that differs.

with

funding as (

    select * from {{ ref('fct_project_funding') }}
    where document_id = '{{ var("fixture_document_id") }}'

),

projects as (

    select * from {{ ref('dim_project') }}
    where document_id = '{{ var("fixture_document_id") }}'

),

evaluations as (

    select * from {{ ref('fct_project_evaluation') }}
    where document_id = '{{ var("fixture_document_id") }}'

),

project_totals as (

    select funding.*, projects.project_name
    from funding
    inner join projects
        on funding.project_id = projects.project_id
    where funding.row_kind = 'total'

),

ppp as (select * from project_totals where project_name = 'PPP咨询机构服务费'),
housing as (select * from project_totals where project_name like '%人才%周转房%'),
department as (
    select * from funding
    where table_kind = 'department' and row_kind = 'total'
),

actual (check_name, actual_value) as (

    select 'Σ 全年预算数 of project total rows', cast(sum(budget_full_year_wan_yuan) as varchar)
    from project_totals
    union all
    select 'project total rows without 全年预算数',
        string_agg(table_id || ' line ' || source_line, ', ')
    from project_totals where budget_full_year_wan_yuan is null
    union all
    select 'PPP funding', concat_ws(' / ', budget_initial_wan_yuan, budget_full_year_wan_yuan,
        executed_wan_yuan, weight, execution_rate_pct, score, source_line)
    from ppp
    union all
    select 'PPP 总分', cast(evaluations.total_score as varchar)
    from evaluations inner join ppp on evaluations.project_id = ppp.project_id
    union all
    select '人才周转房 funding', concat_ws(' / ', budget_initial_wan_yuan, budget_full_year_wan_yuan,
        executed_wan_yuan, weight, execution_rate_pct, score, source_line)
    from housing
    union all
    select 'department 年度总资金', concat_ws(' / ', budget_initial_wan_yuan, budget_full_year_wan_yuan,
        executed_wan_yuan, weight, execution_rate_pct, score, source_line)
    from department

),

expected (check_name, expected_value) as (

    values
        ('Σ 全年预算数 of project total rows', '33269.37'),
        ('project total rows without 全年预算数', 'P35 line 1277'),
        ('PPP funding', '28.00 / 22.08 / 22.08 / 10.00 / 100.000 / 10.00 / 289'),
        ('PPP 总分', '98.50'),
        ('人才周转房 funding', '310.00 / 188.94 / 176.36 / 10.00 / 93.340 / 9.33 / 330'),
        ('department 年度总资金', '25169.42 / 32312.49 / 32221.61 / 10.00 / 99.720 / 9.97 / 244')

)

select expected.check_name, actual.actual_value, expected.expected_value
from expected
left join actual
    on expected.check_name = actual.check_name
where actual.actual_value is distinct from expected.expected_value

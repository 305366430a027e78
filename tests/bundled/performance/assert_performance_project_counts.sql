-- The Urumqi HRSS 2024 document prints 58 项目支出绩效自评表 (P01…P58, 第二部分 十一 line 238
-- says 58 projects) and one 部门整体支出绩效自评表 (line 241). Returns a row per count that differs.

with

projects as (

    select * from {{ ref('dim_project') }}
    where document_id = '{{ var("fixture_document_id") }}'

),

department_evaluations as (

    select * from {{ ref('dim_department_evaluation') }}
    where document_id = '{{ var("fixture_document_id") }}'

),

evaluations as (

    select * from {{ ref('fct_project_evaluation') }}
    where document_id = '{{ var("fixture_document_id") }}'

),

checks as (

    select 'projects' as check_name, count(*) as actual, 58 as expected from projects
    union all
    select 'distinct project_seq 1..58', count(distinct project_seq), 58 from projects
    where project_seq between 1 and 58
    union all
    select 'department tables', count(*), 1 from department_evaluations
    union all
    select 'evaluations (58 projects + D)', count(*), 59 from evaluations

)

select * from checks where actual <> expected

-- "Which indicators missed their targets, by how much, and why", as one query over
-- fct_indicator_result (the query below is the answer; README-style). On the Urumqi HRSS 2024
-- document it returns real rows, among them P09 指标2 (target >=17.7, actual 16.69, 94.29%) and
-- P38 指标2 (>=280, 181), each with the project, the shortfall and the printed 偏差原因.
-- The test returns a row per expectation that the answer does not meet.

with

indicators as (

    select * from {{ ref('fct_indicator_result') }}
    where document_id = '{{ var("fixture_document_id") }}'

),

projects as (

    select * from {{ ref('dim_project') }}

),

missed_targets as (

    select
        indicators.table_id,
        projects.project_name,
        indicators.level3_name,
        indicators.target_text,
        indicators.actual_text,
        indicators.actual_value - indicators.target_value as shortfall,
        indicators.achievement_ratio,
        indicators.weight - indicators.score as points_lost,
        indicators.deviation_reason
    from indicators
    left join projects
        on indicators.project_id = projects.project_id
    where indicators.is_target_met = false
    order by indicators.table_id, indicators.indicator_seq

),

checks as (

    select 'rows' as check_name, cast(count(*) >= 16 as varchar) as actual, 'true' as expected
    from missed_targets
    union all
    select 'P09 16.69 vs 17.7',
        string_agg(concat_ws(' / ', target_text, actual_text, shortfall, achievement_ratio), '; '),
        '>=17.7万人 / =16.69万人 / -1.0100 / 0.942938'
    from missed_targets
    where table_id = 'P09' and target_text like '>=17.7%'
    union all
    select 'P38 181 vs 280 has a reason',
        cast(bool_and(deviation_reason is not null) as varchar), 'true'
    from missed_targets
    where table_id = 'P38' and target_text like '>=280%'
    union all
    select 'every missed row names its project or the department table',
        cast(count(*) as varchar), '0'
    from missed_targets
    where project_name is null and table_id <> 'D'

)

select * from checks where actual is distinct from expected

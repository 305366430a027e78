-- The performance identities on the Urumqi HRSS 2024 document (audit.identity_checks): P7's count
-- passes (58 tables, 十一 line 238) and its two sums are not_evaluable because P35's 年度资金总额
-- row prints no amounts (line 1277): the 57 printed 全年预算数 give 33269.37, short of the stated
-- 33285.22 by exactly P35's 15.85; P8's department side holds (全年预算数 32312.49 = 收入总计,
-- 全年执行数 32221.61 = 本年支出合计); no P identity fails. Returns a row per check that differs.

with

identity_checks as (

    select * from {{ ref('identity_checks') }}
    where document_id = '{{ var("fixture_document_id") }}'

),

checks as (

    select 'P7 count' as check_name, outcome as actual, 'pass' as expected
    from identity_checks where identity_id = 'P7' and instance = '项目支出绩效自评表 数量'
    union all
    select 'P7 Σ 全年预算数',
        outcome || ' / ' || left_value || ' / ' || right_value || ' / '
            || cast(contains(not_evaluable_reason, 'P35') as varchar),
        'not_evaluable / 33285.220 / 33269.370000 / true'
    from identity_checks where identity_id = 'P7' and instance = '项目支出绩效自评表 Σ 全年预算数'
    union all
    select 'P7 Σ 全年执行数', outcome || ' / ' || cast(contains(not_evaluable_reason, 'line 1277') as varchar),
        'not_evaluable / true'
    from identity_checks where identity_id = 'P7' and instance = '项目支出绩效自评表 Σ 全年执行数'
    union all
    select 'P8 department rows not passing', cast(count(*) as varchar), '0'
    from identity_checks
    where identity_id = 'P8' and instance not like '十一 %' and outcome not in ('pass', 'rounding')
    union all
    select 'P8 department rows', cast(count(*) as varchar), '4'
    from identity_checks where identity_id = 'P8' and instance not like '十一 %'
    union all
    select 'P identities failing', cast(count(*) as varchar), '0'
    from identity_checks where identity_id like 'P%' and outcome = 'fail'

)

select * from checks where actual is distinct from expected

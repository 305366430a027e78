-- audit.identity_checks on the Urumqi HRSS 2024 document (docs/DOMAIN.md §5: "off by 0.01–0.02 in
-- several places that are rounding, not errors"). Pins real rows:
-- N1 收入总计 32312.49 vs 32139.53 + 0.00 + 172.97 = 32312.50, off by −0.01 inside 4 × 0.005
-- (line 96) → rounding; N13 Σ 项 32186.93 vs 一般公共预算 32186.91 with 31 项 → envelope 0.16,
-- rounding; N5 其他收入 printed 占 0.000% of 32139.53 (0.30 / 32139.53 = 0.000933%) → fail,
-- acknowledged as the publisher's error; N16 其他科学技术支出 16.99 up 16.99 printed 100% → last
-- year 0, not_evaluable; the "三公" 预决算差异率 −0.13% (82.08 → 81.97) → pass; the four figures
-- printed twice (D1) agree; the two N24 bounds pass; N11's share of the 年初预算 completed and
-- N13's Σ 项 年初预算 are not_evaluable (this template prints neither that share nor a 项's
-- 年初预算). Also the outcome counts and the seven rounding cases.
-- Compared as text, so the types' scales are checked too. Returns a row per failed check.

with

documents as (

    select * from {{ ref('stg_narrative__documents') }}

),

identity_checks as (

    select * from {{ ref('identity_checks') }}

),

fixture as (

    select identity_checks.*
    from identity_checks
    inner join documents
        on identity_checks.document_id = documents.document_id
    where documents.document_id = '{{ var("fixture_document_id") }}'
        -- the narrative identities only: the self-evaluation tables' P1–P8 and W1–W3 are pinned
        -- by tests/performance/assert_performance_identities_real_values.sql
        and (identity_checks.identity_id not similar to '[PW][0-9]+'
            or identity_checks.instance like '十一 %')
        -- and not the document checks (C…, WF…: tests/python/test_document_status.py)
        and identity_checks.suite <> 'document_checks'

),

n1 as (select * from fixture where identity_id = 'N1' and instance = '收入总计'),
n13 as (select * from fixture where identity_id = 'N13' and instance = 'Σ 项'),
n5 as (select * from fixture where identity_id = 'N5' and instance = '其他收入'),
n16 as (
    select * from fixture
    where identity_id = 'N16'
        and instance = '科学技术支出(类)其他科学技术支出(款)其他科学技术支出(项)'
),
n20 as (select * from fixture where identity_id = 'N20' and instance = '"三公"经费 预决算差异率'),

checks as (

    select 'rows' as check_name, cast(count(*) as varchar) as actual, '111' as expected from fixture
    union all
    select 'pass rows', cast(count(*) as varchar), '94' from fixture where outcome = 'pass'
    union all
    select 'not_evaluable rows', cast(count(*) as varchar), '9' from fixture where outcome = 'not_evaluable'
    union all
    select 'fail rows not acknowledged', cast(count(*) as varchar), '0' from fixture
    where outcome = 'fail' and not is_acknowledged
    union all
    select
        'rounding rows',
        string_agg(identity_id || ' ' || instance, ' | ' order by identity_id, instance),
        'N1 收入总计 | N13 Σ 项 | N14 社会保障和就业支出 | N2 支出总计 | N4 本年收入 | N9 财政拨款支出总计 | N9 财政拨款收入总计'
    from fixture where outcome = 'rounding'
    union all
    -- N1 收入总计
    select 'N1 left', cast(left_value as varchar), '32312.490' from n1
    union all
    select 'N1 right', cast(right_value as varchar), '32312.500000' from n1
    union all
    select 'N1 difference', cast(difference as varchar), '-0.010000' from n1
    union all
    select 'N1 envelope', cast(envelope as varchar), '0.020000' from n1
    union all
    select 'N1 outcome', outcome, 'rounding' from n1
    union all
    select 'N1 source lines', source_lines, '96' from n1
    union all
    select 'N1 check kind', check_kind, 'sum' from n1
    union all
    -- N13 Σ 项
    select 'N13 Σ 项 left', cast(left_value as varchar), '32186.910' from n13
    union all
    select 'N13 Σ 项 right', cast(right_value as varchar), '32186.930000' from n13
    union all
    select 'N13 Σ 项 difference', cast(difference as varchar), '-0.020000' from n13
    union all
    select 'N13 Σ 项 envelope', cast(envelope as varchar), '0.160000' from n13
    union all
    select 'N13 Σ 项 outcome', outcome, 'rounding' from n13
    union all
    select 'N13 Σ 项 label', right_label, 'Σ 31 terms' from n13
    union all
    -- N5 其他收入: the acknowledged failure
    select 'N5 其他收入 printed', cast(left_value as varchar), '0.000' from n5
    union all
    select 'N5 其他收入 computed', cast(right_value as varchar), '0.000933' from n5
    union all
    select 'N5 其他收入 outcome', outcome, 'fail' from n5
    union all
    select 'N5 其他收入 acknowledged', cast(is_acknowledged as varchar), 'true' from n5
    union all
    select
        'N5 其他收入 evidence',
        left(acknowledgement_evidence, length('Line 104 prints 其他收入 0.30 万元, 占 0.000%')),
        'Line 104 prints 其他收入 0.30 万元, 占 0.000%'
    from n5
    union all
    select 'N5 其他收入 source lines', source_lines, '104' from n5
    union all
    -- N16 其他科学技术支出: last year's amount is 0
    select 'N16 其他科学技术支出 outcome', outcome, 'not_evaluable' from n16
    union all
    select
        'N16 其他科学技术支出 reason',
        not_evaluable_reason,
        'the denominator is zero within rounding: the percentage is undefined'
    from n16
    union all
    select 'N16 其他科学技术支出 printed', cast(left_value as varchar), '100.000' from n16
    union all
    select 'N16 其他科学技术支出 computed', cast(right_value as varchar), null from n16
    union all
    -- N20 "三公"经费 预决算差异率: a negative rate
    select 'N20 variance printed', cast(left_value as varchar), '-0.130' from n20
    union all
    select 'N20 variance computed', cast(right_value as varchar), '-0.134016' from n20
    union all
    select 'N20 variance outcome', outcome, 'pass' from n20
    union all
    -- D1: the four figures printed twice agree
    select 'D1 rows', cast(count(*) as varchar), '4' from fixture where identity_id = 'D1'
    union all
    select 'D1 rows not passing', cast(count(*) as varchar), '0' from fixture
    where identity_id = 'D1' and (outcome <> 'pass' or envelope <> 0)
    union all
    select
        'D1 三公 vehicles',
        max(source_lines),
        '202,210'
    from fixture
    where identity_id = 'D1' and instance = '公务用车购置及运行维护费 (amount, lines 202 and 210)'

)

select *
from checks
where actual is distinct from expected

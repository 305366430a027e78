-- 第二部分 九 of the Urumqi HRSS 2024 document: "三公" total 81.97 (+4.19, +5.39%), 全年预算数
-- 82.08, 决算数 81.97, 预决算差异率 −0.13% (line 214); 81.97 = 因公出国(境) 0.00 + 公务用车 81.97 +
-- 公务接待 0.00 and 公务用车 81.97 = 购置 0.00 + 运行维护 81.97 (N20); amounts printed twice are one
-- row with both lines (202 and 206/210/212); 保有量 44, fixed-asset vehicles 49, counts 0.
-- Returns a row per failed check.

with

documents as (

    select * from {{ ref('stg_narrative__documents') }}

),

three_public_expenses as (

    select * from {{ ref('fct_three_public_expenses') }}

),

fixture as (

    select three_public_expenses.*
    from three_public_expenses
    inner join documents
        on three_public_expenses.document_id = documents.document_id
    where documents.document_id = '{{ var("fixture_document_id") }}'

),

checks as (

    select 'component rows' as check_name, count(*) as actual, 6 as expected, 0 as tolerance from fixture
    union all
    select 'total amount', max(amount_wan_yuan), 81.97, 0 from fixture where component_code = 'total'
    union all
    select 'total change', max(change_wan_yuan), 4.19, 0 from fixture where component_code = 'total'
    union all
    select 'total change pct', max(change_pct), 5.39, 0 from fixture where component_code = 'total'
    union all
    select 'total budget', max(budget_wan_yuan), 82.08, 0 from fixture where component_code = 'total'
    union all
    select 'total final', max(final_wan_yuan), 81.97, 0 from fixture where component_code = 'total'
    union all
    select 'total budget variance', max(budget_variance_pct), -0.13, 0 from fixture where component_code = 'total'
    union all
    select 'vehicles share', max(share_pct), 100.00, 0 from fixture where component_code = 'official_vehicles'
    union all
    select 'vehicle operation budget', max(budget_wan_yuan), 82.08, 0 from fixture where component_code = 'vehicle_operation'
    union all
    select 'vehicles held', max(vehicles_held_count), 44, 0 from fixture where component_code = 'vehicle_operation'
    union all
    select 'fixed asset vehicles', max(fixed_asset_vehicle_count), 49, 0 from fixture where component_code = 'vehicle_operation'
    union all
    select 'vehicles purchased', max(vehicles_purchased_count), 0, 0 from fixture where component_code = 'vehicle_purchase'
    union all
    select 'outbound groups', max(outbound_group_count), 0, 0 from fixture where component_code = 'outbound_travel'
    union all
    select 'outbound person trips', max(outbound_person_trip_count), 0, 0 from fixture where component_code = 'outbound_travel'
    union all
    select 'reception batches', max(reception_batch_count), 0, 0 from fixture where component_code = 'official_reception'
    union all
    select 'reception persons', max(reception_person_count), 0, 0 from fixture where component_code = 'official_reception'
    union all
    -- duplicate printings merged: overview line 202, detail lines 206 / 210 / 212
    select 'outbound first line', max(amount_source_line), 202, 0 from fixture where component_code = 'outbound_travel'
    union all
    select 'outbound second line', max(amount_second_source_line), 206, 0 from fixture where component_code = 'outbound_travel'
    union all
    select 'vehicles second line', max(amount_second_source_line), 210, 0 from fixture where component_code = 'official_vehicles'
    union all
    select 'reception second line', max(amount_second_source_line), 212, 0 from fixture where component_code = 'official_reception'


)

select *
from checks
where actual is null or expected is null or abs(actual - expected) > tolerance

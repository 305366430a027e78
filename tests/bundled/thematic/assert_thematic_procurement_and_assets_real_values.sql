-- 第二部分 十(一)-(三) of the Urumqi HRSS 2024 document: 机关运行经费 972.03 (−25.58, −2.56%),
-- 事业单位公用经费 148.91; 政府采购 558.49 = 货物 70.11 + 工程 52.67 + 服务 435.71 (N21), 中小企业
-- 487.86 (87.35%), 小微企业 246.91 (44.21%); 房屋 3,777.12 平方米 worth 532.04, 车辆 49 worth 849.68
-- = Σ by use 0+0+0+0+4+1+0+44 (N22), 8 台(套) equipment over 1m. Returns a row per failed check.

with

documents as (

    select * from {{ ref('stg_narrative__documents') }}

),

public_funds_operating as (

    select * from {{ ref('fct_public_funds_operating') }}

),

procurement as (

    select * from {{ ref('fct_procurement') }}

),

state_assets as (

    select * from {{ ref('fct_state_assets') }}

),

fixture_document as (

    select document_id
    from documents
    where document_id = '{{ var("fixture_document_id") }}'

),

operating as (

    select public_funds_operating.*
    from public_funds_operating
    inner join fixture_document
        on public_funds_operating.document_id = fixture_document.document_id

),

purchases as (

    select procurement.*
    from procurement
    inner join fixture_document
        on procurement.document_id = fixture_document.document_id

),

assets as (

    select state_assets.*
    from state_assets
    inner join fixture_document
        on state_assets.document_id = fixture_document.document_id

),

checks as (

    select 'agency operating' as check_name, max(amount_wan_yuan) as actual, 972.03 as expected, 0 as tolerance
    from operating where item_code = 'agency_operating'
    union all
    select 'agency operating change', max(change_wan_yuan), -25.58, 0 from operating where item_code = 'agency_operating'
    union all
    select 'agency operating change pct', max(change_pct), -2.56, 0 from operating where item_code = 'agency_operating'
    union all
    select 'institution public funds', max(amount_wan_yuan), 148.91, 0 from operating where item_code = 'institution_public_funds'
    union all
    select 'institution public funds change', max(change_wan_yuan), -4.95, 0 from operating where item_code = 'institution_public_funds'
    union all
    select 'procurement total', max(amount_wan_yuan), 558.49, 0 from purchases where category_code = 'total'
    union all
    select 'goods', max(amount_wan_yuan), 70.11, 0 from purchases where category_code = 'goods'
    union all
    select 'works', max(amount_wan_yuan), 52.67, 0 from purchases where category_code = 'works'
    union all
    select 'services', max(amount_wan_yuan), 435.71, 0 from purchases where category_code = 'services'
    union all
    select 'sme contracts', max(amount_wan_yuan), 487.86, 0 from purchases where category_code = 'sme_contracts'
    union all
    select 'sme share', max(share_pct), 87.35, 0 from purchases where category_code = 'sme_contracts'
    union all
    select 'micro small contracts', max(amount_wan_yuan), 246.91, 0 from purchases where category_code = 'micro_small_contracts'
    union all
    select 'micro small share', max(share_pct), 44.21, 0 from purchases where category_code = 'micro_small_contracts'
    union all
    select 'asset rows', count(*), 11, 0 from assets
    union all
    select 'building area', max(quantity), 3777.12, 0 from assets where item_code = 'buildings'
    union all
    select 'building value', max(value_wan_yuan), 532.04, 0 from assets where item_code = 'buildings'
    union all
    select 'vehicles', max(quantity), 49, 0 from assets where item_code = 'vehicles'
    union all
    select 'vehicle value', max(value_wan_yuan), 849.68, 0 from assets where item_code = 'vehicles'
    union all
    select 'law enforcement vehicles', max(quantity), 4, 0 from assets where item_code = 'vehicle_law_enforcement'
    union all
    select 'special technical vehicles', max(quantity), 1, 0 from assets where item_code = 'vehicle_special_technical'
    union all
    select 'other vehicles', max(quantity), 44, 0 from assets where item_code = 'vehicle_other'
    union all
    select 'equipment over 1m', max(quantity), 8, 0 from assets where item_code = 'equipment_over_1m'

)

select *
from checks
where actual is null or expected is null or abs(actual - expected) > tolerance

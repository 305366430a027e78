-- The Urumqi HRSS 2024 document lists 11 budget units (1 本级 + 10 下属单位, lines 80–90) and 19
-- internal offices (line 76), every office under the 本级 unit. Returns a row per count that differs.

with

documents as (

    select * from {{ ref('dim_document') }}

),

budget_units as (

    select * from {{ ref('dim_budget_unit') }}

),

fixture_document as (

    select document_id
    from documents
    where document_id = '{{ var("fixture_document_id") }}'

),

own_body as (

    select budget_units.budget_unit_id
    from budget_units
    inner join fixture_document
        on budget_units.document_id = fixture_document.document_id
    where budget_units.unit_kind = '本级'

),

expected as (

    select *
    from (
        values
            ('本级', 1),
            ('下属单位', 10),
            ('内设科室', 19),
            ('内设科室 under the 本级 unit', 19)
    ) as t (check_name, expected_count)

),

actual as (

    select budget_units.unit_kind as check_name, count(*) as actual_count
    from budget_units
    inner join fixture_document
        on budget_units.document_id = fixture_document.document_id
    group by budget_units.unit_kind

    union all

    select '内设科室 under the 本级 unit', count(*)
    from budget_units
    inner join own_body
        on budget_units.parent_budget_unit_id = own_body.budget_unit_id
    where budget_units.unit_kind = '内设科室'

),

compared as (

    select expected.check_name, expected.expected_count, actual.actual_count
    from expected
    left join actual
        on expected.check_name = actual.check_name
    where actual.actual_count is distinct from expected.expected_count

)

select * from compared

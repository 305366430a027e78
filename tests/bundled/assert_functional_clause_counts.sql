-- The Urumqi HRSS 2024 document has 31 一般公共预算 clauses (五(三)) and 1 国有资本经营预算 clause
-- (八), and dim_document.clause_count agrees. Returns a row per count that differs.

with

documents as (

    select * from {{ ref('dim_document') }}

),

functional_expenditure as (

    select * from {{ ref('fct_functional_expenditure') }}

),

fixture_document as (

    select document_id, clause_count
    from documents
    where document_id = '{{ var("fixture_document_id") }}'

),

expected as (

    select *
    from (values ('一般公共预算', 31), ('国有资本经营预算', 1), ('all (dim_document.clause_count)', 32))
        as t (budget_type, expected_count)

),

actual as (

    select functional_expenditure.budget_type, count(*) as actual_count
    from functional_expenditure
    inner join fixture_document
        on functional_expenditure.document_id = fixture_document.document_id
    group by functional_expenditure.budget_type

    union all

    select 'all (dim_document.clause_count)', clause_count
    from fixture_document

),

compared as (

    select expected.budget_type, expected.expected_count, actual.actual_count
    from expected
    left join actual
        on expected.budget_type = actual.budget_type
    where actual.actual_count is distinct from expected.expected_count

)

select * from compared

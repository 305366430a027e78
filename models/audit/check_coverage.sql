-- Every check pattern on every document it applies to (ref_check_instances.applies_to), with
-- the number of rows it has in identity_results: a pattern that applies and has none was not
-- evaluated at all (the coverage expectation of each suite fails on it).

with

instances as (

    select * from {{ ref('stg_reference__check_instances') }}

),

subjects as (

    select * from {{ ref('int_checks__document_subjects') }}

),

results as (

    select * from {{ ref('identity_results') }}

),

applicable as (

    select distinct instances.suite, instances.check_id, subjects.document_id
    from instances
    inner join subjects
        on instances.applies_to = subjects.subject

),

final as (

    select
        applicable.suite || ':' || applicable.check_id || ':' || applicable.document_id
            as check_coverage_id,
        applicable.suite,
        applicable.check_id,
        applicable.document_id,
        count(results.identity_check_id) as result_rows
    from applicable
    left join results
        on applicable.document_id = results.document_id
        and applicable.check_id = results.identity_id
        and applicable.suite = results.suite
    group by all

)

select * from final

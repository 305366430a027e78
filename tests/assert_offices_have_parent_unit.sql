-- Every internal office (内设科室) belongs to a 本级 unit of its own document, and a document has at
-- most one 本级 unit (otherwise the parent would be ambiguous). Returns the offending rows.

with

budget_units as (

    select * from {{ ref('dim_budget_unit') }}

),

orphan_offices as (

    select
        offices.budget_unit_id,
        'office without a 本级 parent in its document' as problem
    from budget_units as offices
    left join budget_units as parents
        on offices.parent_budget_unit_id = parents.budget_unit_id
        and offices.document_id = parents.document_id
        and parents.unit_kind = '本级'
    where offices.unit_kind = '内设科室'
        and parents.budget_unit_id is null

),

units_with_parent as (

    select
        budget_unit_id,
        'budget unit with a parent' as problem
    from budget_units
    where unit_kind <> '内设科室'
        and parent_budget_unit_id is not null

),

documents_with_several_own_bodies as (

    select
        document_id as budget_unit_id,
        'document with ' || count(*) || ' 本级 units' as problem
    from budget_units
    where unit_kind = '本级'
    group by document_id
    having count(*) > 1

),

final as (

    select * from orphan_offices
    union all
    select * from units_with_parent
    union all
    select * from documents_with_several_own_bodies

)

select * from final

-- The budget units in the scope of the accounts (本级 and 下属单位) and the internal offices (内设科室)
-- of the department's own body, in one dimension. An office belongs to the 本级 unit of its
-- document; units have no parent.

with

budget_units as (

    select * from {{ ref('stg_narrative__budget_units') }}

),

internal_offices as (

    select * from {{ ref('stg_narrative__internal_offices') }}

),

own_body_units as (

    select document_id, budget_unit_id
    from budget_units
    where unit_level = '本级'

),

units as (

    select
        budget_unit_id,
        document_id,
        unit_name,
        unit_level as unit_kind,
        unit_no,
        cast(null as varchar) as parent_budget_unit_id,
        remark,
        source_line,
        raw_text

    from budget_units

),

offices as (

    select
        {{ natural_key(['internal_offices.document_id', "'office'", 'internal_offices.office_no']) }}
            as budget_unit_id,
        internal_offices.document_id,
        internal_offices.office_name as unit_name,
        '内设科室' as unit_kind,
        internal_offices.office_no as unit_no,
        own_body_units.budget_unit_id as parent_budget_unit_id,
        cast(null as varchar) as remark,
        internal_offices.source_line,
        internal_offices.raw_text

    from internal_offices
    left join own_body_units
        on internal_offices.document_id = own_body_units.document_id

),

unioned as (

    select * from units
    union all
    select * from offices

),

final as (

    select
        ----------  ids
        budget_unit_id,
        document_id,
        parent_budget_unit_id,

        ----------  descriptors
        unit_name,
        unit_kind,
        unit_no,
        remark,

        ----------  lineage
        source_line,
        raw_text

    from unioned

)

select * from final

-- The catalogue of thematic line items the marts are made of: one row per theme × component, with
-- its canonical Chinese name, display order and parent (seed ref_thematic_components), as the
-- models downstream read it.

with

source as (

    select * from {{ ref('ref_thematic_components') }}

),

final as (

    select
        theme,
        component_code,
        component_name,
        component_order,
        parent_component_code,
        note
    from source

)

select * from final

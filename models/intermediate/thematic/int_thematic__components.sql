-- The catalogue of thematic line items: one row per theme × component, with the canonical
-- Chinese name, the display order and the parent the component is a part of (null for a top
-- row). Hand-curated in seeds/reference/ref_thematic_components.csv: the national scheme fixes
-- these items; the patterns that map a printed line_item onto them are the rule seeds
-- (ref_figure_rules, ref_explanation_rules).

with

components as (

    select * from {{ ref('stg_reference__thematic_components') }}

),

final as (

    select
        ----------  ids
        {{ natural_key(['theme', 'component_code']) }} as component_key,
        cast(theme as varchar) as theme,
        cast(component_code as varchar) as component_code,

        ----------  names
        cast(component_name as varchar) as component_name,
        cast(component_order as integer) as component_order,
        cast(parent_component_code as varchar) as parent_component_code

    from components

)

select * from final

-- How a disclosed figure becomes a thematic measure: a figure takes the rule whose topic_id is its
-- section's topic (templates/*.yaml) and whose SQL `like` patterns match its line_item, measure
-- and unit; the lowest rule_priority wins, then the lowest rule_id (seed ref_figure_rules), as the
-- models downstream read it.

with

source as (

    select * from {{ ref('ref_figure_rules') }}

),

final as (

    select
        rule_id,
        topic_id,
        line_item_pattern,
        measure_pattern,
        unit_pattern,
        theme,
        component_code,
        role_override,
        rule_priority,
        note
    from source

)

select * from final

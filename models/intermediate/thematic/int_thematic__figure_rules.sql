-- How a disclosed figure becomes a thematic measure (seeds/reference/ref_figure_rules.csv). A
-- figure takes the rule whose topic_id equals its section's (the template's topic, the same in
-- every template) and whose patterns (SQL `like`, `%` = any text) match its line_item, measure
-- and unit; when several match, the lowest rule_priority wins (a specific rule is 1, a
-- catch-all 2), then the lowest rule_id. role_override names the role; null means the
-- measure's standard role (see int_thematic__figures_by_role: amount → amount, change_amount →
-- change, budget_amount → budget, value_amount → value, …).

with

rules as (

    select * from {{ ref('stg_reference__figure_rules') }}

),

final as (

    select
        ----------  ids
        cast(rule_id as varchar) as figure_rule_id,
        {{ natural_key(['theme', 'component_code']) }} as component_key,

        ----------  patterns
        cast(topic_id as varchar) as topic_id,
        cast(line_item_pattern as varchar) as line_item_pattern,
        cast(measure_pattern as varchar) as measure_pattern,
        cast(unit_pattern as varchar) as unit_pattern,

        ----------  targets
        cast(theme as varchar) as theme,
        cast(component_code as varchar) as component_code,
        cast(role_override as varchar) as role_override,
        cast(rule_priority as integer) as rule_priority,
        cast(note as varchar) as note

    from rules

)

select * from final

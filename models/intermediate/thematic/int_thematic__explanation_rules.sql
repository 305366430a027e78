-- How an explanation (reason, spending content, statement …) attaches to a thematic component
-- (seeds/reference/ref_explanation_rules.csv). An explanation takes the rule whose topic_id
-- equals its section's and whose patterns (SQL `like`) match its subject (an empty subject
-- counts as '') and explanation_kind; the lowest rule_priority wins, then the lowest rule_id.
-- role_override names the role; null means the explanation_kind itself (change_reason,
-- budget_variance_reason, spending_content, statement, …).

with

rules as (

    select * from {{ ref('stg_reference__explanation_rules') }}

),

final as (

    select
        ----------  ids
        cast(rule_id as varchar) as explanation_rule_id,
        {{ natural_key(['theme', 'component_code']) }} as component_key,

        ----------  patterns
        cast(topic_id as varchar) as topic_id,
        cast(subject_pattern as varchar) as subject_pattern,
        cast(kind_pattern as varchar) as kind_pattern,

        ----------  targets
        cast(theme as varchar) as theme,
        cast(component_code as varchar) as component_code,
        cast(role_override as varchar) as role_override,
        cast(rule_priority as integer) as rule_priority,
        cast(note as varchar) as note

    from rules

)

select * from final
